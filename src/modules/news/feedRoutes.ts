import { readStoredFile } from "../../platform/files/store.ts";
import type { App } from "../../platform/http/types.ts";
import { publishedIndex } from "./queries/articles.ts";
import { CATEGORIES } from "./settings.ts";

const xml = (s: string) =>
  s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** The Atom feed, the sitemap and the news pictures: what machines and browsers fetch beside the pages. */
export function newsFeedRoutes(app: App): void {
  app.get("/tin-tuc/feed.xml", async (c) => {
    const deps = c.get("deps");
    const base = deps.config.baseUrl.replace(/\/$/, "");
    const items = await publishedIndex(deps.pool, 30);
    const updated = (items[0]?.updated_at ?? new Date(0)).toISOString();
    const entries = items
      .map(
        (a) =>
          `<entry><title>${xml(a.title)}</title><link href="${xml(`${base}/tin-tuc/${a.slug}`)}"/>` +
          `<id>${xml(`${base}/tin-tuc/${a.slug}`)}</id><published>${a.published_at.toISOString()}</published>` +
          `<updated>${a.updated_at.toISOString()}</updated><summary>${xml(a.summary)}</summary></entry>`,
      )
      .join("");
    const body =
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">` +
      `<title>${xml(c.get("t")("news.feed.title"))}</title><id>${xml(`${base}/tin-tuc`)}</id>` +
      `<link href="${xml(`${base}/tin-tuc/feed.xml`)}" rel="self"/><link href="${xml(`${base}/tin-tuc`)}"/>` +
      `<updated>${updated}</updated>${entries}</feed>`;
    return c.body(body, 200, {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "public, max-age=60",
    });
  });

  app.get("/sitemap.xml", async (c) => {
    const deps = c.get("deps");
    const base = deps.config.baseUrl.replace(/\/$/, "");
    const items = await publishedIndex(deps.pool, 45_000);
    const fixed = [
      "/tin-tuc",
      "/cong-khai",
      "/cong-khai/tra-loi",
      "/cong-khai/nhom-kien-nghi",
      "/cong-khai/thong-ke",
      ...CATEGORIES.map((k) => `/tin-tuc/chuyen-muc/${k}`),
    ];
    const urls = [
      ...fixed.map((p) => `<url><loc>${xml(base + p)}</loc></url>`),
      ...items.map(
        (a) =>
          `<url><loc>${xml(`${base}/tin-tuc/${a.slug}`)}</loc><lastmod>${a.updated_at.toISOString()}</lastmod></url>`,
      ),
    ].join("");
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
      200,
      {
        "content-type": "application/xml; charset=utf-8",
        "cache-control": "public, max-age=300",
      },
    );
  });

  // only pictures an editor uploaded for the news: never any other stored file (petition photos stay private)
  app.get("/news/images/:key{[0-9a-f]{64}}", async (c) => {
    const pool = c.get("deps").pool;
    const key = c.req.param("key");
    const { rowCount } = await pool.query("SELECT 1 FROM news_images WHERE key = $1", [key]);
    const file = rowCount ? await readStoredFile(pool, key) : null;
    if (!file) return c.body("", 404);
    return c.body(new Uint8Array(file.bytes), 200, {
      "content-type": file.mime,
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    });
  });
}
