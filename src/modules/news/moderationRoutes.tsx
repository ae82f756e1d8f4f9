import type { Context } from "hono";
import { CommandError } from "../../platform/commands.ts";
import { errorResponse, notFound } from "../../platform/http/errors.tsx";
import { allowed } from "../../platform/http/guards.ts";
import { page } from "../../platform/http/render.tsx";
import { formBody, intParam } from "../../platform/http/request.ts";
import type { App, AppEnv } from "../../platform/http/types.ts";
import { type ModerationDecision, moderateFeedback } from "./commands/feedback.ts";
import { canModerateFeedback } from "./policy.ts";
import { pendingFeedback } from "./queries/feedback.ts";
import { ModerationPage } from "./views/moderationPage.tsx";

const DECISIONS: readonly ModerationDecision[] = ["approve", "reject", "spam"];

async function queue(c: Context<AppEnv>, errors: Record<number, string> = {}, status: 200 | 422 = 200) {
  const items = await pendingFeedback(c.get("deps").pool, 100);
  const done = c.req.query("done") ?? "";
  return page(
    c,
    c.get("t")("news.moderation.title"),
    (ctx) => (
      <ModerationPage
        ctx={ctx}
        items={items}
        errors={errors}
        done={(DECISIONS as readonly string[]).includes(done) ? `news.moderation.done.${done}` : null}
      />
    ),
    { status },
  );
}

/** The moderator's queue of readers' feedback: nothing a reader writes is shown before it passes here. */
export function newsModerationRoutes(app: App): void {
  app.get(
    "/tin-tuc/kiem-duyet",
    allowed(canModerateFeedback, (c) => queue(c)),
  );

  app.post(
    "/tin-tuc/kiem-duyet/:id{[0-9]+}",
    allowed(canModerateFeedback, async (c, actor) => {
      const id = intParam(c.req.param("id"));
      if (!id) return notFound(c);
      const body = await formBody(c);
      const decision = body.decision as ModerationDecision;
      if (!DECISIONS.includes(decision)) return errorResponse(c, 422);
      try {
        await moderateFeedback(
          { pool: c.get("deps").pool, clock: c.get("deps").clock, actorId: actor.id },
          id,
          decision,
          body.reason ?? null,
        );
      } catch (err) {
        if (err instanceof CommandError && err.field) return queue(c, { [id]: err.messageKey }, 422);
        if (err instanceof CommandError)
          return errorResponse(c, err.status === 400 ? 422 : err.status, err.messageKey);
        throw err;
      }
      return c.redirect(`/tin-tuc/kiem-duyet?done=${decision}`, 303);
    }),
  );
}
