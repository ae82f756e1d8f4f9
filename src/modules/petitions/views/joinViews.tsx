import type { FC } from "hono/jsx";
import { CsrfField, type PageContext } from "../../../platform/http/layout.tsx";
import type { JoinClaim } from "../queries/joins.ts";
import type { VisibleSimilar } from "../queries/pageData.ts";
import { StateBadge } from "./fields.tsx";

/** What the petition page knows of "Thôn tôi cũng vậy" and of the similar petitions at receipt. */
export type JoinInfo = {
  claim: JoinClaim | null;
  /** Other villages' petitions that said they raise the same issue as this one (for those who may see them). */
  joiners: { id: number; code: string; title: string; linked: boolean }[];
  /** Near-duplicates listed without a click, for the person who receives it and the coordinator; null: not shown. */
  similar: VisibleSimilar[] | null;
  /** This person may link this petition into a cluster now (the coordinator, while it is in no cluster). */
  canLink: boolean;
  /** This person works on petitions (officer, coordinator…), not the village that filed it. */
  officer: boolean;
};

const LinkButton: FC<{ ctx: PageContext; petitionId: number; targetId: number; label: string }> = ({
  ctx,
  petitionId,
  targetId,
  label,
}) => (
  <form method="post" action={`/petitions/${petitionId}/cluster/link`} class="inline">
    <CsrfField ctx={ctx} />
    <input type="hidden" name="target" value={String(targetId)} />
    <button type="submit" class="secondary">
      {label}
    </button>
  </form>
);

/** "Thôn báo cùng vấn đề với KN-…": the village's claim, and (for the coordinator) one click to confirm it. */
export const JoinClaimNote: FC<{ ctx: PageContext; petitionId: number; info: JoinInfo }> = ({
  ctx,
  petitionId,
  info,
}) => {
  const { t } = ctx;
  const { claim, joiners } = info;
  if (!claim && joiners.length === 0) return null;
  return (
    <section class="join-claim" aria-labelledby="join-claim-h">
      <h2 id="join-claim-h">{t("petitions.join.heading")}</h2>
      {claim ? (
        info.officer ? (
          <p>
            {t("petitions.join.claimOfficer", { code: claim.target_code })}{" "}
            <a href={`/petitions/${claim.target_id}`}>«{claim.target_title}»</a>
            {claim.linked ? ` · ${t("petitions.join.linked")}` : ` · ${t("petitions.join.waiting")}`}
          </p>
        ) : (
          <p>
            {t(claim.linked ? "petitions.join.claimHeadLinked" : "petitions.join.claimHead", {
              code: claim.target_code,
            })}
          </p>
        )
      ) : null}
      {claim && !claim.linked && info.canLink ? (
        <LinkButton
          ctx={ctx}
          petitionId={petitionId}
          targetId={claim.target_id}
          label={t("petitions.join.confirm", { code: claim.target_code })}
        />
      ) : null}
      {joiners.length > 0 ? (
        <>
          <p>{t("petitions.join.joiners", { n: joiners.length })}</p>
          <ul class="joiners">
            {joiners.map((j) => (
              <li>
                <a href={`/petitions/${j.id}`}>{j.code}</a> {j.title}
                {j.linked ? ` · ${t("petitions.join.linked")}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
};

/** At receipt: the top similar petitions, without a click; what may not be opened shows only its commune. */
export const ReceiptSimilar: FC<{ ctx: PageContext; petitionId: number; info: JoinInfo }> = ({
  ctx,
  petitionId,
  info,
}) => {
  const { t } = ctx;
  const items = info.similar;
  if (items === null) return null;
  const claimed = info.claim?.target_id ?? null;
  return (
    <section class="receipt-similar" aria-labelledby="receipt-similar-h">
      <h2 id="receipt-similar-h">{t("petitions.join.receiptHeading")}</h2>
      {items.length === 0 ? (
        <p class="muted">{t("petitions.similar.none")}</p>
      ) : (
        <ul class="similar-list">
          {items.map((s) => (
            <li>
              {s.canOpen ? (
                <a href={`/petitions/${s.id}`}>
                  {s.code} {s.title}
                </a>
              ) : (
                <span class="title">{s.title}</span>
              )}
              <span class="where">
                {s.village_name
                  ? t("petitions.similar.place", { village: s.village_name, commune: s.commune_name ?? "" })
                  : t("petitions.similar.commune", { commune: s.commune_name ?? "" })}
                {" · "}
                {t("clusters.similar.score", { pct: Math.round(s.score * 100) })}
              </span>{" "}
              <StateBadge t={t} state={s.state} />
              {s.id === claimed ? <span class="tag">{t("petitions.join.claimedTag")}</span> : null}
              {info.canLink ? (
                <LinkButton
                  ctx={ctx}
                  petitionId={petitionId}
                  targetId={s.id}
                  label={s.cluster_id ? t("clusters.link.join") : t("clusters.link.create")}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
