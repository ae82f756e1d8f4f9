import type { Context } from "hono";
import type { FC } from "hono/jsx";
import { hasRole } from "../../platform/authz.ts";
import { CommandError } from "../../platform/commands.ts";
import { errorResponse } from "../../platform/http/errors.tsx";
import { authed } from "../../platform/http/guards.ts";
import { CsrfField, Flash, type PageContext } from "../../platform/http/layout.tsx";
import { page } from "../../platform/http/render.tsx";
import { formBody, intParam } from "../../platform/http/request.ts";
import type { Actor, App, AppEnv } from "../../platform/http/types.ts";
import { formatDate } from "../../platform/i18n/i18n.ts";
import {
  clusterSummary,
  linkToCluster,
  mergeClusters,
  splitCluster,
  unlinkFromCluster,
} from "./commands/clusters.ts";
import { canAct } from "./policy.ts";
import { getPetition } from "./queries/getPetition.ts";
import { joinClaimOf } from "./queries/joins.ts";
import { findSimilar, type SimilarPetition } from "./queries/similar.ts";
import { JoinClaimNote } from "./views/joinViews.tsx";

const canWorkClusters = (actor: Actor) => hasRole(actor, "coordinator", "admin", "leader", "commune_officer");

type Member = {
  id: number;
  code: string;
  title: string;
  state: string;
  village_name: string;
  commune_name: string | null;
  submitted_at: Date | null;
  households: number;
};

async function members(c: Context<AppEnv>, clusterId: number): Promise<Member[]> {
  const { rows } = await c.get("deps").pool.query<Member>(
    `SELECT p.id, p.code, p.title, p.state, v.name AS village_name, cm.name AS commune_name, p.submitted_at, p.households
       FROM petitions p JOIN units v ON v.id = p.village_id LEFT JOIN units cm ON cm.id = v.parent_id
      WHERE p.cluster_id = $1 ORDER BY p.submitted_at, p.id`,
    [clusterId],
  );
  return rows;
}

