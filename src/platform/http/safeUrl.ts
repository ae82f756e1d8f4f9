/**
 * JSX escaping does not stop `javascript:` or `data:` URLs: every href/src built from user data goes through here.
 * Allows same-site paths and http(s)/mailto/tel; anything else becomes "#".
 */
export function safeUrl(input: string | null | undefined): string {
  if (!input) return "#";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we strip
  const s = input.trim().replace(/[\u0000-\u001f\u007f\s]+/g, "");
  if (s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\")) return s;
  if (/^(https?:|mailto:|tel:)/i.test(s)) return s;
  return "#";
}

/** A redirect target from a query string must stay on this site. */
export function safeLocalPath(input: string | null | undefined, fallback = "/"): string {
  const s = safeUrl(input);
  return s.startsWith("/") ? s : fallback;
}
