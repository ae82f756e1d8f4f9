CREATE TABLE "commitment_petitions" (
	"commitment_id" bigint NOT NULL,
	"petition_id" bigint NOT NULL,
	CONSTRAINT "commitment_petitions_commitment_id_petition_id_pk" PRIMARY KEY("commitment_id","petition_id")
);
--> statement-breakpoint
CREATE TABLE "commitment_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commitment_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"percent" integer NOT NULL,
	"note" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"by_user" bigint,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"agency_id" bigint NOT NULL,
	"deadline_working_days" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'not_started' NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"cancel_reason" text,
	"overdue_since" timestamp with time zone,
	"done_at" timestamp with time zone,
	"dialogue_id" bigint,
	"question_id" bigint,
	"created_by" bigint,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commitment_petitions" ADD CONSTRAINT "commitment_petitions_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_petitions" ADD CONSTRAINT "commitment_petitions_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_updates" ADD CONSTRAINT "commitment_updates_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_petitions_petition" ON "commitment_petitions" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "commitment_updates_commitment" ON "commitment_updates" USING btree ("commitment_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_code" ON "commitments" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_idempotency" ON "commitments" USING btree ("created_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "commitments_agency_state" ON "commitments" USING btree ("agency_id","state","deadline");--> statement-breakpoint
CREATE INDEX "commitments_state_deadline" ON "commitments" USING btree ("state","deadline");--> statement-breakpoint
CREATE INDEX "commitments_dialogue" ON "commitments" USING btree ("dialogue_id","id");--> statement-breakpoint
CREATE INDEX "commitments_question" ON "commitments" USING btree ("question_id");