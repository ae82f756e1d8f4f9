CREATE TABLE "directive_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"directive_id" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"original_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directive_commune_stats" (
	"directive_id" bigint NOT NULL,
	"commune_id" bigint NOT NULL,
	"villages" integer DEFAULT 0 NOT NULL,
	"acknowledged" integer DEFAULT 0 NOT NULL,
	"disseminated" integer DEFAULT 0 NOT NULL,
	"households" bigint DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"agree" bigint DEFAULT 0 NOT NULL,
	"disagree" bigint DEFAULT 0 NOT NULL,
	"opinions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "directive_commune_stats_directive_id_commune_id_pk" PRIMARY KEY("directive_id","commune_id")
);
--> statement-breakpoint
CREATE TABLE "directive_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"directive_id" bigint NOT NULL,
	"village_id" bigint NOT NULL,
	"commune_id" bigint NOT NULL,
	"village_path" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" bigint,
	"acknowledged_version" integer,
	"disseminated_on" date,
	"disseminated_at" timestamp with time zone,
	"dissemination_form" text,
	"households" integer,
	"evidence_key" text,
	"evidence_mime" text,
	"agree" integer,
	"disagree" integer,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "directive_opinions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"directive_id" bigint NOT NULL,
	"delivery_id" bigint NOT NULL,
	"commune_id" bigint NOT NULL,
	"text" text NOT NULL,
	"search_text" text NOT NULL,
	"stance" text NOT NULL,
	"petition_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directive_reminders" (
	"delivery_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "directive_reminders_delivery_id_kind_pk" PRIMARY KEY("delivery_id","kind")
);
--> statement-breakpoint
CREATE TABLE "directive_versions" (
	"directive_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	"by" bigint,
	CONSTRAINT "directive_versions_directive_id_version_pk" PRIMARY KEY("directive_id","version")
);
--> statement-breakpoint
CREATE TABLE "directives" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"doc_number" text NOT NULL,
	"doc_date" date NOT NULL,
	"issuer" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"category" text NOT NULL,
	"targets" jsonb NOT NULL,
	"target_roles" text[] NOT NULL,
	"ack_due" date NOT NULL,
	"disseminate_due" date NOT NULL,
	"opinions_until" date,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" bigint,
	"approved_by" bigint,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	"villages" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directive_attachments" ADD CONSTRAINT "directive_attachments_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_commune_stats" ADD CONSTRAINT "directive_commune_stats_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_deliveries" ADD CONSTRAINT "directive_deliveries_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_deliveries" ADD CONSTRAINT "directive_deliveries_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_opinions" ADD CONSTRAINT "directive_opinions_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_opinions" ADD CONSTRAINT "directive_opinions_delivery_id_directive_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."directive_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_reminders" ADD CONSTRAINT "directive_reminders_delivery_id_directive_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."directive_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_versions" ADD CONSTRAINT "directive_versions_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_versions" ADD CONSTRAINT "directive_versions_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directive_attachments_directive" ON "directive_attachments" USING btree ("directive_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directive_deliveries_village" ON "directive_deliveries" USING btree ("directive_id","village_id");--> statement-breakpoint
CREATE INDEX "directive_deliveries_commune" ON "directive_deliveries" USING btree ("directive_id","commune_id");--> statement-breakpoint
CREATE INDEX "directive_deliveries_inbox" ON "directive_deliveries" USING btree ("village_id","delivered_at");--> statement-breakpoint
CREATE INDEX "directive_deliveries_unacked" ON "directive_deliveries" USING btree ("directive_id","commune_id") WHERE acknowledged_at IS NULL OR disseminated_at IS NULL;--> statement-breakpoint
CREATE INDEX "directive_opinions_directive" ON "directive_opinions" USING btree ("directive_id","commune_id");--> statement-breakpoint
CREATE INDEX "directive_opinions_delivery" ON "directive_opinions" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "directives_state_published" ON "directives" USING btree ("state","published_at");