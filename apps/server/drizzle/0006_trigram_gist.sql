-- The GIN indexes' pending lists were the tail of message writes: on PGlite
-- (one thread, no autovacuum) the insert that overflows a list merges it
-- into the index, and that merge grows with the index (p99.9 of a 4-row
-- insert 67-126 ms at 100k messages, against 9 ms with this GiST index; see
-- docs/benchmarks.md). A GiST trigram index is updated in place, row by row.
-- Search now matches words through this index alone (ILIKE); the tsvector
-- column stays, for ranking.
DROP INDEX "messages_search_idx";--> statement-breakpoint
DROP INDEX "messages_body_trgm_idx";--> statement-breakpoint
CREATE INDEX "messages_body_trgm_idx" ON "messages" USING gist ("body" gist_trgm_ops(siglen=64));