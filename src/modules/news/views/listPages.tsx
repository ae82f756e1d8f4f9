import type { FC } from "hono/jsx";
import { type PageContext, Pager } from "../../../platform/http/layout.tsx";
import type { ArticleCard, ViewedCard } from "../queries/articles.ts";
import { CardList, CategoryNav, SearchForm, Sidebar } from "./parts.tsx";

export type ListPageData = {
  heading: string;
  intro?: string;
  items: ArticleCard[];
  empty: string;
  latest: ArticleCard[];
  top7: ViewedCard[];
  top30: ViewedCard[];
  category?: string;
  q?: string;
  page: number;
  hasNext: boolean;
  base: string;
};

/** The news home, a category's page and the search results: the same shape with different lists. */
export const ListPage: FC<{ ctx: PageContext; d: ListPageData }> = ({ ctx, d }) => (
  <div class="news">
    <CategoryNav ctx={ctx} current={d.category} />
    <div class="news-grid">
      <div>
        <h1>{d.heading}</h1>
        {d.intro ? <p>{d.intro}</p> : null}
        <SearchForm ctx={ctx} q={d.q} />
        {d.items.length === 0 ? <p class="muted">{d.empty}</p> : <CardList ctx={ctx} items={d.items} />}
        {d.page > 1 || d.hasNext ? <Pager ctx={ctx} page={d.page} hasNext={d.hasNext} base={d.base} /> : null}
        <p>
          <a href="/cong-khai">{ctx.t("portal.title")}</a>
        </p>
      </div>
      <Sidebar ctx={ctx} latest={d.latest} top7={d.top7} top30={d.top30} />
    </div>
  </div>
);
