CREATE TABLE "news_articles" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"cover_key" text,
	"cover_caption" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"author_id" bigint,
	"dialogue_id" bigint,
	"directive_id" bigint,
	"cluster_id" bigint,
	"publish_requested_by" bigint,
	"scheduled_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED
);
--> statement-breakpoint
CREATE TABLE "news_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"article_id" bigint NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"body_text" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"reject_reason" text,
	"submission_key" text NOT NULL,
	"ip_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"moderated_by" bigint,
	"moderated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "news_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"article_id" bigint NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body_html" text NOT NULL,
	"editor_id" bigint,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_view_days" (
	"article_id" bigint NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "news_view_days_article_id_day_pk" PRIMARY KEY("article_id","day")
);
--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_feedback" ADD CONSTRAINT "news_feedback_article_id_news_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."news_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_revisions" ADD CONSTRAINT "news_revisions_article_id_news_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."news_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "news_articles_slug" ON "news_articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "news_articles_published" ON "news_articles" USING btree ("state","published_at");--> statement-breakpoint
CREATE INDEX "news_articles_category_published" ON "news_articles" USING btree ("category","state","published_at");--> statement-breakpoint
CREATE INDEX "news_articles_tsv" ON "news_articles" USING gin ("tsv");--> statement-breakpoint
CREATE UNIQUE INDEX "news_feedback_submission" ON "news_feedback" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "news_feedback_article_state" ON "news_feedback" USING btree ("article_id","state","created_at");--> statement-breakpoint
CREATE INDEX "news_feedback_state" ON "news_feedback" USING btree ("state","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "news_revisions_article_revision" ON "news_revisions" USING btree ("article_id","revision");--> statement-breakpoint
CREATE INDEX "news_view_days_day" ON "news_view_days" USING btree ("day");