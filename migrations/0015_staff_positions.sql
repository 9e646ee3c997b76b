-- Where field staff last were (监督员 GPS), reported by the inspector app while it is open and shown on the
-- command-center map. Only the latest fix per account is kept: it is telemetry, not a record of a decision,
-- so it is neither an event nor part of the tamper-evident chain (docs/org.md).
CREATE TABLE staff_positions (
  tenant_id integer NOT NULL,
  account_id integer NOT NULL,
  lng double precision NOT NULL,
  lat double precision NOT NULL,
  accuracy_m real,
  reported_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, account_id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES staff (tenant_id, account_id) ON DELETE CASCADE
);
CREATE INDEX staff_positions_recent ON staff_positions (tenant_id, reported_at);
