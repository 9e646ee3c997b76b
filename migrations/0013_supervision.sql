-- Electronic supervision (电子监察): rule configuration, cards raised by the rule engine, their notifications,
-- accountability (问责) records and the grading scheme. See docs/supervision.md.

-- Overrides of the shipped rule defaults, per rule and optionally per power-list item ('' = every item).
CREATE TABLE supervision_rule_configs (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  rule_id text NOT NULL,
  power_item_code text NOT NULL DEFAULT '',
  enabled boolean NOT NULL,
  severity text NOT NULL CHECK (severity IN ('prompt', 'yellow', 'red')),
  respond_working_days integer NOT NULL CHECK (respond_working_days BETWEEN 1 AND 60),
  params jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, rule_id, power_item_code)
);

-- Cards. One per (rule, target, trigger event): the unique key makes a repeated evaluation a no-op.
CREATE TABLE supervision_cards (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  rule_id text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('prompt', 'yellow', 'red')),
  initial_severity text NOT NULL CHECK (initial_severity IN ('prompt', 'yellow', 'red')),
  target_kind text NOT NULL CHECK (target_kind IN ('case', 'step', 'officer', 'unit')),
  target_id text NOT NULL,
  power_item_code text,
  -- the record the card is about, for data-scope filtering and attribution
  case_id text,
  case_no text,
  unit_code text,
  grid_code text,
  officer_account_id bigint,
  trigger_seq bigint NOT NULL,
  trigger_name text NOT NULL,
  summary text NOT NULL,
  facts jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'responded', 'closed')),
  fired_at timestamptz NOT NULL,
  due_by timestamptz NOT NULL,
  escalated_at timestamptz,
  response jsonb,
  responded_at timestamptz,
  review jsonb,
  closed_at timestamptz,
  outcome text CHECK (outcome IN ('corrected', 'dismissed')),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, rule_id, target_kind, target_id, trigger_seq)
);
CREATE INDEX supervision_cards_fired ON supervision_cards (tenant_id, fired_at DESC, id);
CREATE INDEX supervision_cards_due ON supervision_cards (tenant_id, due_by) WHERE status = 'open';
CREATE INDEX supervision_cards_case ON supervision_cards (tenant_id, case_id);
CREATE INDEX supervision_cards_officer ON supervision_cards (tenant_id, rule_id, officer_account_id, fired_at);

-- To whom a card was sent (delivery by SMS / inbox is a later concern; the record is kept here).
CREATE TABLE supervision_notifications (
  tenant_id integer NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  card_id uuid NOT NULL,
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('officer', 'unitHead')),
  account_id bigint,
  unit_code text,
  reason text NOT NULL CHECK (reason IN ('raised', 'escalated')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, card_id) REFERENCES supervision_cards (tenant_id, id)
);
CREATE INDEX supervision_notifications_card ON supervision_notifications (tenant_id, card_id);

-- Actions remembered per account for rules that count an account's actions in a window (bursts of voids).
CREATE TABLE supervision_actor_actions (
  tenant_id integer NOT NULL,
  account_id bigint NOT NULL,
  event_name text NOT NULL,
  seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, account_id, event_name, occurred_at, seq)
);

-- Watches of time rules (e.g. the prompt one working day before a deadline): set, moved or cancelled by
-- events through the projection, fired once by the tick when due_at has come.
CREATE TABLE supervision_watches (
  tenant_id integer NOT NULL,
  rule_id text NOT NULL,
  watch_key text NOT NULL,
  due_at timestamptz NOT NULL,
  -- the event that set it; the card it raises has this trigger
  seq bigint NOT NULL,
  event_name text NOT NULL,
  power_item_code text,
  facts jsonb NOT NULL,
  fired_at timestamptz,
  PRIMARY KEY (tenant_id, rule_id, watch_key)
);
CREATE INDEX supervision_watches_due ON supervision_watches (tenant_id, due_at) WHERE fired_at IS NULL;

-- Accountability (问责) records, linked to one or more cards.
CREATE TABLE supervision_accountability (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL,
  subject_kind text NOT NULL CHECK (subject_kind IN ('officer', 'unit')),
  subject_account_id bigint,
  subject_unit_code text,
  outcome text NOT NULL,
  basis text NOT NULL,
  note text,
  card_ids uuid[] NOT NULL,
  decided_by bigint,
  decided_at timestamptz NOT NULL,
  withdrawn_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  CHECK ((subject_kind = 'officer' AND subject_account_id IS NOT NULL)
      OR (subject_kind = 'unit' AND subject_unit_code IS NOT NULL))
);

-- The tenant's grading scheme (weights and thresholds) as overrides of the shipped default.
CREATE TABLE supervision_settings (
  tenant_id integer PRIMARY KEY REFERENCES tenants (id),
  grading jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
