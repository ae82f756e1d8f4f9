import sanitizeHtml from "sanitize-html";

/**
 * The one allowlist for article bodies. Applied when an article is saved AND again when it is rendered, so a
 * row written by an older version, a bulk import or a hand-edit in the database still cannot run a script.
 * No style, no event handlers, no svg/math, no iframes; links only http(s)/mailto with rel="noopener nofollow";
 * images only from this site's own stores.
 */
const IMAGE_SRC = /^\/(files|news\/images)\/[0-9a-f]{64}$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "img",
    "figure",
    "figcaption",
    "br",
  ],
  allowedAttributes: { a: ["href", "rel"], img: ["src", "alt"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // the contents of these are code or markup, never prose: drop them whole
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "svg",
    "math",
    "iframe",
    "object",
    "template",
    "title",
  ],
  transformTags: {
    a: (tagName, attribs) => {
      const out: sanitizeHtml.Attributes = {};
      // only links that will survive the scheme check get rel (a dropped javascript: href leaves a bare <a>)
      if (attribs.href && /^\s*(https?:|mailto:)/i.test(attribs.href)) {
        out.href = attribs.href;
        out.rel = "noopener nofollow";
      }
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => frame.tag === "img" && !IMAGE_SRC.test(frame.attribs.src ?? ""),
};

export const ALLOWED_TAGS_NOTE = "p, h2–h4, strong, em, ul/ol/li, blockquote, a, img, figure/figcaption";

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** The readable text of a body, for search and summaries. */
export function textOfHtml(html: string): string {
  const spaced = html.replace(/<\/?(p|h[1-6]|li|ul|ol|br|blockquote|figure|figcaption|div|tr|td)\b/gi, " $&");
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
