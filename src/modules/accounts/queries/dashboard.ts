import type { Queryable } from "../../../platform/db/database.ts";

export type Count = { key: string; n: number };

export type DashboardCounts = {
  users: { total: number; active: number; inactive: number; mustChange: number };
  usersByRole: Count[];
  activeSessions: number;
  unitsByLevel: { level: string; current: number; former: number }[];
  villages: number;
  agenciesByKind: Count[];
  auditEvents: number;
  outbox: { pending: number; failed: number };
};

/**
 * The administrator's overview. Units and agencies are counted for the deployment's province; the audit log and
 * the outbox as a whole. Each number is one indexed aggregate: cheap enough for every page view.
 */
export async function dashboardCounts(
  db: Queryable,
  provinceCode: string,
  now: Date,
): Promise<DashboardCounts> {
  const users = await db.query<{ total: number; active: number; must_change: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE active)::int AS active,
            count(*) FILTER (WHERE active AND must_change_password)::int AS must_change FROM users`,
  );
  const byRole = await db.query<{ role: string; n: number }>(
    `SELECT g.role, count(DISTINCT g.user_id)::int AS n FROM role_grants g JOIN users u ON u.id = g.user_id AND u.active
      GROUP BY g.role`,
  );
  const sessions = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id AND u.active WHERE s.expires_at > $1",
    [now],
  );
  const units = await db.query<{ level: string; current: number; former: number }>(
    `SELECT level, count(*) FILTER (WHERE retired_at IS NULL AND valid_to IS NULL)::int AS current,
            count(*) FILTER (WHERE retired_at IS NOT NULL OR valid_to IS NOT NULL)::int AS former
       FROM units WHERE province_code = $1::text GROUP BY level`,
    [provinceCode],
  );
  const agencies = await db.query<{ kind: string; n: number }>(
    "SELECT kind, count(*)::int AS n FROM agencies WHERE retired_at IS NULL GROUP BY kind",
  );
  const audit = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events");
  const outbox = await db.query<{ pending: number; failed: number }>(
    `SELECT count(*) FILTER (WHERE done_at IS NULL AND failed_at IS NULL)::int AS pending,
            count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed FROM outbox`,
  );
  const u = users.rows[0];
  const levels = ["province", "district", "commune", "village"];
  const unitRows = levels.map((level) => {
    const r = units.rows.find((x) => x.level === level);
    return { level, current: r?.current ?? 0, former: r?.former ?? 0 };
  });
  return {
    users: {
      total: u?.total ?? 0,
      active: u?.active ?? 0,
      inactive: (u?.total ?? 0) - (u?.active ?? 0),
      mustChange: u?.must_change ?? 0,
    },
    usersByRole: byRole.rows.map((r) => ({ key: r.role, n: r.n })),
    activeSessions: sessions.rows[0]?.n ?? 0,
    unitsByLevel: unitRows,
    villages: unitRows.find((r) => r.level === "village")?.current ?? 0,
    agenciesByKind: agencies.rows.map((r) => ({ key: r.kind, n: r.n })),
    auditEvents: audit.rows[0]?.n ?? 0,
    outbox: { pending: outbox.rows[0]?.pending ?? 0, failed: outbox.rows[0]?.failed ?? 0 },
  };
}
