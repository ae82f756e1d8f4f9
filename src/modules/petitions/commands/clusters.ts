import type pg from "pg";
import { type CommandContext, CommandError, runCommand } from "../../../platform/commands.ts";
import type { Actor } from "../../../platform/http/types.ts";
import { canAct } from "../policy.ts";
import { isState, type State, transition } from "../states.ts";

type Ctx = CommandContext & { actor: Actor };
type Row = {
  id: number;
  state: State;
  unit_path: string;
  agency_id: number | null;
  cluster_id: number | null;
  village_id: number;
};

async function lock(client: pg.PoolClient, ids: number[]): Promise<Map<number, Row>> {
  const { rows } = await client.query<Row>(
    "SELECT id, state, unit_path, agency_id, cluster_id, village_id FROM petitions WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE",
    [ids],
  );
  return new Map(rows.filter((r) => isState(r.state)).map((r) => [r.id, r]));
}

async function step(
  client: pg.PoolClient,
  ctx: Ctx,
  row: Row,
  action: "merge" | "unmerge",
  now: Date,
  patch: { cluster_id: number | null },
  data: Record<string, unknown>,
) {
  if (!canAct(ctx.actor, action, { unitPath: row.unit_path, agencyId: row.agency_id }))
    throw new CommandError("error.403", 403);
  const next = transition(row.state, action);
  if (!next) throw new CommandError("petitions.error.notAllowedNow", 409);
  await client.query(
    "UPDATE petitions SET state = $2, cluster_id = $3, version = version + 1, updated_at = $4 WHERE id = $1",
    [row.id, next, patch.cluster_id, now],
  );
  await client.query(
    "INSERT INTO petition_events (petition_id, at, actor_id, action, from_state, to_state, data) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    [row.id, now, ctx.actorId, action, row.state, next, JSON.stringify(data)],
  );
}

/**
 * A person confirms that `petitionId` raises the same issue as `targetId`: it joins the target's cluster
 * (created around the target, which leads, if it has none) and follows the lead from then on.
 * Suggestions never merge on their own.
 */
export async function linkToCluster(ctx: Ctx, petitionId: number, targetId: number): Promise<number> {
  if (petitionId === targetId) throw new CommandError("petitions.error.sameItem", 422);
  return runCommand(ctx, "petition.cluster_link", async (client, now) => {
    const rows = await lock(client, [petitionId, targetId]);
    const p = rows.get(petitionId);
    const target = rows.get(targetId);
    if (!p || !target) throw new CommandError("petitions.error.notFound", 404);
    if (!canAct(ctx.actor, "merge", { unitPath: target.unit_path, agencyId: target.agency_id }))
      throw new CommandError("error.403", 403);
    if (p.cluster_id !== null) throw new CommandError("petitions.error.alreadyClustered", 409);
    let clusterId = target.cluster_id;
    if (clusterId === null) {
      const c = await client.query<{ id: number }>(
        "INSERT INTO petition_clusters (lead_petition_id, created_by, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id",
        [target.id, ctx.actorId, now],
      );
      clusterId = c.rows[0]?.id ?? null;
      await client.query("UPDATE petitions SET cluster_id = $2 WHERE id = $1", [target.id, clusterId]);
    }
    await step(client, ctx, p, "merge", now, { cluster_id: clusterId }, { clusterId, with: target.id });
    await client.query("UPDATE petition_clusters SET updated_at = $2 WHERE id = $1", [clusterId, now]);
    return {
      result: clusterId ?? 0,
      subjectType: "petition",
      subjectId: petitionId,
      after: { clusterId, target: targetId },
    };
  });
}

/** Takes a member out of its cluster: it goes back to "received" to be handled on its own. */
export async function unlinkFromCluster(ctx: Ctx, petitionId: number): Promise<void> {
  await runCommand(ctx, "petition.cluster_unlink", async (client, now) => {
    const rows = await lock(client, [petitionId]);
    const p = rows.get(petitionId);
    if (!p?.cluster_id) throw new CommandError("petitions.error.notClustered", 409);
    const c = await client.query<{ lead_petition_id: number }>(
      "SELECT lead_petition_id FROM petition_clusters WHERE id = $1 FOR UPDATE",
      [p.cluster_id],
    );
    if (c.rows[0]?.lead_petition_id === p.id) throw new CommandError("petitions.error.leadCannotLeave", 409);
    await step(client, ctx, p, "unmerge", now, { cluster_id: null }, { clusterId: p.cluster_id });
    await dissolveIfAlone(client, p.cluster_id);
    return {
      result: undefined,
      subjectType: "petition",
      subjectId: petitionId,
      after: { leftCluster: p.cluster_id },
    };
  });
}

async function dissolveIfAlone(client: pg.PoolClient, clusterId: number) {
  const n = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM petitions WHERE cluster_id = $1",
    [clusterId],
  );
  if ((n.rows[0]?.n ?? 0) <= 1) {
    await client.query("UPDATE petitions SET cluster_id = NULL WHERE cluster_id = $1", [clusterId]);
    await client.query("DELETE FROM petition_clusters WHERE id = $1", [clusterId]);
  }
}

