import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { safeUrl } from "../../../platform/http/safeUrl.ts";
import { formatDate } from "../../../platform/i18n/i18n.ts";
import type { AgencyLink } from "../../agencies/queries/agenciesForUnit.ts";
import type { ChildUnit, Crumb, LineageLink, Unit } from "../queries/unitDetail.ts";
import {
  formatIsoDate,
  labelOr,
  levelLabel,
  Notice,
  PostButton,
  reorganisationDate,
  typeLabel,
  UnitTags,
} from "./common.tsx";
import { CommuneTable } from "./communeTable.tsx";

export type UnitPageData = {
  unit: Unit;
  crumbs: Crumb[];
  childUnits: ChildUnit[];
  formedFrom: LineageLink[];
  successors: LineageLink[];
  agencies: AgencyLink[];
};

type Props = UnitPageData & {
  ctx: PageContext;
  canManage: boolean;
  /** Whether the reader may see the head's phone of the village at this path. */
  canSeeContact: (path: string) => boolean;
  done: string | null;
};

const Phone: FC<{ phone: string | null }> = ({ phone }) =>
  phone ? <a href={safeUrl(`tel:${phone}`)}>{phone}</a> : <>—</>;

const Facts: FC<{ ctx: PageContext; unit: Unit }> = ({ ctx, unit }) => {
  const { t } = ctx;
  return (
    <dl class="facts">
      <dt>{t("units.fact.code")}</dt>
      <dd>{unit.code}</dd>
      <dt>{t("units.fact.type")}</dt>
      <dd>{typeLabel(t, unit.type)}</dd>
      <dt>{t("units.fact.level")}</dt>
      <dd>{levelLabel(t, unit.level)}</dd>
      <dt>{t("units.fact.validFrom")}</dt>
      <dd>{unit.valid_from ? formatIsoDate(unit.valid_from) : t("units.fact.unknown")}</dd>
      {unit.valid_to ? (
        <>
          <dt>{t("units.fact.validTo")}</dt>
          <dd>{formatIsoDate(unit.valid_to)}</dd>
        </>
      ) : null}
      <dt>{t("units.fact.status")}</dt>
      <dd>
        {unit.retired_at
          ? t("units.status.retired", { date: formatDate(unit.retired_at) })
          : unit.valid_to
            ? t("units.status.old")
            : t("units.status.current")}
      </dd>
    </dl>
  );
};

const AdminActions: FC<{ ctx: PageContext; unit: Unit }> = ({ ctx, unit }) => {
  const { t } = ctx;
  const current = unit.valid_to === null;
  const retirable = current && (unit.level === "commune" || unit.level === "village");
  const canAddChild = current && !unit.retired_at && (unit.level === "commune" || unit.level === "province");
  return (
    <>
      <h2>{t("units.admin.title")}</h2>
      <div class="actions">
        <a class="button secondary" href={`/admin/units/${unit.id}/edit`}>
          {t("units.admin.edit")}
        </a>
        {canAddChild ? (
          <a class="button secondary" href={`/admin/units/new?parent=${unit.id}`}>
            {t(unit.level === "commune" ? "units.admin.addVillage" : "units.admin.addCommune")}
          </a>
        ) : null}
        {retirable ? (
          unit.retired_at ? (
            <PostButton
              ctx={ctx}
              action={`/admin/units/${unit.id}/restore`}
              label={t("units.admin.restore")}
            />
          ) : (
            <PostButton
              ctx={ctx}
              action={`/admin/units/${unit.id}/retire`}
              label={t("units.admin.retire")}
              kind="danger"
            />
          )
        ) : null}
      </div>
      {retirable && !unit.retired_at ? <p class="muted">{t("units.admin.retireHint")}</p> : null}
      {unit.level === "commune" && current ? (
        <p>
          <a href="/admin/units/import">{t("units.admin.import")}</a>
        </p>
      ) : null}
    </>
  );
};

