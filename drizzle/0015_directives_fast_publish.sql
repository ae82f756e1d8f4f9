ALTER TABLE "directive_deliveries" DROP CONSTRAINT "directive_deliveries_directive_id_directives_id_fk";
--> statement-breakpoint
ALTER TABLE "directive_deliveries" DROP CONSTRAINT "directive_deliveries_village_id_units_id_fk";
--> statement-breakpoint
DROP INDEX "directive_deliveries_commune";--> statement-breakpoint
DROP INDEX "directive_deliveries_inbox";--> statement-breakpoint
DROP INDEX "directive_deliveries_unfinished";