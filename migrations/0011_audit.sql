-- The tamper-evident record (src/platform/audit, docs/audit.md).
--
-- Every event joins its record's hash chain: prev_hash is the hash of the record's previous event (null for
-- the first), hash covers the event's content and prev_hash. Both are written by appendEvents; the columns
-- are nullable only because events written before this migration have none, which `audit verify` reports.
ALTER TABLE events ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;

-- Checkpoints: every minute (and on demand) the heads of the chains changed since the last checkpoint are
-- put into a Merkle tree; its root, the previous checkpoint's hash and the committed-horizon position the
-- checkpoint covers are hashed and signed with an Ed25519 key kept outside the database.
CREATE TABLE audit_checkpoints (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  no bigint NOT NULL CHECK (no > 0),
  created_at timestamptz NOT NULL,
  -- Covers every event at or before this position (tx_id, seq) and after the previous checkpoint's.
  tx_id xid8 NOT NULL,
  seq bigint NOT NULL,
  event_count bigint NOT NULL,
  leaf_count integer NOT NULL,
  root bytea NOT NULL,
  prev_hash bytea,
  hash bytea NOT NULL,
  key_id text NOT NULL,
  public_key bytea NOT NULL,
  signature bytea NOT NULL,
  PRIMARY KEY (tenant_id, no)
);

-- The leaves of each checkpoint's tree, in tree order: the head of each record changed in its range.
CREATE TABLE audit_heads (
  tenant_id integer NOT NULL,
  checkpoint_no bigint NOT NULL,
  leaf_index integer NOT NULL,
  stream_type text NOT NULL,
  stream_id text NOT NULL,
  stream_version integer NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (tenant_id, checkpoint_no, leaf_index),
  FOREIGN KEY (tenant_id, checkpoint_no) REFERENCES audit_checkpoints (tenant_id, no)
);
-- A record's checkpoints (the inclusion proof of a case finds its latest one here).
CREATE INDEX audit_heads_stream ON audit_heads (tenant_id, stream_type, stream_id, checkpoint_no);

CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
CREATE TRIGGER audit_heads_append_only BEFORE UPDATE OR DELETE ON audit_heads
  FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