const Lineage: FC<{
  ctx: PageContext;
  title: string;
  lead: string;
  links: LineageLink[];
  showDistrict: boolean;
}> = ({ ctx, title, lead, links, showDistrict }) => {
  const { t } = ctx;
  return (
    <>
      <h2 id="lineage">{title}</h2>
      <p>{lead}</p>
      <div class="scroll">
        <table aria-labelledby="lineage">
          <thead>
            <tr>
              <th scope="col">{t("units.col.name")}</th>
              {showDistrict ? <th scope="col">{t("units.col.district")}</th> : null}
              <th scope="col">{t("units.col.merge")}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr>
                <td>
                  <a href={`/units/${l.id}`}>{l.full_name}</a>
                </td>
                {showDistrict ? <td>{l.district_name ?? "—"}</td> : null}
                <td>{t(`units.merge.${l.merge_type}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

const Villages: FC<{ ctx: PageContext; villages: ChildUnit[]; canSeeContact: (path: string) => boolean }> = ({
  ctx,
  villages,
  canSeeContact,
}) => {
  const { t } = ctx;
  const inUse = villages.filter((v) => !v.retired_at).length;
  const phones = villages.some((v) => canSeeContact(v.path));
  return (
    <>
      <h2 id="villages">{t("units.children.villages", { n: inUse })}</h2>
      {villages.length === 0 ? (
        <p class="muted">{t("units.children.noVillages")}</p>
      ) : (
        <div class="scroll">
          <table aria-labelledby="villages">
            <thead>
              <tr>
                <th scope="col">{t("units.col.name")}</th>
                <th scope="col">{t("units.col.head")}</th>
                {phones ? <th scope="col">{t("units.col.phone")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {villages.map((v) => (
                <tr>
                  <td>
                    <a href={`/units/${v.id}`}>{v.full_name}</a>
                    <UnitTags ctx={ctx} unit={v} />
                  </td>
                  <td>{v.head_name ?? "—"}</td>
                  {phones ? <td>{canSeeContact(v.path) ? <Phone phone={v.head_phone} /> : "—"}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};

export const UnitPage: FC<Props> = (p) => {
  const { ctx, unit } = p;
  const { t } = ctx;
  const date = reorganisationDate();
  const since = unit.valid_from ? formatIsoDate(unit.valid_from) : date;
  return (
    <section>
      <nav aria-label={t("units.crumbs")}>
        <ol class="crumbs">
          <li>
            <a href="/units">{t("units.title")}</a>
          </li>
          {p.crumbs.map((c) => (
            <li>
              <a href={`/units/${c.id}`}>{c.full_name}</a>
            </li>
          ))}
          <li aria-current="page">{unit.full_name}</li>
        </ol>
      </nav>
      <h1>
        {unit.full_name}
        <UnitTags ctx={ctx} unit={unit} />
      </h1>
      <Notice ctx={ctx} messageKey={p.done} />
      <Facts ctx={ctx} unit={unit} />

      {unit.level === "village" ? (
        <>
          <h2>{t("units.head.title")}</h2>
          <dl class="facts">
            <dt>{t("units.head.name")}</dt>
            <dd>{unit.head_name ?? t("units.head.none")}</dd>
            {p.canSeeContact(unit.path) ? (
              <>
                <dt>{t("units.head.phone")}</dt>
                <dd>
                  <Phone phone={unit.head_phone} />
                </dd>
              </>
            ) : null}
          </dl>
          {p.canSeeContact(unit.path) ? null : <p class="muted">{t("units.head.hidden")}</p>}
        </>
      ) : null}

      {p.canManage ? <AdminActions ctx={ctx} unit={unit} /> : null}

      {unit.level !== "village" ? (
        <>
          <h2>{t("units.agencies.title")}</h2>
          {p.agencies.length === 0 ? (
            <p class="muted">{t("units.agencies.none")}</p>
          ) : (
            <ul>
              {p.agencies.map((a) => (
                <li>
                  <a href={`/agencies/${a.id}`}>{a.name}</a>{" "}
                  <span class="muted">({labelOr(t, `agencies.kind.${a.kind}`, a.kind)})</span>
                  {a.retired_at ? (
                    <>
                      {" "}
                      <span class="tag retired">{t("units.retired")}</span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}

      {p.formedFrom.length > 0 ? (
        <Lineage
          ctx={ctx}
          title={t("units.lineage.from")}
          lead={t("units.lineage.fromLead", { date: since })}
          links={p.formedFrom}
          showDistrict
        />
      ) : null}
      {p.successors.length > 0 ? (
        <Lineage
          ctx={ctx}
          title={t("units.lineage.to")}
          lead={t("units.lineage.toLead", { date: unit.valid_to ? formatIsoDate(unit.valid_to) : date })}
          links={p.successors}
          showDistrict={false}
        />
      ) : null}

      {unit.level === "commune" && unit.valid_to === null ? (
        <Villages ctx={ctx} villages={p.childUnits} canSeeContact={p.canSeeContact} />
      ) : null}
      {unit.level === "province" ? (
        <>
          <h2 id="communes">{t("units.communes.title", { n: p.childUnits.length })}</h2>
          <CommuneTable ctx={ctx} communes={p.childUnits} headingId="communes" />
          <p>
            <a href="/units/history">{t("units.history.link", { date })}</a>
          </p>
        </>
      ) : null}
      {unit.level === "district" ? (
        <>
          <h2>{t("units.children.oldCommunes", { n: p.childUnits.length })}</h2>
          <ul>
            {p.childUnits.map((c) => (
              <li>
                <a href={`/units/${c.id}`}>{c.full_name}</a> <span class="muted">{c.code}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
};
