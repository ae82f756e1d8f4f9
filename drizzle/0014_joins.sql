ALTER TABLE "petitions" ADD COLUMN "joins_petition_id" bigint;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_joins_petition_id_petitions_id_fk" FOREIGN KEY ("joins_petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petitions_joins" ON "petitions" USING btree ("joins_petition_id");