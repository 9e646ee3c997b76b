-- The case loop (数字城管). One row per report/case with its current state; the full history is the case's
-- event stream in `events` (stream_type 'case', stream_id = cases.id). `state` is the lifecycle record of
-- src/modules/cases/domain/states.ts; the columns beside it are what lists filter and sort on.
CREATE TABLE cases (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  case_no text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  stage text NOT NULL,
  channel text NOT NULL,
  state jsonb NOT NULL,
  category_type text CHECK (category_type IN ('component', 'event')),
  major_code text,
  minor_code text,
  standard_id text,
  taxonomy_version integer,
  -- The 处置时限 of the standard row at filing (kept with the case: a later table version does not change it).
  handle_limit jsonb,
  unit_code text,
  lng double precision NOT NULL,
  lat double precision NOT NULL,
  grid_code text,
  community_code text,
  street_code text,
  component_id text,
  address text,
  description text NOT NULL,
  photos text[] NOT NULL DEFAULT '{}',
  -- Personal data: reporter / caller name and phone. Masked for roles without need, never public.
  reporter jsonb,
  -- Channel facts: 12345 ticket, 110 incident, camera device and fold count, leader instruction, media outlet.
  source jsonb NOT NULL DEFAULT '{}'::jsonb,
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'urgent')),
  -- 领导交办 / 媒体曝光 / 110 after hours …: weighed more heavily in evaluation.
  flags text[] NOT NULL DEFAULT '{}',
  supporters integer NOT NULL DEFAULT 0,
  -- Public tracking: HMAC of the verification code handed to the reporter.
  tracking_digest text,
  satisfaction text CHECK (satisfaction IN ('satisfied', 'basically', 'dissatisfied')),
  rated_at timestamptz,
  reported_at timestamptz NOT NULL,
  filed_at timestamptz,
  closed_at timestamptz,
  -- Deadline of the clock that matters most now (处置 while dispatched/handling, else the stage clock).
  deadline timestamptz,
  warning text CHECK (warning IN ('prompt', 'yellow', 'red')),
  reported_by bigint,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, case_no)
);
CREATE INDEX cases_stage_deadline ON cases (tenant_id, stage, deadline);
CREATE INDEX cases_unit_stage ON cases (tenant_id, unit_code, stage);
CREATE INDEX cases_street_stage ON cases (tenant_id, street_code, stage);
CREATE INDEX cases_reported_at ON cases (tenant_id, reported_at);
-- "Me too": open cases near a point (bounding box on lat, then lng and exact distance).
CREATE INDEX cases_open_near ON cases (tenant_id, lat)
  WHERE stage NOT IN ('closed', 'voided', 'merged');
-- One case per 12345 ticket, even when the hotline sends a ticket twice at once.
CREATE UNIQUE INDEX cases_hotline_ticket ON cases (tenant_id, (source ->> 'ticketId')) WHERE channel = 'hotline';

-- Case numbers: tenant code + local date + a per-day sequence.
CREATE TABLE case_numbers (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (tenant_id, day)
);

-- The running clocks of each case (核实, 立案, 派遣, 签收, 处置, 核查, and the end of a 挂账). The sweeper reads
-- only rows whose fire_at has come (partial index), so its cost follows what is due, not what is open.
CREATE TABLE case_timers (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('verify', 'file', 'dispatch', 'accept', 'handle', 'check', 'hold')),
  stage text NOT NULL,
  started_at timestamptz NOT NULL,
  limit_amount double precision NOT NULL,
  limit_unit text NOT NULL,
  multiplier integer NOT NULL DEFAULT 1,
  pauses jsonb NOT NULL DEFAULT '[]'::jsonb,
  paused_at timestamptz,
  deadline timestamptz NOT NULL,
  prompt_at timestamptz,
  yellow_at timestamptz,
  fired text CHECK (fired IN ('prompt', 'yellow', 'red')),
  generation integer NOT NULL DEFAULT 1,
  fire_at timestamptz,
  calendar_version integer NOT NULL,
  PRIMARY KEY (tenant_id, case_id, kind),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
);
CREATE INDEX case_timers_due ON case_timers (fire_at) WHERE fire_at IS NOT NULL;

-- Idempotency-Key: the first answer to a creating request, returned again to a retry with the same key.
CREATE TABLE idempotency_keys (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  -- Whose key: 'a:<account id>' for signed-in callers, 'p:<key>' for anonymous ones.
  owner text NOT NULL,
  key text NOT NULL,
  request_digest text NOT NULL,
  status integer NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, owner, key)
);

-- Camera events of one device + label + grid fold into one open report while they keep coming.
CREATE TABLE camera_folds (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  fold_key text NOT NULL,
  case_id uuid NOT NULL,
  window_until timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, fold_key)
);

-- Per-tenant settings of the loop (stage limits, warning shares, channels verified first …); defaults in code.
CREATE TABLE case_settings (
  tenant_id integer PRIMARY KEY REFERENCES tenants (id),
  content jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL
);

-- Deliveries owed to outside systems (12345 status flow-back), written in the same transaction as the change
-- and sent by a worker with retries, so no status change is lost when the hotline is down.
CREATE TABLE outbox (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  topic text NOT NULL,
  target text NOT NULL,
  payload jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  delivered_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
