import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { tsvector } from "../../platform/db/columns.ts";
import { users } from "../accounts/schema.ts";

/** News articles. `body_html` is stored already sanitised (and sanitised again when rendered). */
export const newsArticles = pgTable(
  "news_articles",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    category: text("category").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** files.key of the cover photo (checked by content on upload). */
    coverKey: text("cover_key"),
    coverCaption: text("cover_caption"),
    /** draft | scheduled | published | unpublished */
    state: text("state").notNull().default("draft"),
    authorId: bigint("author_id", { mode: "number" }).references(() => users.id),
    /** Typed links to other capabilities, kept as ids: rendered only when the target exists. */
    dialogueId: bigint("dialogue_id", { mode: "number" }),
    directiveId: bigint("directive_id", { mode: "number" }),
    clusterId: bigint("cluster_id", { mode: "number" }),
    /** When publishing needs a second editor: who asked, and who approved. */
    publishRequestedBy: bigint("publish_requested_by", { mode: "number" }),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    revision: integer("revision").notNull().default(1),
    /** normalizeForSearch(title, summary, text of the body): diacritics folded, abbreviations expanded. */
    searchText: text("search_text").notNull().default(""),
    tsv: tsvector("tsv").generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_text)`),
  },
  (t) => [
    uniqueIndex("news_articles_slug").on(t.slug),
    index("news_articles_published").on(t.state, t.publishedAt),
    index("news_articles_category_published").on(t.category, t.state, t.publishedAt),
    index("news_articles_tsv").using("gin", t.tsv),
  ],
);

/** Every saved version of an article (revisions are kept, never overwritten). */
export const newsRevisions = pgTable(
  "news_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    articleId: bigint("article_id", { mode: "number" })
      .notNull()
      .references(() => newsArticles.id),
    revision: integer("revision").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    bodyHtml: text("body_html").notNull(),
    editorId: bigint("editor_id", { mode: "number" }),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("news_revisions_article_revision").on(t.articleId, t.revision)],
);

/**
 * Views by article and local day. Never one row per view, never an UPDATE per view: each app process buffers
 * views in memory and adds them here in one INSERT … ON CONFLICT per batch (see viewCounter.ts).
 */
export const newsViewDays = pgTable(
  "news_view_days",
  {
    articleId: bigint("article_id", { mode: "number" }).notNull(),
    day: date("day").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] }), index("news_view_days_day").on(t.day)],
);

/** Readers' feedback ("Phản hồi"), shown only once a moderator approved it. */
export const newsFeedback = pgTable(
  "news_feedback",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    articleId: bigint("article_id", { mode: "number" })
      .notNull()
      .references(() => newsArticles.id),
    name: text("name").notNull(),
    email: text("email"),
    bodyText: text("body_text").notNull(),
    /** pending | approved | rejected | spam */
    state: text("state").notNull().default("pending"),
    rejectReason: text("reject_reason"),
    /** A retried submission (same key) never makes a second entry. */
    submissionKey: text("submission_key").notNull(),
    ipHash: text("ip_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    moderatedBy: bigint("moderated_by", { mode: "number" }),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("news_feedback_submission").on(t.submissionKey),
    index("news_feedback_article_state").on(t.articleId, t.state, t.createdAt),
    index("news_feedback_state").on(t.state, t.createdAt),
  ],
);

/** Photos uploaded for the news (covers and pictures in bodies): only these are served publicly. */
export const newsImages = pgTable("news_images", {
  key: text("key").primaryKey(),
  mime: text("mime").notNull(),
  uploadedBy: bigint("uploaded_by", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
