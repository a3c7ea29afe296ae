-- Exact cosine distance over real[] vectors, for databases without pgvector.
-- Same meaning as pgvector's <=> operator: 1 - cos(a, b).
CREATE OR REPLACE FUNCTION aio_cosine_distance(a real[], b real[]) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT 1 - sum(x * y) / nullif(sqrt(sum(x * x)) * sqrt(sum(y * y)), 0)
  FROM unnest(a, b) AS t(x, y)
$$;
