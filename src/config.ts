/**
 * Environment → validated, typed configuration. Every problem is collected so an operator sees all of them
 * at once; nothing here reads NODE_ENV, because behaviour switches are explicit variables.
 */
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  port: number;
  host: string;
  /** When set, a PostgreSQL server is used; otherwise embedded PGlite under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  logLevel: LogLevel;
  /** HMAC key for session and API token digests; generated and kept under dataDir when not given. */
  sessionSecret: string | null;
  sessionTtlHours: number;
  /** Whether the session cookie carries the Secure flag (behind HTTPS). */
  cookieSecure: boolean;
  trustProxy: boolean;
  adminPassword: string | null;
  /** Seed the Shangcheng demo tenant when the database is empty (npm start). */
  demo: boolean;
  timeZone: string;
  bodyLimitBytes: number;
  /** How often each process sweeps due warnings, hold ends and webhooks (SCHEDULER_INTERVAL_MS). */
  schedulerIntervalMs: number;
  /** The Ed25519 key that signs audit checkpoints (PEM); generated under dataDir/secrets when not given. */
  auditKeyFile: string | null;
  /** How often a checkpoint of the tamper-evident record is signed (AUDIT_CHECKPOINT_INTERVAL_MS). */
  auditCheckpointIntervalMs: number;
  /**
   * An optional online base map for the web app's maps (MAP_TILES_URL, an XYZ raster template with {z}/{x}/{y})
   * and the coordinate system its tiles are drawn in (MAP_TILES_CRS: gcj02 for AMap/Tencent, wgs84 for
   * OpenStreetMap/Tianditu); without it the maps draw only the district's own layers (offline).
   */
  mapTiles: { url: string; crs: 'wgs84' | 'gcj02'; attribution: string } | null;
  /** Demo traffic on `start`: days of history seeded into an empty demo tenant, then live reports a day. */
  simulation: { enabled: boolean; days: number; perDay: number; livePerDay: number };
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super('invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: ConfigProblem[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optionalString(name: string, check?: (v: string) => string | null): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    const problem = check?.(value) ?? null;
    if (problem) {
      this.problems.push({ variable: name, message: problem });
      return null;
    }
    return value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problems.push({
        variable: name,
        message: `must be a whole number from ${min} to ${max}, got "${value}"`,
      });
      return fallback;
    }
    return Number(value);
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    this.problems.push({ variable: name, message: `must be true or false, got "${value}"` });
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push({ variable: name, message: `must be one of ${allowed.join(', ')}, got "${value}"` });
      return fallback;
    }
    return value as T;
  }
}

function mapTiles(r: Reader): Config['mapTiles'] {
  const url = r.optionalString('MAP_TILES_URL', (v) =>
    /^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/.test(v)
      ? null
      : 'must be an http(s) URL template with {z}, {x} and {y}',
  );
  const crs = r.oneOf('MAP_TILES_CRS', ['wgs84', 'gcj02'] as const, 'gcj02');
  const attribution = r.string('MAP_TILES_ATTRIBUTION', '');
  return url ? { url, crs, attribution } : null;
}

function checkDatabaseUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:'
      ? null
      : 'must be a postgres:// or postgresql:// URL';
  } catch {
    return 'must be a valid postgres:// URL';
  }
}

function checkTimeZone(value: string): string | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return null;
  } catch {
    return `unknown IANA time zone "${value}"`;
  }
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const r = new Reader(env);
  const config: Config = {
    port: r.integer('PORT', 3000, 0, 65535),
    host: r.string('HOST', '127.0.0.1'),
    databaseUrl: r.optionalString('DATABASE_URL', checkDatabaseUrl),
    dataDir: path.resolve(cwd, r.string('DATA_DIR', './data')),
    logLevel: r.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    sessionSecret: r.optionalString('SESSION_SECRET', (v) =>
      v.length >= 32 ? null : 'must be at least 32 characters long',
    ),
    sessionTtlHours: r.integer('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    cookieSecure: r.boolean('COOKIE_SECURE', false),
    trustProxy: r.boolean('TRUST_PROXY', false),
    adminPassword: r.optionalString('CHENGZHI_ADMIN_PASSWORD', (v) => {
      if (v.length < 12) return 'must be at least 12 characters long';
      return v.toLowerCase().includes('admin') ? 'must not contain the username "admin"' : null;
    }),
    demo: r.boolean('CHENGZHI_DEMO', true),
    // The district's zone for deadlines and office hours, independent of the server's TZ (often UTC).
    timeZone: r.optionalString('CHENGZHI_TIME_ZONE', checkTimeZone) ?? 'Asia/Shanghai',
    bodyLimitBytes: r.integer('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 512 * 1024 * 1024),
    schedulerIntervalMs: r.integer('SCHEDULER_INTERVAL_MS', 5_000, 200, 3_600_000),
    auditKeyFile: r.optionalString('CHENGZHI_AUDIT_KEY_FILE', () => null),
    auditCheckpointIntervalMs: r.integer('AUDIT_CHECKPOINT_INTERVAL_MS', 60_000, 1_000, 86_400_000),
    mapTiles: mapTiles(r),
    simulation: {
      enabled: r.boolean('CHENGZHI_SIMULATE', true),
      days: r.integer('CHENGZHI_SIM_DAYS', 30, 0, 3650),
      // ≈600 a day is a real district's load; embedded PGlite replays about 100 steps/s, so it seeds a lighter one.
      perDay: r.integer('CHENGZHI_SIM_PER_DAY', env.DATABASE_URL ? 600 : 150, 1, 1_000_000),
      livePerDay: r.integer('CHENGZHI_SIM_LIVE_PER_DAY', 150, 0, 1_000_000),
    },
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
