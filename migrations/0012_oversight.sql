-- Power and responsibility lists (权力清单 / 责任清单), versioned per tenant. A published version is a small
-- document (tens of items) stored whole and never changed: it becomes the list in force on its
-- `effective_from` date (tenant-local) and stays readable afterwards, so a case can always show the item
-- version it exercised and the public can compare any two versions (动态调整). Edits happen in the tenant's
-- one open draft, which publishing turns into the next version.
CREATE TABLE power_list_versions (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  version integer NOT NULL CHECK (version > 0),
  effective_from date NOT NULL,
  -- why the list changed (调整说明), shown in the public change history
  note text NOT NULL,
  -- { items: PowerItem[], caseLoopItemCode: string | null } as in src/modules/oversight/domain/types.ts
  content jsonb NOT NULL,
  item_count integer NOT NULL,
  published_at timestamptz NOT NULL,
  published_by bigint,
  PRIMARY KEY (tenant_id, version)
);

CREATE FUNCTION power_list_versions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published power-list versions are never changed (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER power_list_versions_immutable BEFORE UPDATE OR DELETE ON power_list_versions
  FOR EACH ROW EXECUTE FUNCTION power_list_versions_are_immutable();

-- The next version being prepared: at most one per tenant. `revision` guards concurrent editors.
CREATE TABLE power_list_drafts (
  tenant_id integer PRIMARY KEY REFERENCES tenants (id),
  -- the published version the draft started from (null for a tenant's first list)
  base_version integer,
  note text NOT NULL,
  content jsonb NOT NULL,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  created_by bigint,
  updated_at timestamptz NOT NULL,
  updated_by bigint
);
