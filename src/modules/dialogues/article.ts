import type { CommandContext } from "../../platform/commands.ts";
import type { Translate } from "../../platform/i18n/i18n.ts";
import { formatDate } from "../../platform/i18n/i18n.ts";
import { listCommitments } from "../commitments/queries/listCommitments.ts";
import { createDraftArticle } from "../news/commands/createDraftArticle.ts";
import type { Dialogue } from "./queries/getDialogue.ts";
import { listQuestions } from "./queries/questions.ts";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A draft news article for the editors from a closed dialogue: the figures, the questions answered (by village,
 * never by person) and the commitments. The news module sanitises the HTML; the editor finishes and publishes it.
 */
export async function draftArticleFrom(
  ctx: CommandContext,
  d: Dialogue,
  t: Translate,
): Promise<{ id: number } | null> {
  const [questions, commitments] = await Promise.all([
    listQuestions(ctx.pool, d.id),
    listCommitments(ctx.pool, { dialogueId: d.id, limit: 200, order: "created" }),
  ]);
  const answered = questions.filter((q) => q.state === "answered");
  const summary = t("dialogues.article.summary", {
    date: formatDate(d.starts_at),
    present: d.checked_in,
    questions: questions.length,
    commitments: commitments.length,
  });
  const body = [
    `<p>${esc(summary)}</p>`,
    `<h2>${esc(t("dialogues.public.answered"))}</h2>`,
    "<ul>",
    ...answered.map(
      (q) =>
        `<li><p>${esc(q.text)} (${esc(q.village_name ?? "")})</p><p>${esc(t("dialogues.live.answer", { answer: q.answer_summary ?? "", by: q.answered_by_text ?? "" }))}</p></li>`,
    ),
    "</ul>",
    `<h2>${esc(t("dialogues.detail.commitments"))}</h2>`,
    "<ul>",
    ...commitments.map((c) => `<li>${esc(`${c.code}: ${c.text} — ${c.agencyName}`)}</li>`),
    "</ul>",
    `<p><a href="/cong-khai/doi-thoai/${d.id}">${esc(t("dialogues.link.public"))}</a></p>`,
  ].join("\n");
  const r = await createDraftArticle(ctx, {
    title: d.title,
    summary,
    bodyHtml: body,
    links: { dialogueId: d.id },
    authorId: ctx.actorId ?? undefined,
  });
  return { id: r.id };
}
