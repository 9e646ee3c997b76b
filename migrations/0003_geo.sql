-- Regions (district → street → community → unit grid) and components (部件). Geometry is GeoJSON in WGS-84
-- (the canonical system; see docs/geo.md); PostGIS is never required. The bounding-box columns serve map
-- queries without a spatial index; point-in-polygon runs in memory.
CREATE TABLE regions (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  code text NOT NULL,
  level text NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
  parent_code text,
  name text NOT NULL,
  geometry jsonb NOT NULL,
  min_lng double precision NOT NULL,
  min_lat double precision NOT NULL,
  max_lng double precision NOT NULL,
  max_lat double precision NOT NULL,
  area_m2 double precision NOT NULL,
  -- generated demo geometry, shown as such everywhere
  synthetic boolean NOT NULL DEFAULT false,
  source text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, code),
  CHECK (
    (level = 'district' AND code ~ '^\d{6}$') OR
    (level = 'street' AND code ~ '^\d{9}$') OR
    (level = 'community' AND code ~ '^\d{12}$') OR
    (level = 'grid' AND code ~ '^\d{15}$')
  )
);
CREATE INDEX regions_level_parent ON regions (tenant_id, level, parent_code);
CREATE INDEX regions_level_bbox ON regions (tenant_id, level, min_lng, max_lng);

CREATE TABLE components (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  -- 6 district + 2 major + 2 minor + 6 serial
  id text NOT NULL CHECK (id ~ '^\d{16}$'),
  major_code text NOT NULL CHECK (major_code ~ '^\d{2}$'),
  minor_code text NOT NULL CHECK (minor_code ~ '^\d{2}$'),
  name text NOT NULL,
  lng double precision NOT NULL,
  lat double precision NOT NULL,
  grid_code text,
  owner_unit text,
  maintainer_unit text,
  status text NOT NULL DEFAULT 'in_service',
  synthetic boolean NOT NULL DEFAULT false,
  source text,
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX components_grid ON components (tenant_id, grid_code);
CREATE INDEX components_lng ON components (tenant_id, lng);

-- Bumped by every import so that each app process rebuilds its in-memory indexes.
CREATE TABLE geo_versions (
  tenant_id integer PRIMARY KEY REFERENCES tenants (id),
  regions_version integer NOT NULL DEFAULT 0,
  components_version integer NOT NULL DEFAULT 0
);
