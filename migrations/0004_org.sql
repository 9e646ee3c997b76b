-- Organisation: units (bureaus, departments, street offices, communities, contractors), the staff who belong
-- to them with their data scope, inspectors' responsibility grids (beats) and duty rosters.
CREATE TABLE units (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{2,40}$'),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('bureau', 'department', 'street_office', 'community', 'contractor', 'social_org')),
  parent_code text,
  -- the territory the unit answers for (region codes), for street offices and communities above all
  region_codes text[] NOT NULL DEFAULT '{}',
  contact_phone text,
  duty_phone text,
  address text,
  -- 政府购买服务: contractors and social organisations handle cases under a contract
  contract_ref text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, code),
  FOREIGN KEY (tenant_id, parent_code) REFERENCES units (tenant_id, code)
);
CREATE INDEX units_parent ON units (tenant_id, parent_code);

CREATE TABLE staff (
  tenant_id integer NOT NULL,
  account_id bigint NOT NULL,
  unit_code text NOT NULL,
  phone text,
  -- data scope: the whole tenant, or cases in these regions and/or of these units
  scope_all boolean NOT NULL DEFAULT false,
  scope_region_codes text[] NOT NULL DEFAULT '{}',
  scope_unit_codes text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, account_id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_code) REFERENCES units (tenant_id, code)
);
CREATE INDEX staff_unit ON staff (tenant_id, unit_code);

-- 责任网格: a set of unit grids bound to one inspector.
CREATE TABLE beats (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{2,40}$'),
  name text NOT NULL,
  inspector_account_id bigint,
  grid_codes text[] NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, code),
  FOREIGN KEY (tenant_id, inspector_account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX beats_inspector ON beats (tenant_id, inspector_account_id);
CREATE INDEX beats_grids ON beats USING gin (grid_codes);

-- Who is on duty for a unit when (after-hours 110 linkage goes to them).
CREATE TABLE duty_shifts (
  tenant_id integer NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  unit_code text NOT NULL,
  account_id bigint NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  note text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_code) REFERENCES units (tenant_id, code),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX duty_shifts_unit_time ON duty_shifts (tenant_id, unit_code, starts_at, ends_at);
