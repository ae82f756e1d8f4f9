CREATE TABLE "petition_daily_stats" (
	"day" date NOT NULL,
	"commune_id" bigint NOT NULL,
	"agency_id" bigint NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"answered_on_time" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"not_satisfied" integer DEFAULT 0 NOT NULL,
	"auto_closed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "petition_daily_stats_day_commune_id_agency_id_pk" PRIMARY KEY("day","commune_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "petition_open_due" (
	"day" date NOT NULL,
	"commune_id" bigint NOT NULL,
	"agency_id" bigint NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "petition_open_due_day_commune_id_agency_id_pk" PRIMARY KEY("day","commune_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "petition_stat_facts" (
	"petition_id" bigint PRIMARY KEY NOT NULL,
	"commune_id" bigint NOT NULL,
	"agency_id" bigint NOT NULL,
	"received_day" date,
	"answered_day" date,
	"answered_on_time" boolean,
	"verdict_day" date,
	"verdict" text,
	"open_due_day" date
);
--> statement-breakpoint
CREATE TABLE "petition_stats_state" (
	"id" smallint PRIMARY KEY NOT NULL,
	"safe_event_id" bigint NOT NULL,
	"seen_event_id" bigint NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
