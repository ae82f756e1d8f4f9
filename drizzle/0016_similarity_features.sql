CREATE TABLE "petition_similarity_features" (
	"petition_id" bigint PRIMARY KEY NOT NULL,
	"features" jsonb NOT NULL,
	"feature_scheme" text NOT NULL
);
--> statement-breakpoint
-- The same trigger now keeps the narrow features copy beside the postings.
CREATE OR REPLACE FUNCTION petition_similarity_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_OP = 'UPDATE' AND NEW.band_keys IS NOT DISTINCT FROM OLD.band_keys
       AND NEW.features IS NOT DISTINCT FROM OLD.features
       AND NEW.feature_scheme IS NOT DISTINCT FROM OLD.feature_scheme
       AND (NEW.state = 'draft') = (OLD.state = 'draft') THEN
      RETURN NULL;
    END IF;
    IF OLD.band_keys IS NOT NULL THEN
      DELETE FROM petition_similarity_keys WHERE key = ANY(OLD.band_keys) AND petition_id = OLD.id;
    END IF;
    DELETE FROM petition_similarity_features WHERE petition_id = OLD.id;
    IF TG_OP = 'DELETE' THEN
      RETURN NULL;
    END IF;
  END IF;
  IF NEW.state <> 'draft' AND NEW.band_keys IS NOT NULL THEN
    INSERT INTO petition_similarity_keys (key, petition_id)
    SELECT DISTINCT k, NEW.id FROM unnest(NEW.band_keys) AS k
    ON CONFLICT DO NOTHING;
  END IF;
  IF NEW.state <> 'draft' AND NEW.features IS NOT NULL AND NEW.feature_scheme IS NOT NULL THEN
    INSERT INTO petition_similarity_features (petition_id, features, feature_scheme)
    VALUES (NEW.id, NEW.features, NEW.feature_scheme)
    ON CONFLICT (petition_id) DO UPDATE SET features = EXCLUDED.features, feature_scheme = EXCLUDED.feature_scheme;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER petitions_similarity_keys ON petitions;
--> statement-breakpoint
CREATE TRIGGER petitions_similarity_keys AFTER INSERT OR DELETE OR UPDATE OF band_keys, features, feature_scheme, state
  ON petitions FOR EACH ROW EXECUTE FUNCTION petition_similarity_keys_sync();
--> statement-breakpoint
INSERT INTO petition_similarity_features (petition_id, features, feature_scheme)
SELECT id, features, feature_scheme FROM petitions
 WHERE state <> 'draft' AND features IS NOT NULL AND feature_scheme IS NOT NULL
 ORDER BY id;