/** "Kiến nghị tương tự" on a petition's page: near-duplicates from any village, with a link-into-cluster button. */
export const SimilarPanel: FC<{
  ctx: PageContext;
  petitionId: number;
  similar: SimilarPetition[];
  canLink: boolean;
  /** The petition the village said it joins ("Thôn tôi cũng vậy"), marked in the list. */
  claimedId?: number | null;
}> = ({ ctx, petitionId, similar, canLink, claimedId = null }) => (
  <section class="card similar" aria-labelledby="similar-h">
    <h2 id="similar-h">{ctx.t("clusters.similar.title")}</h2>
    {similar.length === 0 ? (
      <p class="muted">{ctx.t("clusters.similar.none")}</p>
    ) : (
      <ul>
        {similar.map((s) => (
          <li>
            <a href={`/petitions/${s.id}`}>{s.title}</a>{" "}
            <span class="muted">
              {s.village_name}
              {s.commune_name ? `, ${s.commune_name}` : ""} · {ctx.t(`state.${s.state}`)} ·{" "}
              {ctx.t("clusters.similar.score", { pct: Math.round(s.score * 100) })}
            </span>
            {s.id === claimedId ? <span class="tag">{ctx.t("petitions.join.claimedTag")}</span> : null}
            {canLink ? (
              <form method="post" action={`/petitions/${petitionId}/cluster/link`} class="inline">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="target" value={String(s.id)} />
                <button type="submit" class="secondary">
                  {s.cluster_id ? ctx.t("clusters.link.join") : ctx.t("clusters.link.create")}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    )}
  </section>
);

export function clusterRoutes(app: App): void {
  // Similar petitions of one petition, for the people who receive and route it ("again at receipt").
  app.get(
    "/petitions/:id/similar",
    authed(async (c, actor) => {
      const id = intParam(c.req.param("id"));
      const view = id ? await getPetition(c.get("deps").pool, actor, id) : null;
      if (!view || !canWorkClusters(actor)) return errorResponse(c, 404);
      const p = view.petition;
      const [similar, claim] = await Promise.all([
        findSimilar(c.get("deps").pool, `${p.title}\n${p.body}`, {
          placeNames: [p.village_name, p.commune_name ?? ""],
          excludeId: p.id,
          limit: 10,
        }),
        joinClaimOf(c.get("deps").pool, p.id),
      ]);
      const canLink = p.cluster_id === null && canAct(actor, "merge", view.subject);
      const t = c.get("t");
      return page(c, t("clusters.similar.title"), (ctx) => (
        <section>
          <p>
            <a href={`/petitions/${p.id}`}>← {p.code}</a>
          </p>
          <h1>{p.title}</h1>
          <Flash ctx={ctx} messageKey={c.req.query("error") ?? null} kind="error" />
          <JoinClaimNote
            ctx={ctx}
            petitionId={p.id}
            info={{ claim, joiners: [], similar: null, canLink, officer: true }}
          />
          <SimilarPanel
            ctx={ctx}
            petitionId={p.id}
            similar={similar.filter((s) => s.cluster_id === null || s.cluster_id !== p.cluster_id)}
            canLink={canLink}
            claimedId={claim?.target_id ?? null}
          />
          {p.cluster_id ? (
            <p>
              <a href={`/clusters/${p.cluster_id}`}>{t("clusters.view")}</a>
            </p>
          ) : null}
        </section>
      ));
    }),
  );

  app.post(
    "/petitions/:id/cluster/link",
    authed(async (c, actor) => {
      const id = intParam(c.req.param("id"));
      const target = intParam((await formBody(c)).target);
      if (!id || !target) return errorResponse(c, 400);
      const deps = c.get("deps");
      try {
        const clusterId = await linkToCluster(
          { pool: deps.pool, clock: deps.clock, actorId: actor.id, actor },
          id,
          target,
        );
        return c.redirect(`/clusters/${clusterId}?done=linked`, 303);
      } catch (err) {
        if (err instanceof CommandError)
          return c.redirect(`/petitions/${id}/similar?error=${encodeURIComponent(err.messageKey)}`, 303);
        throw err;
      }
    }),
  );

  app.get(
    "/clusters/:id",
    authed(async (c, actor) => {
      const deps = c.get("deps");
      const id = intParam(c.req.param("id"));
      const summary = id ? await clusterSummary(deps.pool, id) : null;
      const lead = summary ? await getPetition(deps.pool, actor, summary.lead_petition_id) : null;
      if (!summary || !lead || !canWorkClusters(actor)) return errorResponse(c, 404);
      const list = await members(c, summary.id);
      const manage = canAct(actor, "merge", lead.subject);
      const t = c.get("t");
      return page(
        c,
        t("clusters.title", { villages: summary.villages }),
        (ctx) => (
          <section>
            <h1>{summary.lead_title}</h1>
            <Flash
              ctx={ctx}
              messageKey={c.req.query("done") ? `clusters.done.${c.req.query("done")}` : null}
            />
            <Flash ctx={ctx} messageKey={c.req.query("error") ?? null} kind="error" />
            <p class="stat">
              {t("clusters.raisedBy", { villages: summary.villages, communes: summary.communes })}
            </p>
            <p class="muted">
              {t("clusters.households", { n: summary.households })}
              {summary.since ? ` · ${t("reports.overview.since", { date: formatDate(summary.since) })}` : ""}{" "}
              · {t("clusters.leadState", { state: t(`state.${summary.lead_state}`) })}
            </p>
            <p>{t("clusters.followsLead")}</p>
            <form method="post" action={`/clusters/${summary.id}/split`}>
              <CsrfField ctx={ctx} />
              <div class="scroll">
                <table>
                  <caption>{t("clusters.members")}</caption>
                  <thead>
                    <tr>
                      {manage ? <th scope="col">{t("clusters.select")}</th> : null}
                      <th scope="col">{t("clusters.col.petition")}</th>
                      <th scope="col">{t("clusters.col.village")}</th>
                      <th scope="col">{t("clusters.col.state")}</th>
                      <th scope="col">{t("clusters.col.submitted")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((m) => (
                      <tr>
                        {manage ? (
                          <td>
                            {m.id === summary.lead_petition_id ? (
                              <span class="tag">{t("clusters.lead")}</span>
                            ) : (
                              <input
                                type="checkbox"
                                name="ids"
                                value={String(m.id)}
                                aria-label={t("clusters.selectOne", { code: m.code })}
                              />
                            )}
                          </td>
                        ) : null}
                        <td>
                          <a href={`/petitions/${m.id}`}>{m.code}</a> {m.title}
                        </td>
                        <td>
                          {m.village_name}
                          {m.commune_name ? `, ${m.commune_name}` : ""}
                        </td>
                        <td>{t(`state.${m.state}`)}</td>
                        <td>{m.submitted_at ? formatDate(m.submitted_at) : ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {manage ? (
                <div class="actions">
                  <button type="submit" name="op" value="unlink" class="secondary">
                    {t("clusters.unlink")}
                  </button>
                  <button type="submit" name="op" value="split" class="secondary">
                    {t("clusters.split")}
                  </button>
                </div>
              ) : null}
            </form>
            {manage ? (
              <form method="post" action={`/clusters/${summary.id}/merge`} class="actions">
                <CsrfField ctx={ctx} />
                <label for="from">{t("clusters.mergeFrom")}</label>
                <input id="from" name="from" inputmode="numeric" />
                <button type="submit" class="secondary">
                  {t("clusters.merge")}
                </button>
              </form>
            ) : null}
          </section>
        ),
        { wide: true },
      );
    }),
  );

  app.post(
    "/clusters/:id/split",
    authed(async (c, actor) => {
      const deps = c.get("deps");
      const id = intParam(c.req.param("id"));
      const body = await c.req.parseBody({ all: true });
      const raw = body.ids;
      const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((v) => {
        const n = typeof v === "string" ? intParam(v) : undefined;
        return n ? [n] : [];
      });
      if (!id) return errorResponse(c, 400);
      const ctx = { pool: deps.pool, clock: deps.clock, actorId: actor.id, actor };
      try {
        if (ids.length === 0) throw new CommandError("petitions.error.noneSelected", 422);
        if (body.op === "unlink") {
          for (const pid of ids) await unlinkFromCluster(ctx, pid);
          return c.redirect(`/clusters/${id}?done=unlinked`, 303);
        }
        await splitCluster(ctx, id, ids);
        return c.redirect(`/clusters/${id}?done=split`, 303);
      } catch (err) {
        if (err instanceof CommandError) {
          if (err.status === 404 && ids[0]) return c.redirect(`/petitions/${ids[0]}`, 303);
          return c.redirect(`/clusters/${id}?error=${encodeURIComponent(err.messageKey)}`, 303);
        }
        throw err;
      }
    }),
  );

  app.post(
    "/clusters/:id/merge",
    authed(async (c, actor) => {
      const deps = c.get("deps");
      const id = intParam(c.req.param("id"));
      const from = intParam((await formBody(c)).from?.trim());
      if (!id) return errorResponse(c, 400);
      try {
        if (!from) throw new CommandError("clusters.error.fromRequired", 422);
        const lead = await clusterSummary(deps.pool, id);
        const view = lead ? await getPetition(deps.pool, actor, lead.lead_petition_id) : null;
        if (!view || !canAct(actor, "merge", view.subject)) throw new CommandError("error.403", 403);
        await mergeClusters({ pool: deps.pool, clock: deps.clock, actorId: actor.id, actor }, id, from);
        return c.redirect(`/clusters/${id}?done=merged`, 303);
      } catch (err) {
        if (err instanceof CommandError)
          return c.redirect(`/clusters/${id}?error=${encodeURIComponent(err.messageKey)}`, 303);
        throw err;
      }
    }),
  );
}
