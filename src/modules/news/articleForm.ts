import type { ArticleFields } from "./commands/articleRows.ts";
import { isCategory } from "./settings.ts";

export type ParsedArticle =
  | { ok: true; fields: Omit<ArticleFields, "coverKey"> }
  | { ok: false; errors: Record<string, string> };

const optionalId = (v: string | undefined): number | null | undefined => {
  const s = (v ?? "").trim();
  if (!s) return null;
  return /^\d{1,12}$/.test(s) && Number(s) > 0 ? Number(s) : undefined;
};

/** The editor's form, checked field by field; errors are catalog keys shown beside each field. Pure. */
export function parseArticleForm(v: Record<string, string>): ParsedArticle {
  const errors: Record<string, string> = {};
  const title = (v.title ?? "").replace(/\s+/g, " ").trim();
  const summary = (v.summary ?? "").trim();
  const body = v.body ?? "";
  const tags = (v.tags ?? "")
    .split(",")
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (!title || title.length > 200) errors.title = "news.error.title";
  if (summary.length > 600) errors.summary = "news.error.summary";
  if (!body.trim()) errors.body = "news.error.body";
  else if (body.length > 200_000) errors.body = "news.error.bodyLong";
  if (!isCategory(v.category)) errors.category = "news.error.category";
  if (tags.length > 10 || tags.some((t) => t.length > 40)) errors.tags = "news.error.tags";
  const caption = (v.coverCaption ?? "").trim();
  if (caption.length > 300) errors.coverCaption = "news.error.caption";
  const dialogueId = optionalId(v.dialogueId);
  const directiveId = optionalId(v.directiveId);
  const clusterId = optionalId(v.clusterId);
  if (dialogueId === undefined) errors.dialogueId = "news.error.linkId";
  if (directiveId === undefined) errors.directiveId = "news.error.linkId";
  if (clusterId === undefined) errors.clusterId = "news.error.linkId";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      title,
      summary,
      bodyHtml: body,
      category: v.category ?? "",
      tags: [...new Set(tags)],
      coverCaption: caption || null,
      dialogueId: dialogueId ?? null,
      directiveId: directiveId ?? null,
      clusterId: clusterId ?? null,
    },
  };
}

/** "28/11/2026 09:30" in Việt Nam time → the instant; undefined when it is not such a time. */
export function parseLocalDateTime(text: string): Date | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const [d, mo, y, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (h > 23 || mi > 59) return undefined;
  const utc = new Date(Date.UTC(y, mo - 1, d, h - 7, mi));
  const check = new Date(utc.getTime() + 7 * 3_600_000);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    return undefined;
  return utc;
}
