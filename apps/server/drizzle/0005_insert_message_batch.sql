-- Writes a batch of thread-free messages of one workspace in one statement:
-- takes the seqs, inserts the messages (skipping client ids stored before),
-- their mentions, the conversations' last message and one event per message.
-- A PL/pgSQL function because its plan is prepared once per session and
-- reused: parsing and planning this statement on every flush cost more than
-- running it (see modules/conversations/repository/fused-send.ts).
--
-- A message skipped as a duplicate still uses its seq, with a `noop` event,
-- so the event log has no gap for the realtime stream to wait on. The event
-- payload is the message.created payload with message.seq filled in here.
--
-- The batch comes as one JSON array (p_rows: id, conversation_id, client_id,
-- author_id, body, entities, has_link, payload) and the mentions as another
-- (p_mentions: ord, the message's 1-based position, kind, user_id): one
-- document parsed in C, instead of a dozen array literals built in
-- JavaScript and parsed here.
CREATE OR REPLACE FUNCTION insert_message_batch(
  p_workspace_id text, p_rows jsonb, p_mentions jsonb, p_created_at timestamptz
) RETURNS TABLE (ord int, seq bigint, inserted boolean) LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  n int := jsonb_array_length(p_rows);
BEGIN
  RETURN QUERY
  WITH s AS (
    INSERT INTO workspace_sequences (workspace_id, last_seq) VALUES (p_workspace_id, n)
    ON CONFLICT (workspace_id) DO UPDATE SET last_seq = workspace_sequences.last_seq + n
    RETURNING last_seq - n AS base
  ),
  t AS (
    SELECT u.*, s.base + u.ord AS seq
    FROM s, ROWS FROM (jsonb_to_recordset(p_rows) AS (
      id text, conversation_id text, client_id text, author_id text, body text, entities jsonb, has_link boolean, payload jsonb
    )) WITH ORDINALITY AS u(id, conversation_id, client_id, author_id, body, entities, has_link, payload, ord)
  ),
  m AS (
    INSERT INTO messages (id, workspace_id, conversation_id, seq, client_id, author_type, author_id, body, entities, has_link, created_at)
    SELECT t.id, p_workspace_id, t.conversation_id, t.seq, t.client_id, 'member', t.author_id, t.body, t.entities, t.has_link, p_created_at
    FROM t
    ON CONFLICT (conversation_id, author_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
    RETURNING messages.id, messages.conversation_id, messages.seq
  ),
  mm AS (
    INSERT INTO message_mentions (message_id, conversation_id, workspace_id, seq, kind, user_id)
    SELECT m.id, m.conversation_id, p_workspace_id, m.seq, x.kind, x.user_id
    FROM jsonb_to_recordset(p_mentions) AS x(ord bigint, kind text, user_id text)
    JOIN t ON t.ord = x.ord
    JOIN m ON m.id = t.id
  ),
  c AS (
    UPDATE conversations
    SET last_message_seq = greatest(coalesce(conversations.last_message_seq, 0), x.seq), last_message_at = p_created_at
    FROM (SELECT m.conversation_id, max(m.seq) AS seq FROM m GROUP BY m.conversation_id) x
    WHERE conversations.id = x.conversation_id
  ),
  e AS (
    INSERT INTO workspace_events (workspace_id, seq, name, conversation_id, payload)
    SELECT p_workspace_id, t.seq,
      CASE WHEN m.id IS NULL THEN 'noop' ELSE 'message.created' END,
      t.conversation_id,
      CASE WHEN m.id IS NULL THEN '{}'::jsonb ELSE jsonb_set(t.payload, '{message,seq}', to_jsonb(t.seq)) END
    FROM t LEFT JOIN m ON m.id = t.id
  )
  SELECT t.ord::int, t.seq::bigint, (m.id IS NOT NULL)
  FROM t LEFT JOIN m ON m.id = t.id
  ORDER BY t.ord;
END
$fn$;
