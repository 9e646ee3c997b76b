-- 综合评价 (issue 6): rollups kept by the `evaluation.rollups` projection from the case events, what the
-- projection remembers per case, finished stage durations (for medians), scoring schemes versioned per tenant
-- and year, and frozen period snapshots (bulletins). See docs/evaluation.md.

-- One row per (local day, evaluation object, counter): additive, so a period is a sum over its days.
CREATE TABLE evaluation_rollups (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  dim text NOT NULL,
  day date NOT NULL,
  code text NOT NULL,
  metric text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (tenant_id, dim, day, code, metric)
);
-- 超期未处置 is a level: the running sum of its +1 / −1 rows from the first day; those rows are few.
CREATE INDEX evaluation_rollups_overdue ON evaluation_rollups (tenant_id, dim, day) WHERE metric = 'overdueOpen';

-- What the fold needs to know about a case between its events (domain/credit.ts CaseFacts).
CREATE TABLE evaluation_case_facts (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  case_id text NOT NULL,
  facts jsonb NOT NULL,
  PRIMARY KEY (tenant_id, case_id)
);

-- Finished stage durations, one row per (event, stage): medians per object and period.
CREATE TABLE evaluation_durations (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  seq bigint NOT NULL,
  stage text NOT NULL,
  day date NOT NULL,
  unit_code text,
  grid_code text,
  seconds bigint NOT NULL,
  PRIMARY KEY (tenant_id, seq, stage)
);
CREATE INDEX evaluation_durations_day ON evaluation_durations (tenant_id, stage, day);

-- Scoring schemes as data; a new version never changes an older one.
CREATE TABLE evaluation_schemes (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  code text NOT NULL,
  year integer NOT NULL,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, code, year, version)
);

-- Period results: `prepared` by the monthly job (recomputed on demand), `published` frozen for good.
CREATE TABLE evaluation_snapshots (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  period text NOT NULL,
  scheme_code text NOT NULL,
  scheme_year integer NOT NULL,
  scheme_version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('prepared', 'published')),
  result jsonb NOT NULL,
  prepared_at timestamptz NOT NULL,
  published_at timestamptz,
  PRIMARY KEY (tenant_id, period, scheme_code)
);
