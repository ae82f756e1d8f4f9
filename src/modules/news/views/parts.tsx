import type { FC } from "hono/jsx";
import type { PageContext } from "../../../platform/http/layout.tsx";
import { formatDate, formatNumber } from "../../../platform/i18n/i18n.ts";
import type { ArticleCard, ViewedCard } from "../queries/articles.ts";
import { CATEGORIES } from "../settings.ts";

export const articleHref = (slug: string) => `/tin-tuc/${slug}`;
export const imageHref = (key: string) => `/news/images/${key}`;
export const categoryHref = (c: string) => `/tin-tuc/chuyen-muc/${c}`;

/** A list of article titles with their date: what "Mới nhất", "Các tin khác" and search show. */
export const TitleList: FC<{ ctx: PageContext; items: ArticleCard[]; views?: boolean }> = ({ ctx, items }) =>
  items.length === 0 ? (
    <p class="muted">{ctx.t("news.noneYet")}</p>
  ) : (
    <ol class="news-titles">
      {items.map((a) => (
        <li>
          <a href={articleHref(a.slug)}>{a.title}</a>
          {a.published_at ? <span class="muted"> · {formatDate(a.published_at)}</span> : null}
          {"views" in a ? (
            <span class="muted">
              {" "}
              · {ctx.t("news.views", { n: formatNumber((a as ViewedCard).views, ctx.locale) })}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );

/** Cards with the cover photo and the summary (home, category and search pages). */
export const CardList: FC<{ ctx: PageContext; items: ArticleCard[] }> = ({ ctx, items }) => (
  <ul class="news-cards">
    {items.map((a) => (
      <li class="news-card">
        {a.cover_key ? (
          <img src={imageHref(a.cover_key)} alt="" loading="lazy" width="320" height="180" />
        ) : null}
        <div>
          <h2>
            <a href={articleHref(a.slug)}>{a.title}</a>
          </h2>
          <p class="muted">
            <a href={categoryHref(a.category)}>{ctx.t(`news.category.${a.category}`)}</a>
            {a.published_at ? ` · ${formatDate(a.published_at)}` : ""}
          </p>
          <p>{a.summary}</p>
        </div>
      </li>
    ))}
  </ul>
);

export const CategoryNav: FC<{ ctx: PageContext; current?: string }> = ({ ctx, current }) => (
  <nav class="news-cats" aria-label={ctx.t("news.categories")}>
    <ul>
      {CATEGORIES.map((c) => (
        <li>
          <a href={categoryHref(c)} aria-current={c === current ? "page" : undefined}>
            {ctx.t(`news.category.${c}`)}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

export const SearchForm: FC<{ ctx: PageContext; q?: string }> = ({ ctx, q }) => (
  <form method="get" action="/tin-tuc/tim-kiem" class="search news-search">
    <label for="news-q">{ctx.t("news.search.label")}</label>
    <input
      id="news-q"
      name="q"
      type="search"
      value={q ?? ""}
      aria-describedby="news-q-hint"
      maxlength={200}
    />
    <button type="submit">{ctx.t("news.search.button")}</button>
    <p class="hint muted" id="news-q-hint">
      {ctx.t("news.search.hint")}
    </p>
  </form>
);

/** "Mới nhất" and "Xem nhiều nhất" (7 and 30 days), beside or under every public news page. */
export const Sidebar: FC<{
  ctx: PageContext;
  latest: ArticleCard[];
  top7: ViewedCard[];
  top30: ViewedCard[];
}> = ({ ctx, latest, top7, top30 }) => (
  <aside class="news-side">
    <section aria-labelledby="latest-h" id="moi-nhat">
      <h2 id="latest-h">{ctx.t("news.latest")}</h2>
      <TitleList ctx={ctx} items={latest} />
    </section>
    <section aria-labelledby="top-h" id="xem-nhieu-nhat">
      <h2 id="top-h">{ctx.t("news.mostViewed")}</h2>
      <h3 id="top7">{ctx.t("news.mostViewed.7")}</h3>
      <TitleList ctx={ctx} items={top7} />
      <h3 id="top30">{ctx.t("news.mostViewed.30")}</h3>
      <TitleList ctx={ctx} items={top30} />
    </section>
    <p>
      <a href="/tin-tuc/feed.xml">{ctx.t("news.feed")}</a> ·{" "}
      <a href="/cong-khai">{ctx.t("news.transparency")}</a>
    </p>
  </aside>
);
