ALTER TABLE "directive_commune_stats" ADD COLUMN "commune_path" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- counters written before this column existed: their commune's path from units
UPDATE "directive_commune_stats" s SET "commune_path" = u."path" FROM "units" u WHERE u."id" = s."commune_id" AND s."commune_path" = '';