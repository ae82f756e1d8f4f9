CREATE TABLE "answer_templates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agency_id" bigint NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"examples_vi" text,
	"usual_level" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "central_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period_kind" text NOT NULL,
	"year" integer NOT NULL,
	"period_index" integer DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" bigint NOT NULL,
	"requested_by" bigint,
	"working_days" integer NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" bigint NOT NULL,
	"event_id" bigint,
	"purpose" text NOT NULL,
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" bigint,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"agency_id" bigint,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "petition_residents" (
	"petition_id" bigint PRIMARY KEY NOT NULL,
	"names" text,
	"phones" text,
	"consent" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"category_code" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"households" integer DEFAULT 1 NOT NULL,
	"location" text,
	"village_id" bigint NOT NULL,
	"unit_path" text NOT NULL,
	"submitted_by" bigint NOT NULL,
	"state" text NOT NULL,
	"level" text,
	"agency_id" bigint,
	"deadline_at" timestamp with time zone,
	"overdue_since" timestamp with time zone,
	"escalated_for_overdue_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"answer" text,
	"answer_published" boolean DEFAULT false NOT NULL,
	"answered_by" bigint,
	"answered_on_time" boolean,
	"satisfaction" text,
	"return_reason" text,
	"redirect_procedure" text,
	"redirect_due_at" timestamp with time zone,
	"central_report_id" bigint,
	"central_agency_id" bigint,
	"cluster_id" bigint,
	"hand_backs" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text,
	"search_text" text DEFAULT '' NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
	"band_keys" integer[],
	"features" jsonb,
	"feature_scheme" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"category_code" text,
	"unit_id" bigint,
	"level" text NOT NULL,
	"agency_id" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answer_templates" ADD CONSTRAINT "answer_templates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "central_reports" ADD CONSTRAINT "central_reports_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_attachments" ADD CONSTRAINT "petition_attachments_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_attachments" ADD CONSTRAINT "petition_attachments_event_id_petition_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."petition_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_attachments" ADD CONSTRAINT "petition_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_residents" ADD CONSTRAINT "petition_residents_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_central_agency_id_agencies_id_fk" FOREIGN KEY ("central_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "central_reports_period" ON "central_reports" USING btree ("period_kind","year","period_index");--> statement-breakpoint
CREATE INDEX "extension_requests_petition" ON "extension_requests" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_attachments_petition" ON "petition_attachments" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_events_petition" ON "petition_events" USING btree ("petition_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_code" ON "petitions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_idempotency" ON "petitions" USING btree ("submitted_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "petitions_state_deadline" ON "petitions" USING btree ("state","deadline_at");--> statement-breakpoint
CREATE INDEX "petitions_unit_path" ON "petitions" USING btree ("unit_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "petitions_agency_state" ON "petitions" USING btree ("agency_id","state","deadline_at");--> statement-breakpoint
CREATE INDEX "petitions_village" ON "petitions" USING btree ("village_id","id");--> statement-breakpoint
CREATE INDEX "petitions_submitted" ON "petitions" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "petitions_category" ON "petitions" USING btree ("category_code","id");--> statement-breakpoint
CREATE INDEX "petitions_cluster" ON "petitions" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "petitions_central_report" ON "petitions" USING btree ("central_report_id");--> statement-breakpoint
CREATE INDEX "petitions_band_keys" ON "petitions" USING gin ("band_keys");--> statement-breakpoint
CREATE INDEX "petitions_tsv" ON "petitions" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "routing_rules_category" ON "routing_rules" USING btree ("category_code");