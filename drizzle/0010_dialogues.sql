CREATE TABLE "dialogue_agencies" (
	"dialogue_id" bigint NOT NULL,
	"agency_id" bigint NOT NULL,
	CONSTRAINT "dialogue_agencies_dialogue_id_agency_id_pk" PRIMARY KEY("dialogue_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_agenda_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dialogue_id" bigint NOT NULL,
	"starts_at" text NOT NULL,
	"title" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_chairs" (
	"dialogue_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	CONSTRAINT "dialogue_chairs_dialogue_id_user_id_pk" PRIMARY KEY("dialogue_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_invitations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dialogue_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"unit_id" bigint,
	"role" text NOT NULL,
	"token" text NOT NULL,
	"search_name" text DEFAULT '' NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_questions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dialogue_id" bigint NOT NULL,
	"text" text NOT NULL,
	"village_id" bigint,
	"asked_by" bigint,
	"origin" text DEFAULT 'advance' NOT NULL,
	"petition_id" bigint,
	"group_id" bigint,
	"band_keys" integer[],
	"features" jsonb,
	"feature_scheme" text,
	"agency_id" bigint,
	"position" integer,
	"state" text DEFAULT 'queued' NOT NULL,
	"answer_summary" text,
	"answered_by_text" text,
	"answered_at" timestamp with time zone,
	"follow_up_petition_id" bigint,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_supports" (
	"question_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"village_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_supports_question_id_user_id_pk" PRIMARY KEY("question_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "dialogues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"venue" text,
	"online_url" text,
	"state" text DEFAULT 'planned' NOT NULL,
	"current_question_id" bigint,
	"live_version" integer DEFAULT 0 NOT NULL,
	"created_by" bigint,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dialogue_agencies" ADD CONSTRAINT "dialogue_agencies_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_agencies" ADD CONSTRAINT "dialogue_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_agenda_items" ADD CONSTRAINT "dialogue_agenda_items_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_chairs" ADD CONSTRAINT "dialogue_chairs_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_chairs" ADD CONSTRAINT "dialogue_chairs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_invitations" ADD CONSTRAINT "dialogue_invitations_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_invitations" ADD CONSTRAINT "dialogue_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_invitations" ADD CONSTRAINT "dialogue_invitations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_invitations" ADD CONSTRAINT "dialogue_invitations_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_follow_up_petition_id_petitions_id_fk" FOREIGN KEY ("follow_up_petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_supports" ADD CONSTRAINT "dialogue_supports_question_id_dialogue_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."dialogue_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_supports" ADD CONSTRAINT "dialogue_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_supports" ADD CONSTRAINT "dialogue_supports_village_id_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogues" ADD CONSTRAINT "dialogues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialogue_agenda_dialogue" ON "dialogue_agenda_items" USING btree ("dialogue_id","sort");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_invitations_user" ON "dialogue_invitations" USING btree ("dialogue_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_invitations_token" ON "dialogue_invitations" USING btree ("token");--> statement-breakpoint
CREATE INDEX "dialogue_invitations_checked" ON "dialogue_invitations" USING btree ("dialogue_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "dialogue_questions_dialogue" ON "dialogue_questions" USING btree ("dialogue_id","state","position");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_questions_idempotency" ON "dialogue_questions" USING btree ("dialogue_id","asked_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "dialogue_questions_band_keys" ON "dialogue_questions" USING gin ("band_keys");--> statement-breakpoint
CREATE INDEX "dialogue_questions_pending_followup" ON "dialogue_questions" USING btree ("dialogue_id") WHERE state IN ('queued', 'skipped') AND follow_up_petition_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "dialogues_code" ON "dialogues" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogues_idempotency" ON "dialogues" USING btree ("created_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "dialogues_starts" ON "dialogues" USING btree ("starts_at","id");