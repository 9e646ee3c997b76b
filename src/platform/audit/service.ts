/**
 * The audit service: checkpoints on an interval (every process may run one; they take turns by the
 * checkpoint's primary key), on-demand checkpoints, verification and record proofs.
 */
import os from 'node:os';
import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import { createCheckpoint, listCheckpoints, listRecentCheckpoints, type Checkpoint } from './checkpoints.js';
import { buildRecordProof, type RecordProof } from './proof.js';
import { keyIdOf, type AuditSigner } from './signer.js';
import { verifyAudit, type VerifyReport } from './verify.js';

export interface AuditService {
  signer: AuditSigner;
  /** Trusted public keys by key id: the signer's own, plus any the operator listed (rotated keys). */
  trustedKeys: ReadonlyMap<string, Buffer>;
  checkpoint(tenantId: number): Promise<Checkpoint | null>;
  checkpoints(tenantId: number, after?: number, limit?: number): Promise<Checkpoint[]>;
  /** Newest first, below checkpoint number `before`. */
  recentCheckpoints(tenantId: number, before: number | null, limit: number): Promise<Checkpoint[]>;
  verify(tenantId: number, onProgress?: (events: number) => void): Promise<VerifyReport>;
  proof(tenantId: number, streamType: string, streamId: string): Promise<RecordProof | null>;
  start(intervalMs: number, onError: (error: unknown) => void): void;
  stop(): Promise<void>;
}

/**
 * Verification is CPU-bound on both sides of the connection, and a share's worker thread is busier than its
 * database backend: one share per core (at most 8). Measured on two cores over 10,000,000 events
 * (docs/benchmarks.md): two shares 35–37 s, one share 41–45 s.
 */
const verifyWorkers = (): number => Math.max(1, Math.min(os.availableParallelism(), 8));

const isDuplicate = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

export function createAuditService(deps: {
  db: Database;
  clock: Clock;
  signer: AuditSigner;
  extraTrustedKeys?: readonly Buffer[];
}): AuditService {
  const trustedKeys = new Map<string, Buffer>([[deps.signer.keyId, deps.signer.publicKey]]);
  for (const key of deps.extraTrustedKeys ?? []) {
    trustedKeys.set(keyIdOf(key), key);
  }
  let loop: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  async function checkpoint(tenantId: number): Promise<Checkpoint | null> {
    try {
      return await createCheckpoint(deps.db, tenantId, deps.signer, deps.clock.now());
    } catch (error) {
      // Another process signed the same number first; its checkpoint covers what this one would have.
      if (isDuplicate(error)) return null;
      throw error;
    }
  }

  async function checkpointAll(): Promise<void> {
    const tenants = await sql<{ id: number }>`SELECT id FROM tenants ORDER BY id`.execute(deps.db.sql);
    for (const { id } of tenants.rows) await checkpoint(id);
  }

  return {
    signer: deps.signer,
    trustedKeys,
    checkpoint,
    checkpoints: (tenantId, after, limit) => listCheckpoints(deps.db.sql, tenantId, after, limit),
    recentCheckpoints: (tenantId, before, limit) =>
      listRecentCheckpoints(deps.db.sql, tenantId, before, limit),
    verify: (tenantId, onProgress) =>
      verifyAudit(deps.db.sql, tenantId, {
        trustedKeys,
        ...(onProgress ? { onProgress } : {}),
        ...(deps.db.url ? { parallel: { url: deps.db.url, workers: verifyWorkers() } } : {}),
      }),
    proof: (tenantId, streamType, streamId) => buildRecordProof(deps.db.sql, tenantId, streamType, streamId),
    start(intervalMs, onError) {
      if (loop) return;
      loop = setInterval(() => {
        if (running) return;
        running = checkpointAll()
          .catch(onError)
          .finally(() => {
            running = null;
          });
      }, intervalMs);
      loop.unref();
    },
    async stop() {
      if (loop) clearInterval(loop);
      loop = null;
      await running;
    },
  };
}
