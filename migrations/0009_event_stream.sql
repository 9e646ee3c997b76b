-- The event stream reads each tenant's log in committed-horizon order, (tx_id, seq): transaction by
-- transaction, and by seq within one. This index lets a poll and a catch-up page be one ordered index range
-- scan, whatever the size of the log (see src/platform/events/horizon.ts).
CREATE INDEX events_tx_order ON events (tenant_id, tx_id, seq);
