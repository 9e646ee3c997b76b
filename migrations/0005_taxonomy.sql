-- The 部件/事件 taxonomy with its 立结案标准, versioned per tenant. A version is a small document (a few
-- hundred rows) stored whole and never changed; cases keep (taxonomy_version, standard_id) so they stay
-- tied to the standard they were filed under. `taxonomy_current` says which version new cases use.
CREATE TABLE taxonomy_versions (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  version integer NOT NULL CHECK (version > 0),
  effective_from date,
  note text NOT NULL,
  -- { majors, minors, standards } as in src/modules/taxonomy/domain/types.ts
  content jsonb NOT NULL,
  standard_count integer NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by bigint,
  PRIMARY KEY (tenant_id, version)
);

CREATE TABLE taxonomy_current (
  tenant_id integer PRIMARY KEY REFERENCES tenants (id),
  version integer NOT NULL,
  -- the tenant's order of major categories per kind (cities order the event classes differently)
  category_order jsonb NOT NULL DEFAULT '{"component": [], "event": []}'::jsonb,
  revision integer NOT NULL DEFAULT 1,
  FOREIGN KEY (tenant_id, version) REFERENCES taxonomy_versions (tenant_id, version)
);
