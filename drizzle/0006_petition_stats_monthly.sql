CREATE TABLE "petition_monthly_stats" (
	"month" date NOT NULL,
	"commune_id" bigint NOT NULL,
	"agency_id" bigint NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"answered_on_time" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"not_satisfied" integer DEFAULT 0 NOT NULL,
	"auto_closed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "petition_monthly_stats_month_commune_id_agency_id_pk" PRIMARY KEY("month","commune_id","agency_id")
);
--> statement-breakpoint
INSERT INTO "petition_monthly_stats" ("month", "commune_id", "agency_id", "received", "answered", "answered_on_time", "satisfied", "not_satisfied", "auto_closed")
SELECT date_trunc('month', "day")::date, "commune_id", "agency_id", sum("received"), sum("answered"), sum("answered_on_time"), sum("satisfied"), sum("not_satisfied"), sum("auto_closed")
  FROM "petition_daily_stats" GROUP BY 1, 2, 3;
