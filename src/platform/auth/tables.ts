import type { Generated } from 'kysely';

// A type alias, not an interface: Kysely's withTables needs an implicitly indexable type.
export type AuthTables = {
  tenants: {
    id: number;
    code: string;
    name: string;
    time_zone: Generated<string>;
    created_at: Generated<Date>;
  };
  accounts: {
    tenant_id: number;
    id: Generated<number>;
    username: string;
    display_name: string;
    password_hash: string | null;
    roles: string[];
    status: Generated<'active' | 'disabled'>;
    must_change_password: Generated<boolean>;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  sessions: {
    tenant_id: number;
    id: string;
    account_id: number;
    csrf_token: string;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  };
  api_tokens: {
    tenant_id: number;
    id: Generated<number>;
    account_id: number;
    name: string;
    token_digest: string;
    created_at: Generated<Date>;
    expires_at: Date | null;
    revoked_at: Date | null;
    last_used_at: Date | null;
  };
  login_throttle: {
    tenant_id: number;
    key: string;
    failures: number;
    window_started_at: Date;
    locked_until: Date | null;
  };
};
