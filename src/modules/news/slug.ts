import { foldDiacritics } from "../../platform/text/index.ts";

/** "Đường mới về bản Khe Lạc" → "duong-moi-ve-ban-khe-lac": ASCII only, at most 80 characters, never empty. */
export function slugify(title: string): string {
  const s = foldDiacritics(title.normalize("NFC"))
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return s || "bai-viet";
}

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug with a numeric suffix when it is taken: "x", "x-2", "x-3"… */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
