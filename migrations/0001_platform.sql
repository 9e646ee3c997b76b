-- Platform foundations: tenants, staff accounts, sessions, API tokens, login throttling, the event log.
-- Every table that grows with use carries tenant_id first in its primary key, so the schema can later be
-- distributed by tenant (Citus); foreign keys between such tables include tenant_id for the same reason.

CREATE TABLE tenants (
  id integer PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  username text NOT NULL CHECK (username ~ '^[A-Za-z0-9._@-]{2,64}$'),
  display_name text NOT NULL,
  -- argon2id PHC string; null for accounts that only authenticate with API tokens
  password_hash text,
  roles text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  must_change_password boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX accounts_username_key ON accounts (tenant_id, lower(username));

CREATE TABLE sessions (
  tenant_id integer NOT NULL,
  -- HMAC-SHA256 of the secret cookie value: a stolen database does not yield usable sessions
  id text NOT NULL,
  account_id bigint NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_account ON sessions (tenant_id, account_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  tenant_id integer NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  account_id bigint NOT NULL,
  name text NOT NULL,
  -- HMAC-SHA256 of the secret part; the token itself is shown once at creation
  token_digest text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX api_tokens_digest_key ON api_tokens (tenant_id, token_digest);

CREATE TABLE login_throttle (
  tenant_id integer NOT NULL,
  -- 'user:<lower-case username>' or 'ip:<address>'
  key text NOT NULL,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz,
  PRIMARY KEY (tenant_id, key)
);

-- The append-only log of everything that happened. Every command writes its events here in the same
-- transaction as its change. stream_version orders the events of one record (the hash chain builds on it);
-- tx_id lets readers wait until every earlier transaction has committed before they pass a position.
CREATE TABLE events (
  tenant_id integer NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_type text NOT NULL,
  stream_id text NOT NULL,
  stream_version integer NOT NULL CHECK (stream_version > 0),
  name text NOT NULL CHECK (name ~ '^[a-z0-9]+(\.[a-zA-Z0-9]+){2,}$'),
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'token', 'system', 'public')),
  actor_id bigint,
  actor_role text,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  request_id text,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (tenant_id, seq),
  UNIQUE (tenant_id, stream_type, stream_id, stream_version)
);
CREATE INDEX events_name_time ON events (tenant_id, name, occurred_at);

CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only();

-- Which seeders have filled which tenant, so `npm start` seeds each part of the demo once and an upgraded
-- database receives the parts that did not exist when it was first seeded.
CREATE TABLE seeds (
  tenant_id integer NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  seeded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, name)
);
