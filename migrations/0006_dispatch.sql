-- Responsibility (dispatch) rules: (category [, standard] [, area] [, component owner]) → handling unit, with
-- priority. match and target are JSON as in src/modules/dispatch/domain/types.ts; the engine compiles them
-- into an index in memory. dispatch_settings holds the 属地兜底 unit and a revision bumped on every change.
CREATE TABLE dispatch_rules (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  id text NOT NULL CHECK (id ~ '^[A-Za-z0-9._:-]{1,80}$'),
  name text NOT NULL,
  priority integer NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  match jsonb NOT NULL,
  target jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE dispatch_settings (
  tenant_id integer PRIMARY KEY REFERENCES tenants (id),
  fallback_unit_code text NOT NULL,
  territory_level text NOT NULL DEFAULT 'street' CHECK (territory_level IN ('street', 'community')),
  revision integer NOT NULL DEFAULT 1
);
