-- An event's payload is kept as the very text its hash covers (`json` keeps its input verbatim), rather than
-- as jsonb, which PostgreSQL re-prints on every read. Verification then hashes the stored bytes as they are,
-- without depending on how a server version prints jsonb, and reading an event costs a copy instead of a
-- conversion (docs/audit.md). Nothing queries inside payloads in SQL; readers parse the text as before.
-- The writer has always stored jsonb's own text form (canonical.ts), so converting keeps every hash valid.
ALTER TABLE events ALTER COLUMN payload DROP DEFAULT;
ALTER TABLE events ALTER COLUMN payload TYPE json USING payload::text::json;
ALTER TABLE events ALTER COLUMN payload SET DEFAULT '{}'::json;
