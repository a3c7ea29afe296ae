-- PGlite runs no autovacuum, so a GIN index's pending list is merged by the
-- insert that overflows it: with the default 4 MB that one insert stalls for
-- 150 ms or more. Smaller lists merge more often and in a few milliseconds.
ALTER INDEX "messages_search_idx" SET (gin_pending_list_limit = 256);
--> statement-breakpoint
ALTER INDEX "messages_body_trgm_idx" SET (gin_pending_list_limit = 256);
