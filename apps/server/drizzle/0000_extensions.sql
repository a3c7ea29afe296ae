-- Trigram search is in PostgreSQL's contrib (and PGlite's); pgvector is optional:
-- where it is not installed, vectors are stored as real[] with exact similarity.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
END
$$;
