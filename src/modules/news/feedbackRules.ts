/** What a reader's feedback must be before it even reaches a moderator. Pure. */
export const MAX_FEEDBACK_LINKS = 2;
export const FEEDBACK_MAX_CHARS = 2000;

const LINK_RE = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|vn|info|xyz|top|io|ru|cn)\b/gi;
const EMAIL_RE = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}\.[^\s@<>".]{2,24}$/;

export function countLinks(text: string): number {
  return (text.match(LINK_RE) ?? []).length;
}

export type FeedbackInput = { name: string; email: string; text: string; website: string };
export type FeedbackCheck =
  | { ok: true; value: { name: string; email: string | null; text: string }; honeypot: boolean }
  | { ok: false; errors: Record<string, string> };

export function checkFeedback(input: FeedbackInput): FeedbackCheck {
  // a filled hidden field is a robot: accepted quietly (so it learns nothing) and stored as spam
  const honeypot = input.website.trim() !== "";
  const name = input.name.replace(/\s+/g, " ").trim();
  const email = input.email.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
  const text = input.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
  const errors: Record<string, string> = {};
  if (name.length < 2 || name.length > 80) errors.name = "news.feedback.error.name";
  if (email && (email.length > 254 || !EMAIL_RE.test(email))) errors.email = "news.feedback.error.email";
  if (text.length < 5) errors.text = "news.feedback.error.textShort";
  else if (text.length > FEEDBACK_MAX_CHARS) errors.text = "news.feedback.error.textLong";
  else if (countLinks(text) > MAX_FEEDBACK_LINKS) errors.text = "news.feedback.error.links";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, email: email || null, text }, honeypot };
}
