import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Keyed digests of session and token secrets: the database stores digests only. */
export interface Secrets {
  digest(value: string): string;
}

/** How many recent secrets keep their digest (cleared, not evicted one by one, when full). */
export const RECENT_DIGESTS = 1024;

/**
 * Every request of a session presents the same cookie, and a keyed digest costs about 5 µs (an HMAC object,
 * its key schedule and two hashes), so the digests of recent secrets are kept. That keeps nothing the process
 * does not hold on each request anyway, and it decides nothing: whether a session is live is still read
 * from the database every time.
 */
export function createSecrets(key: string): Secrets {
  const recent = new Map<string, string>();
  return {
    digest(value) {
      const known = recent.get(value);
      if (known !== undefined) return known;
      const digest = createHmac('sha256', key).update(value).digest('base64url');
      if (recent.size >= RECENT_DIGESTS) recent.clear();
      recent.set(value, digest);
      return digest;
    },
  };
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Without SESSION_SECRET a key is generated once and kept under DATA_DIR, so sessions survive restarts on a
 * single machine. Deployments with several app servers must set SESSION_SECRET.
 */
export function loadOrCreateSessionKey(configured: string | null, dataDir: string): string {
  if (configured) return configured;
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomToken(48);
  writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
