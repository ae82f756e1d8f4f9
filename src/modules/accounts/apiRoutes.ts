import { authed } from "../../platform/http/guards.ts";
import type { App } from "../../platform/http/types.ts";
import { GRANTS_JSON, type GrantRow } from "./queries/listUsers.ts";

/**
 * The JSON API beside the pages. Works with the session cookie and with `Authorization: Bearer <token>`
 * (the platform resolves both); errors answer `{ error: { code, message } }` with a 4xx status.
 */
export function accountsApiRoutes(app: App): void {
  app.get(
    "/api/v1/me",
    authed(async (c, actor) => {
      const { rows } = await c
        .get("deps")
        .pool.query<{ grants: GrantRow[] | null }>(
          `SELECT ${GRANTS_JSON} AS grants FROM users u WHERE u.id = $1`,
          [actor.id],
        );
      const grants = rows[0]?.grants ?? [];
      c.header("Cache-Control", "no-store");
      return c.json({
        id: actor.id,
        username: actor.username,
        fullName: actor.fullName,
        locale: actor.locale,
        mustChangePassword: actor.mustChangePassword,
        authenticatedBy: actor.via,
        grants: grants.map((g) => ({
          role: g.role,
          unit:
            g.unit_id === null
              ? null
              : { id: g.unit_id, level: g.unit_level, name: g.unit_name, path: g.unit_path },
          agency: g.agency_id === null ? null : { id: g.agency_id, name: g.agency_name },
        })),
      });
    }),
  );
}
