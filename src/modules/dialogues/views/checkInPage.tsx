import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDateTime } from "../../../platform/i18n/i18n.ts";
import type { Invitee } from "../queries/checkInSearch.ts";
import type { Dialogue } from "../queries/getDialogue.ts";
import { PostButton } from "./parts.tsx";

const Person: FC<{ ctx: PageContext; p: Invitee; dialogueId: number; q: string }> = ({
  ctx,
  p,
  dialogueId,
  q,
}) => (
  <li class="invitee">
    <strong>{p.full_name}</strong>{" "}
    <span class="muted">{[p.village, p.commune].filter(Boolean).join(", ")}</span>{" "}
    {p.checked_in_at ? (
      <span class="ok-note">
        {ctx.t("dialogues.checkIn.already", { at: formatDateTime(p.checked_in_at) })}
      </span>
    ) : (
      <PostButton
        ctx={ctx}
        action={`/dialogues/${dialogueId}/check-in`}
        fields={{ invitationId: String(p.id), q }}
        label={ctx.t("dialogues.checkIn.button")}
      />
    )}
  </li>
);

/** The desk: search a name without diacritics ("nguyen van an", "khe tam"), check the person in; the count beside. */
export const CheckInPage: FC<{
  ctx: PageContext;
  d: Dialogue;
  q: string;
  results: Invitee[];
  done: string | null;
}> = ({ ctx, d, q, results, done }) => {
  const { t } = ctx;
  return (
    <>
      <p class="muted">
        <a href={`/dialogues/${d.id}`}>{d.title}</a>
      </p>
      <h1>{t("dialogues.checkIn.title")}</h1>
      <p class="attendance" id="attendance">
        {t("dialogues.detail.attendance", { present: d.checked_in, invited: d.invited })}
      </p>
      {done ? (
        <div class="alert ok" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <form method="get" action={`/dialogues/${d.id}/check-in`}>
        <div class="field">
          <label for="f-q">{t("dialogues.checkIn.search")}</label>
          <p class="hint">{t("dialogues.checkIn.searchHint")}</p>
          <input id="f-q" name="q" type="search" value={q} autocomplete="off" />
        </div>
        <button type="submit">{t("dialogues.checkIn.find")}</button>
      </form>
      {q ? (
        results.length ? (
          <ul class="invitees">
            {results.map((p) => (
              <Person ctx={ctx} p={p} dialogueId={d.id} q={q} />
            ))}
          </ul>
        ) : (
          <p class="muted">{t("dialogues.checkIn.none")}</p>
        )
      ) : null}
    </>
  );
};

/** What the desk sees after scanning a QR code: who it is, and one button. */
export const ScannedPage: FC<{
  ctx: PageContext;
  p: Invitee & { dialogue_id: number; title: string };
  token: string;
}> = ({ ctx, p, token }) => {
  const { t } = ctx;
  return (
    <>
      <p class="muted">
        <a href={`/dialogues/${p.dialogue_id}`}>{p.title}</a>
      </p>
      <h1>{t("dialogues.checkIn.scanned")}</h1>
      <p class="big">
        <strong>{p.full_name}</strong>
      </p>
      <p>{[p.village, p.commune].filter(Boolean).join(", ")}</p>
      {p.checked_in_at ? (
        <p class="ok-note">{t("dialogues.checkIn.already", { at: formatDateTime(p.checked_in_at) })}</p>
      ) : (
        <PostButton ctx={ctx} action={`/dialogues/check-in/${token}`} label={t("dialogues.checkIn.button")} />
      )}
      <p>
        <a href={`/dialogues/${p.dialogue_id}/check-in`}>{t("dialogues.checkIn.back")}</a>
      </p>
    </>
  );
};
