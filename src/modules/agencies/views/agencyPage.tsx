import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { safeUrl } from "../../../platform/http/safeUrl.ts";
import { formatDate } from "../../../platform/i18n/i18n.ts";
import { Notice, PostButton } from "../../units/views/common.tsx";
import type { Agency } from "../queries/findAgency.ts";

export const AgencyPage: FC<{
  ctx: PageContext;
  agency: Agency;
  canManage: boolean;
  done: string | null;
}> = ({ ctx, agency: a, canManage, done }) => {
  const { t } = ctx;
  return (
    <section>
      <nav aria-label={t("agencies.crumbs")}>
        <ol class="crumbs">
          <li>
            <a href="/agencies">{t("agencies.title")}</a>
          </li>
          <li aria-current="page">{a.name}</li>
        </ol>
      </nav>
      <h1>
        {a.name}
        {a.retired_at ? (
          <>
            {" "}
            <span class="tag retired">{t("agencies.retired")}</span>
          </>
        ) : null}
      </h1>
      <Notice ctx={ctx} messageKey={done} />
      <dl class="facts">
        <dt>{t("agencies.fact.code")}</dt>
        <dd>{a.code}</dd>
        {a.name_en ? (
          <>
            <dt>{t("agencies.fact.nameEn")}</dt>
            <dd lang="en">{a.name_en}</dd>
          </>
        ) : null}
        <dt>{t("agencies.fact.kind")}</dt>
        <dd>{t(`agencies.kind.${a.kind}`)}</dd>
        <dt>{t("agencies.fact.unit")}</dt>
        <dd>
          {a.unit_id && a.unit_name ? (
            <>
              <a href={`/units/${a.unit_id}`}>{a.unit_name}</a>
              {a.unit_retired ? (
                <>
                  {" "}
                  <span class="tag retired">{t("agencies.unitRetired")}</span>
                </>
              ) : null}
            </>
          ) : (
            t("agencies.noUnit")
          )}
        </dd>
        <dt>{t("agencies.fact.email")}</dt>
        <dd>{a.email ? <a href={safeUrl(`mailto:${a.email}`)}>{a.email}</a> : t("agencies.noEmail")}</dd>
        <dt>{t("agencies.fact.status")}</dt>
        <dd>
          {a.retired_at
            ? t("agencies.status.retired", { date: formatDate(a.retired_at) })
            : t("agencies.status.active")}
        </dd>
      </dl>
      {canManage ? (
        <>
          <h2>{t("agencies.admin.title")}</h2>
          <div class="actions">
            <a class="button secondary" href={`/admin/agencies/${a.id}/edit`}>
              {t("agencies.admin.edit")}
            </a>
            {a.retired_at ? (
              <PostButton
                ctx={ctx}
                action={`/admin/agencies/${a.id}/restore`}
                label={t("agencies.admin.restore")}
              />
            ) : (
              <PostButton
                ctx={ctx}
                action={`/admin/agencies/${a.id}/retire`}
                label={t("agencies.admin.retire")}
                kind="danger"
              />
            )}
          </div>
          {a.retired_at ? null : <p class="muted">{t("agencies.admin.retireHint")}</p>}
        </>
      ) : null}
    </section>
  );
};
