import { createHash, randomBytes } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { CommandError } from "../../platform/commands.ts";
import { notFound } from "../../platform/http/errors.tsx";
import { Layout } from "../../platform/http/layout.tsx";
import { hitRateLimit } from "../../platform/http/rateLimit.ts";
import { page, pageContext } from "../../platform/http/render.tsx";
import { clientIp, formBody, intParam } from "../../platform/http/request.ts";
import type { App, AppEnv } from "../../platform/http/types.ts";
import { submitFeedback } from "./commands/feedback.ts";
import { checkFeedback } from "./feedbackRules.ts";
import { canSeeArticle } from "./policy.ts";
import {
  type Article,
  type ArticleCard,
  articleBySlug,
  listPublished,
  mostViewed,
  type ViewedCard,
} from "./queries/articles.ts";
import { TtlCache } from "./queries/cache.ts";
import { approvedFeedback } from "./queries/feedback.ts";
import { resolveLinks } from "./queries/links.ts";
import { isCategory, viewFlushMs } from "./settings.ts";
import { SLUG_RE } from "./slug.ts";
import { viewCounterFor } from "./viewCounter.ts";
import { ArticlePage, type FeedbackFormState } from "./views/articlePage.tsx";
import { ListPage } from "./views/listPages.tsx";

const READER_COOKIE = "caunoi_reader";
const PAGE_SIZE = 12;
const SIDEBAR_N = 5;
const FEEDBACK_LIMIT = 5;
const FEEDBACK_WINDOW_MS = 10 * 60 * 1000;

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

type Side = { latest: ArticleCard[]; top7: ViewedCard[]; top30: ViewedCard[] };
const sideCaches = new WeakMap<object, TtlCache<Side>>();

/** "Mới nhất" and "Xem nhiều nhất" change slowly: a few seconds of cache spares the database on every page. */
function sidebar(c: Context<AppEnv>): Promise<Side> {
  const deps = c.get("deps");
  let cache = sideCaches.get(deps.pool);
  if (!cache) {
    cache = new TtlCache<Side>(Math.min(5_000, viewFlushMs()));
    sideCaches.set(deps.pool, cache);
  }
  const now = deps.clock.now();
  return cache.get("side", now.getTime(), async () => {
    const [latest, top7, top30] = await Promise.all([
      listPublished(deps.pool, { limit: SIDEBAR_N }),
      mostViewed(deps.pool, 7, SIDEBAR_N, now),
      mostViewed(deps.pool, 30, SIDEBAR_N, now),
    ]);
    return { latest, top7, top30 };
  });
}

function pageNumber(c: Context<AppEnv>): number {
  const n = intParam(c.req.query("page"));
  return n && n >= 1 && n <= 1000 ? n : 1;
}

/** Who this reader is for counting views: their cookie id, or (first visit) a hash of address and browser. */
function readerKey(c: Context<AppEnv>): { key: string; fresh: string | null } {
  const cookie = getCookie(c, READER_COOKIE);
  if (cookie && /^[A-Za-z0-9_-]{16,40}$/.test(cookie)) return { key: `c:${cookie}`, fresh: null };
  const ipua = createHash("sha256")
    .update(`${clientIp(c)}\u0000${c.req.header("user-agent") ?? ""}`)
    .digest("base64url");
  return { key: `a:${ipua}`, fresh: randomBytes(16).toString("base64url") };
}

function countView(c: Context<AppEnv>, a: Article): void {
  const deps = c.get("deps");
  const counter = viewCounterFor(deps.pool, deps.clock, viewFlushMs(), (err) =>
    deps.log.warn({ err }, "news: view flush failed; kept for the next one"),
  );
  const ua = c.req.header("user-agent");
  const { key, fresh } = readerKey(c);
  counter.record(a.id, key, ua);
  if (fresh) {
    // the id this reader will send back: marked as seen now so the second visit is not a second view
    counter.markSeen(a.id, `c:${fresh}`);
    setCookie(c, READER_COOKIE, fresh, { httpOnly: true, sameSite: "Lax", path: "/", maxAge: 365 * 86_400 });
  }
}

async function renderArticle(
  c: Context<AppEnv>,
  slug: string,
  form: FeedbackFormState,
  status: 200 | 422 | 429 = 200,
) {
  const deps = c.get("deps");
  if (!SLUG_RE.test(slug) || slug.length > 100) return notFound(c);
  const a = await articleBySlug(deps.pool, slug);
  if (!a || !canSeeArticle(c.get("actor"), a.state)) return notFound(c);
  const preview = a.state !== "published";
  if (!preview && c.req.method === "GET") countView(c, a);
  const [links, feedback, others, side] = await Promise.all([
    resolveLinks(deps.pool, a),
    approvedFeedback(deps.pool, a.id),
    listPublished(deps.pool, { category: a.category, excludeId: a.id, limit: SIDEBAR_N }),
    sidebar(c),
  ]);
  if (!form.values.key) form.values.key = randomBytes(12).toString("base64url");
  const ctx = pageContext(c);
  const html = await (
    <Layout ctx={ctx} title={a.title}>
      <ArticlePage ctx={ctx} d={{ article: a, links, feedback, others, ...side, form, preview }} />
    </Layout>
  ).toString();
  const base = deps.config.baseUrl.replace(/\/$/, "");
  const description = (a.summary || a.title).replace(/\s+/g, " ").slice(0, 200);
  const head = [
    preview ? `<meta name="robots" content="noindex">` : "",
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${escapeAttr(ctx.t("app.name"))}">`,
    `<meta property="og:title" content="${escapeAttr(a.title)}">`,
    `<meta property="og:description" content="${escapeAttr(description)}">`,
    `<meta property="og:url" content="${escapeAttr(`${base}/tin-tuc/${a.slug}`)}">`,
    a.cover_key
      ? `<meta property="og:image" content="${escapeAttr(`${base}/news/images/${a.cover_key}`)}">`
      : "",
    a.published_at
      ? `<meta property="article:published_time" content="${a.published_at.toISOString()}">`
      : "",
    `<meta name="description" content="${escapeAttr(description)}">`,
    `<link rel="canonical" href="${escapeAttr(`${base}/tin-tuc/${a.slug}`)}">`,
    `<link rel="alternate" type="application/atom+xml" href="/tin-tuc/feed.xml">`,
  ].join("");
  return c.html(html.replace("<title>", `${head}<title>`), status);
}

