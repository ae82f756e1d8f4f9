CREATE TABLE "petition_clusters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lead_petition_id" bigint NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_clusters" ADD CONSTRAINT "petition_clusters_lead_petition_id_petitions_id_fk" FOREIGN KEY ("lead_petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_clusters" ADD CONSTRAINT "petition_clusters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "petition_clusters_lead" ON "petition_clusters" USING btree ("lead_petition_id");