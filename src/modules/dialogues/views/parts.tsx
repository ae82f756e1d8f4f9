import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import type { LiveQuestion, LiveState } from "../queries/liveState.ts";

export const DialogueStateBadge: FC<{ t: Translate; state: string }> = ({ t, state }) => (
  <span class={`state state-${state}`}>{t(`dialogues.state.${state}`)}</span>
);

/** A small form with one button posting to `action` (CSRF included). */
export const PostButton: FC<{
  ctx: PageContext;
  action: string;
  label: string;
  kind?: "secondary" | "danger";
  fields?: Record<string, string>;
}> = ({ ctx, action, label, kind, fields }) => (
  <form method="post" action={action} class="inline">
    <input type="hidden" name="_csrf" value={ctx.csrf} />
    {Object.entries(fields ?? {}).map(([k, v]) => (
      <input type="hidden" name={k} value={v} />
    ))}
    <button type="submit" class={kind}>
      {label}
    </button>
  </form>
);

const Question: FC<{ t: Translate; q: LiveQuestion; big?: boolean }> = ({ t, q }) => (
  <>
    <p class="live-text" data-live="current-text">
      {q.text}
    </p>
    <p class="live-who" data-live="current-who">
      {t("dialogues.live.askedBy", { village: q.village, asker: q.asker || "—" })}
    </p>
    <p class="live-answer" data-live="current-answer" hidden={!q.answer}>
      {q.answer ? t("dialogues.live.answer", { answer: q.answer, by: q.answeredBy }) : ""}
    </p>
  </>
);

/**
 * The live part shared by the presenter screen and the phones. The script (public/assets/dialogue-live.js)
 * fills the same elements from each SSE event; the texts it needs are in data- attributes (from the catalog).
 */
export const LivePanel: FC<{ t: Translate; s: LiveState; id: number }> = ({ t, s, id }) => (
  <div
    class="live"
    data-live-source={`/dialogues/${id}/events`}
    data-t-asked-by={t("dialogues.live.askedBy", { village: "{village}", asker: "{asker}" })}
    data-t-answer={t("dialogues.live.answer", { answer: "{answer}", by: "{by}" })}
    data-t-none={t("dialogues.live.noCurrent")}
    data-t-reconnecting={t("dialogues.live.reconnecting")}
    data-t-state={JSON.stringify(
      Object.fromEntries(
        ["planned", "open_for_questions", "live", "closed", "minutes_published"].map((k) => [
          k,
          t(`dialogues.state.${k}`),
        ]),
      ),
    )}
  >
    <p class="live-meta">
      <span data-live="state">{t(`dialogues.state.${s.state}`)}</span> ·{" "}
      <span>
        {t("dialogues.live.attendance")} <strong data-live="present">{s.attendance.present}</strong>/
        <span data-live="invited">{s.attendance.invited}</span>
      </span>{" "}
      <span class="live-status" data-live="status" aria-live="polite" />
    </p>
    <section class="live-current" aria-labelledby="live-now">
      <h2 id="live-now">{t("dialogues.live.now")}</h2>
      <div data-live="current" aria-live="polite">
        {s.current ? (
          <Question t={t} q={s.current} />
        ) : (
          <p class="live-text muted">{t("dialogues.live.noCurrent")}</p>
        )}
      </div>
    </section>
    <section class="live-next" aria-labelledby="live-next">
      <h2 id="live-next">{t("dialogues.live.next")}</h2>
      <ol data-live="next">
        {s.next.map((q) => (
          <li>
            {q.text} <span class="muted">— {q.village}</span>
          </li>
        ))}
      </ol>
    </section>
  </div>
);
