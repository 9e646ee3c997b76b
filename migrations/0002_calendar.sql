-- Working-time calendar per tenant: time zone, office windows and the listed days (official holidays and
-- make-up working days). Ordinary weekends are not listed. `version` increases with every change so that
-- every app process notices an amendment and rebuilds its in-memory index.
CREATE TABLE calendar_settings (
  tenant_id integer PRIMARY KEY REFERENCES tenants (id),
  time_zone text NOT NULL,
  -- [{ "start": "08:00", "end": "12:00" }, …], local wall-clock time, half-open
  office_windows jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE calendar_days (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  date date NOT NULL,
  is_off_day boolean NOT NULL,
  name text NOT NULL,
  -- the State Council notice, or the reference given with an amendment
  source text,
  PRIMARY KEY (tenant_id, date)
);
