CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes the wrapper safe to
-- declare IMMUTABLE, which generated columns and indexes require.
CREATE OR REPLACE FUNCTION caunoi_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- The search form of a name: diacritics folded (đ→d), lower case, punctuation to spaces, spaces collapsed.
CREATE OR REPLACE FUNCTION caunoi_norm(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(caunoi_unaccent($1)), '[^[:alnum:]]+', ' ', 'g')) $$;
--> statement-breakpoint
-- Full-text search without diacritics: "ha long" matches "Hạ Long".
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'caunoi') THEN
    CREATE TEXT SEARCH CONFIGURATION caunoi (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION caunoi ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
  END IF;
END $$;
