CREATE TABLE "petition_similarity_keys" (
	"key" integer NOT NULL,
	"petition_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "similarity_df_state" (
	"name" text PRIMARY KEY NOT NULL,
	"last_petition_id" bigint DEFAULT 0 NOT NULL,
	"full_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "similarity_key_df" (
	"key" integer PRIMARY KEY NOT NULL,
	"df" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "directive_deliveries_unacked";--> statement-breakpoint
DROP INDEX "petitions_band_keys";--> statement-breakpoint
CREATE INDEX "directive_deliveries_unfinished" ON "directive_deliveries" USING btree ("directive_id","id") WHERE acknowledged_at IS NULL OR disseminated_at IS NULL;--> statement-breakpoint
-- Postings follow the petition: written when it leaves draft, replaced when its text (band_keys) changes,
-- removed with it. A trigger rather than application code, so bulk loads and every command agree.
CREATE FUNCTION petition_similarity_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_OP = 'UPDATE' AND NEW.band_keys IS NOT DISTINCT FROM OLD.band_keys
       AND (NEW.state = 'draft') = (OLD.state = 'draft') THEN
      RETURN NULL;
    END IF;
    IF OLD.band_keys IS NOT NULL THEN
      DELETE FROM petition_similarity_keys WHERE key = ANY(OLD.band_keys) AND petition_id = OLD.id;
    END IF;
    IF TG_OP = 'DELETE' THEN
      RETURN NULL;
    END IF;
  END IF;
  IF NEW.state <> 'draft' AND NEW.band_keys IS NOT NULL THEN
    INSERT INTO petition_similarity_keys (key, petition_id)
    SELECT DISTINCT k, NEW.id FROM unnest(NEW.band_keys) AS k
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER petitions_similarity_keys AFTER INSERT OR DELETE OR UPDATE OF band_keys, state ON petitions
  FOR EACH ROW EXECUTE FUNCTION petition_similarity_keys_sync();
--> statement-breakpoint
-- Existing petitions: loaded before the primary key exists, then indexed in one sorted build (much faster
-- than growing a btree row by row at a million petitions). band_keys are unique per petition.
INSERT INTO petition_similarity_keys (key, petition_id)
SELECT k, p.id FROM petitions p, unnest(p.band_keys) AS k WHERE p.state <> 'draft';
--> statement-breakpoint
ALTER TABLE "petition_similarity_keys" ADD CONSTRAINT "petition_similarity_keys_pk" PRIMARY KEY("key","petition_id");
--> statement-breakpoint
INSERT INTO similarity_key_df (key, df) SELECT key, count(*)::int FROM petition_similarity_keys GROUP BY key;

