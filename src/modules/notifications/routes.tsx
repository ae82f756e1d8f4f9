import { authed } from "../../platform/http/guards.ts";
import { CsrfField, Flash, Pager } from "../../platform/http/layout.tsx";
import { page } from "../../platform/http/render.tsx";
import { intParam } from "../../platform/http/request.ts";
import { safeUrl } from "../../platform/http/safeUrl.ts";
import type { App } from "../../platform/http/types.ts";
import { formatDateTime } from "../../platform/i18n/i18n.ts";

const PAGE_SIZE = 30;

export function notificationsRoutes(app: App): void {
  app.get(
    "/inbox",
    authed(async (c, actor) => {
      const t = c.get("t");
      const pageNo = intParam(c.req.query("page")) ?? 1;
      const { rows } = await c.get("deps").pool.query<{
        id: number;
        title: string;
        body: string;
        link: string | null;
        created_at: Date;
        read_at: Date | null;
      }>(
        `SELECT id, title, body, link, created_at, read_at FROM notifications WHERE user_id = $1
          ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [actor.id, PAGE_SIZE + 1, (pageNo - 1) * PAGE_SIZE],
      );
      const items = rows.slice(0, PAGE_SIZE);
      return page(c, t("notifications.title"), (ctx) => (
        <section>
          <h1>{t("notifications.title")}</h1>
          <Flash ctx={ctx} messageKey={c.req.query("done") ? "notifications.allRead" : null} />
          {items.length === 0 ? (
            <p class="muted">{t("notifications.empty")}</p>
          ) : (
            <>
              <form method="post" action="/inbox/read-all" class="actions">
                <CsrfField ctx={ctx} />
                <button type="submit" class="secondary">
                  {t("notifications.markAll")}
                </button>
              </form>
              <ul class="inbox">
                {items.map((n) => (
                  <li class={n.read_at ? "card" : "card unread"}>
                    <p class="muted">
                      {formatDateTime(n.created_at)}
                      {n.read_at ? "" : ` · ${t("notifications.new")}`}
                    </p>
                    <h2>{n.link ? <a href={safeUrl(n.link)}>{n.title}</a> : n.title}</h2>
                    <p>{n.body}</p>
                  </li>
                ))}
              </ul>
              <Pager ctx={ctx} page={pageNo} hasNext={rows.length > PAGE_SIZE} base="/inbox" />
            </>
          )}
        </section>
      ));
    }),
  );

  app.post(
    "/inbox/read-all",
    authed(async (c, actor) => {
      const deps = c.get("deps");
      await deps.pool.query("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL", [
        actor.id,
        deps.clock.now(),
      ]);
      return c.redirect("/inbox?done=1", 303);
    }),
  );
}
