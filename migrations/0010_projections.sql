-- Read models kept up to date from the event log (evaluation rollups, supervision cards, …). Each projection
-- remembers, per tenant, the committed-horizon position (tx_id, seq) of the last event it applied; it applies
-- a batch of events and moves its position in one transaction, so every event is applied exactly once even
-- with several processes (the position row is locked while a batch is applied).
CREATE TABLE projection_positions (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  tx_id xid8 NOT NULL DEFAULT '0'::xid8,
  seq bigint NOT NULL DEFAULT 0,
  applied bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, name)
);