/** Two clusters found to be one: every petition of `fromId` joins `intoId`, whose lead stays the lead. */
export async function mergeClusters(ctx: Ctx, intoId: number, fromId: number): Promise<void> {
  if (intoId === fromId) throw new CommandError("petitions.error.sameItem", 422);
  await runCommand(ctx, "petition.cluster_merge", async (client, now) => {
    const { rows } = await client.query<{ id: number }>(
      "SELECT id FROM petitions WHERE cluster_id = ANY($1::bigint[]) ORDER BY id",
      [[intoId, fromId]],
    );
    const locked = await lock(
      client,
      rows.map((r) => r.id),
    );
    const from = await client.query<{ lead_petition_id: number }>(
      "SELECT lead_petition_id FROM petition_clusters WHERE id = $1",
      [fromId],
    );
    const into = await client.query<{ lead_petition_id: number }>(
      "SELECT lead_petition_id FROM petition_clusters WHERE id = $1",
      [intoId],
    );
    if (!from.rows[0] || !into.rows[0]) throw new CommandError("petitions.error.notFound", 404);
    for (const r of locked.values()) {
      if (r.cluster_id !== fromId) continue;
      if (r.id === from.rows[0].lead_petition_id && r.state !== "merged") {
        await step(
          client,
          ctx,
          r,
          "merge",
          now,
          { cluster_id: intoId },
          { clusterId: intoId, mergedFrom: fromId },
        );
      } else {
        await client.query("UPDATE petitions SET cluster_id = $2, updated_at = $3 WHERE id = $1", [
          r.id,
          intoId,
          now,
        ]);
      }
    }
    await client.query("DELETE FROM petition_clusters WHERE id = $1", [fromId]);
    return {
      result: undefined,
      subjectType: "petition_cluster",
      subjectId: intoId,
      after: { mergedFrom: fromId },
    };
  });
}

/** Some members turn out to raise another issue: they become a cluster of their own, the first one leading. */
export async function splitCluster(ctx: Ctx, clusterId: number, petitionIds: number[]): Promise<number> {
  if (petitionIds.length === 0) throw new CommandError("petitions.error.noneSelected", 422);
  return runCommand(ctx, "petition.cluster_split", async (client, now) => {
    const c = await client.query<{ lead_petition_id: number }>(
      "SELECT lead_petition_id FROM petition_clusters WHERE id = $1 FOR UPDATE",
      [clusterId],
    );
    if (!c.rows[0]) throw new CommandError("petitions.error.notFound", 404);
    if (petitionIds.includes(c.rows[0].lead_petition_id))
      throw new CommandError("petitions.error.leadCannotLeave", 409);
    const rows = await lock(client, petitionIds);
    const members = petitionIds
      .map((id) => rows.get(id))
      .filter((r): r is Row => r?.cluster_id === clusterId);
    const [first, ...rest] = members;
    if (!first) throw new CommandError("petitions.error.noneSelected", 422);
    await step(client, ctx, first, "unmerge", now, { cluster_id: null }, { splitFrom: clusterId });
    let newId: number | null = null;
    if (rest.length > 0) {
      const n = await client.query<{ id: number }>(
        "INSERT INTO petition_clusters (lead_petition_id, created_by, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id",
        [first.id, ctx.actorId, now],
      );
      newId = n.rows[0]?.id ?? null;
      await client.query("UPDATE petitions SET cluster_id = $2 WHERE id = ANY($1::bigint[])", [
        [first.id, ...rest.map((r) => r.id)],
        newId,
      ]);
    }
    await dissolveIfAlone(client, clusterId);
    return {
      result: newId ?? first.id,
      subjectType: "petition_cluster",
      subjectId: clusterId,
      after: { split: petitionIds, newCluster: newId },
    };
  });
}

export type ClusterSummary = {
  id: number;
  lead_petition_id: number;
  lead_title: string;
  lead_state: string;
  petitions: number;
  villages: number;
  communes: number;
  households: number;
  since: Date | null;
};

/** How many villages and communes raised it, and since when. */
export async function clusterSummary(
  db: Pick<pg.PoolClient, "query">,
  clusterId: number,
): Promise<ClusterSummary | null> {
  const { rows } = await db.query<ClusterSummary>(
    `SELECT c.id, c.lead_petition_id, l.title AS lead_title, l.state AS lead_state, count(p.id)::int AS petitions,
            count(DISTINCT p.village_id)::int AS villages, count(DISTINCT v.parent_id)::int AS communes,
            coalesce(sum(p.households), 0)::int AS households, min(p.submitted_at) AS since
       FROM petition_clusters c JOIN petitions l ON l.id = c.lead_petition_id
       JOIN petitions p ON p.cluster_id = c.id JOIN units v ON v.id = p.village_id
      WHERE c.id = $1 GROUP BY c.id, l.title, l.state`,
    [clusterId],
  );
  return rows[0] ?? null;
}

/** The heaviest open clusters ("nổi cộm"): the most villages first. */
export async function heaviestClusters(
  db: Pick<pg.PoolClient, "query">,
  limit = 10,
): Promise<ClusterSummary[]> {
  const { rows } = await db.query<ClusterSummary>(
    `SELECT c.id, c.lead_petition_id, l.title AS lead_title, l.state AS lead_state, count(p.id)::int AS petitions,
            count(DISTINCT p.village_id)::int AS villages, count(DISTINCT v.parent_id)::int AS communes,
            coalesce(sum(p.households), 0)::int AS households, min(p.submitted_at) AS since
       FROM petition_clusters c JOIN petitions l ON l.id = c.lead_petition_id
       JOIN petitions p ON p.cluster_id = c.id JOIN units v ON v.id = p.village_id
      WHERE l.state NOT IN ('closed', 'redirected')
      GROUP BY c.id, l.title, l.state
      ORDER BY count(DISTINCT p.village_id) DESC, min(p.submitted_at) LIMIT $1`,
    [limit],
  );
  return rows;
}
