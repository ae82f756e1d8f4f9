CREATE TABLE "training_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enrolment_id" bigint NOT NULL,
	"correct" integer NOT NULL,
	"total" integer NOT NULL,
	"score" integer NOT NULL,
	"passed" boolean NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"enrolment_id" bigint NOT NULL,
	"session_id" bigint NOT NULL,
	"method" text NOT NULL,
	"marked_by" bigint,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_enrolment_id_session_id_pk" PRIMARY KEY("enrolment_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "training_course_targets" (
	"course_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	CONSTRAINT "training_course_targets_course_id_unit_id_pk" PRIMARY KEY("course_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"topic_code" text NOT NULL,
	"format" text NOT NULL,
	"trainer_id" bigint NOT NULL,
	"target_role" text DEFAULT 'village_head' NOT NULL,
	"capacity" integer,
	"open_enrolment" boolean DEFAULT false NOT NULL,
	"certificate" boolean DEFAULT true NOT NULL,
	"pass_mark" integer DEFAULT 70 NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"course_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"status" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enrolled_by" text NOT NULL,
	"qr_token" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"certificate_code" text
);
--> statement-breakpoint
CREATE TABLE "training_materials" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"course_id" bigint NOT NULL,
	"title" text NOT NULL,
	"file_key" text,
	"mime" text,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_questions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"course_id" bigint NOT NULL,
	"prompt" text NOT NULL,
	"choices" jsonb NOT NULL,
	"answer" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"course_id" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"required" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_topics" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_attempts" ADD CONSTRAINT "training_attempts_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_targets" ADD CONSTRAINT "training_course_targets_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_targets" ADD CONSTRAINT "training_course_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_topic_code_training_topics_code_fk" FOREIGN KEY ("topic_code") REFERENCES "public"."training_topics"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_trainer_id_users_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_questions" ADD CONSTRAINT "training_questions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_attempts_enrolment" ON "training_attempts" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "training_courses_trainer" ON "training_courses" USING btree ("trainer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_courses_idem" ON "training_courses" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_person" ON "training_enrolments" USING btree ("course_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_qr" ON "training_enrolments" USING btree ("qr_token");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_cert" ON "training_enrolments" USING btree ("certificate_code");--> statement-breakpoint
CREATE INDEX "training_enrolments_user" ON "training_enrolments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_materials_course" ON "training_materials" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_questions_course" ON "training_questions" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_sessions_course" ON "training_sessions" USING btree ("course_id");