async function listPage(
  c: Context<AppEnv>,
  opts: { heading: string; intro?: string; empty: string; category?: string; q?: string; base: string },
) {
  const deps = c.get("deps");
  const p = pageNumber(c);
  const [items, side] = await Promise.all([
    listPublished(deps.pool, {
      category: opts.category,
      q: opts.q,
      limit: PAGE_SIZE + 1,
      offset: (p - 1) * PAGE_SIZE,
    }),
    sidebar(c),
  ]);
  return page(
    c,
    opts.heading,
    (ctx) => (
      <ListPage
        ctx={ctx}
        d={{ ...opts, ...side, items: items.slice(0, PAGE_SIZE), page: p, hasNext: items.length > PAGE_SIZE }}
      />
    ),
    { wide: true },
  );
}

/** The public news pages: no login, server-rendered, no script needed. */
export function newsPublicRoutes(app: App): void {
  app.get("/tin-tuc", (c) => {
    const t = c.get("t");
    return listPage(c, {
      heading: t("news.home.title"),
      intro: t("news.home.intro"),
      empty: t("news.home.empty"),
      base: "/tin-tuc",
    });
  });

  app.get("/tin-tuc/chuyen-muc/:category", (c) => {
    const category = c.req.param("category");
    if (!isCategory(category)) return notFound(c);
    const t = c.get("t");
    return listPage(c, {
      heading: t(`news.category.${category}`),
      empty: t("news.home.empty"),
      category,
      base: `/tin-tuc/chuyen-muc/${category}`,
    });
  });

  app.get("/tin-tuc/tim-kiem", (c) => {
    const t = c.get("t");
    const q = (c.req.query("q") ?? "").trim().slice(0, 200);
    return listPage(c, {
      heading: q ? t("news.search.title", { q }) : t("news.search.label"),
      empty: t("news.search.none"),
      q,
      base: `/tin-tuc/tim-kiem?q=${encodeURIComponent(q)}`,
    });
  });

  app.get("/tin-tuc/:slug", (c) =>
    renderArticle(c, c.req.param("slug"), { values: {}, errors: {}, sent: c.req.query("sent") === "1" }),
  );

  app.post("/tin-tuc/:slug/phan-hoi", async (c) => {
    const deps = c.get("deps");
    const slug = c.req.param("slug");
    if (!SLUG_RE.test(slug)) return notFound(c);
    const body = await formBody(c);
    const values = {
      name: (body.name ?? "").slice(0, 200),
      email: (body.email ?? "").slice(0, 300),
      text: (body.text ?? "").slice(0, 5000),
      key: /^[A-Za-z0-9_-]{8,40}$/.test(body.key ?? "") ? (body.key ?? "") : "",
    };
    const checked = checkFeedback({ ...values, website: body.website ?? "" });
    if (!checked.ok) return renderArticle(c, slug, { values, errors: checked.errors, sent: false }, 422);
    const ip = clientIp(c);
    const limit = await hitRateLimit(
      deps.pool,
      `news.feedback:${ip}`,
      FEEDBACK_LIMIT,
      FEEDBACK_WINDOW_MS,
      deps.clock.now(),
    );
    if (!limit.allowed) {
      c.header("Retry-After", String(limit.retryAfterSeconds));
      return renderArticle(
        c,
        slug,
        { values, errors: { text: "news.feedback.error.rate" }, sent: false },
        429,
      );
    }
    const a = await articleBySlug(deps.pool, slug);
    if (a?.state !== "published") return notFound(c);
    try {
      await submitFeedback(
        { pool: deps.pool, clock: deps.clock, actorId: c.get("actor")?.id ?? null },
        {
          articleId: a.id,
          ...checked.value,
          submissionKey: values.key || randomBytes(12).toString("base64url"),
          ipHash: createHash("sha256").update(`news:${ip}`).digest("hex").slice(0, 32),
          spam: checked.honeypot,
        },
      );
    } catch (err) {
      if (err instanceof CommandError) return notFound(c);
      throw err;
    }
    return c.redirect(`/tin-tuc/${slug}?sent=1#gui-phan-hoi`, 303);
  });
}
