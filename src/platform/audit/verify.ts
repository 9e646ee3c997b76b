/**
 * `audit verify`: re-derives everything and names what does not hold.
 *
 * 1. Every event: its hash is recomputed from its stored content and predecessor (an edited event fails),
 *    its prev_hash must be the previous version's hash and versions must run 1, 2, 3 … (a deleted, inserted
 *    or reordered event breaks the link or the numbering).
 * 2. Every checkpoint: its hash is recomputed, it links to the one before, its signature verifies with a
 *    trusted public key, and the Merkle root over its stored heads equals the signed root.
 * 3. Every stored head names an event that still exists with that very hash — so a chain rewritten after a
 *    checkpoint (even with freshly computed hashes), or an event deleted from the end of a chain, is found.
 *    This is checked in step 1's pass over the events: the heads are loaded first (signed-heads.ts).
 *
 * What no check can see: events appended after the newest checkpoint are only as good as the database until
 * the next checkpoint signs them (one minute by default).
 */
import { sql } from 'kysely';
import type { Executor } from '../db/index.js';
import { chainHash } from './chain.js';
import { ChainChecker, compareProblems, packedRow, ProblemList, recordKey } from './chain-checker.js';
import type { ShareResult } from './copy-verifier.js';
import { verifyChainsInParallel } from './verify-workers.js';
import { STORED_CONTENT, storedDigest, storedHeader, type StoredContent } from './stored-event.js';
import { checkpointHash } from './checkpoint-record.js';
import { checkpointLeaves, listCheckpoints } from './checkpoints.js';
import { copyLeafSummaries, summarizeLeaves } from './leaf-summaries.js';
import { verifySignature } from './signer.js';

import type { AuditProblem } from './problems.js';

export type { AuditProblem, ProblemKind } from './problems.js';

export interface VerifyReport {
  tenantId: number;
  events: number;
  records: number;
  checkpoints: number;
  heads: number;
  problems: AuditProblem[];
  /** Problems beyond the listed ones (the list stops at `maxProblems`). */
  moreProblems: number;
  ms: number;
}

export interface VerifyOptions {
  /** Public keys (raw Ed25519) trusted to sign checkpoints, by key id; the stored copies are never trusted. */
  trustedKeys: ReadonlyMap<string, Buffer>;
  pageSize?: number;
  maxProblems?: number;
  onProgress?: (events: number) => void;
  /**
   * Read the chains with this many worker threads, each over its own connection to `url` (PostgreSQL only;
   * PGlite is one connection inside this process).
   */
  parallel?: { url: string; workers: number };
}

interface EventRow extends StoredContent {
  prev: string | null;
  hash: string | null;
}

export async function verifyAudit(
  ex: Executor,
  tenantId: number,
  options: VerifyOptions,
): Promise<VerifyReport> {
  const started = performance.now();
  const max = options.maxProblems ?? 1000;
  // Step 2 reports here; the chains' problems (steps 1 and 3) come first in the report.
  const rest = new ProblemList(max);
  const report = rest.report;

  // 1 and 3. The chains and their signed heads: in worker threads over binary COPY where the database allows
  // it — while this thread does step 2 over the ordinary connection — else page by page, first.
  const chainsRun = options.parallel
    ? verifyChainsInParallel({ ...options.parallel, tenantId, maxProblems: max }, options.onProgress)
    : verifyChainsByPage(ex, tenantId, options);
  // Awaited below; this only keeps a failure of step 2 from leaving it unhandled meanwhile.
  chainsRun.catch(() => undefined);
  if (!options.parallel) await chainsRun;

  // 2. The checkpoints, in order. Their leaves over one binary COPY where the database allows it.
  const summaries = options.parallel ? copyLeafSummaries(options.parallel.url, tenantId) : null;
  summaries?.catch(() => undefined);
  let checkpoints = 0;
  let heads = 0;
  let previousHash: Buffer | null = null;
  let after = 0;
  for (;;) {
    const batch = await listCheckpoints(ex, tenantId, after, 500);
    for (const c of batch) {
      checkpoints++;
      const at = { checkpoint: c.no };
      if (c.no !== after + 1) {
        report({
          kind: 'checkpoint-link',
          ...at,
          message: `checkpoints ${after + 1}…${c.no - 1} are missing`,
        });
      }
      if (!checkpointHash(c).equals(c.hash)) {
        report({
          kind: 'checkpoint-hash',
          ...at,
          message: `checkpoint ${c.no}: its content does not match its hash`,
        });
      }
      const linked = previousHash === null ? c.prevHash === null : c.prevHash?.equals(previousHash) === true;
      if (!linked) {
        report({
          kind: 'checkpoint-link',
          ...at,
          message: `checkpoint ${c.no} does not link to checkpoint ${c.no - 1}`,
        });
      }
      const key = options.trustedKeys.get(c.keyId);
      if (!key) {
        report({
          kind: 'checkpoint-untrusted-key',
          ...at,
          message: `checkpoint ${c.no} is signed by unknown key ${c.keyId}`,
        });
      } else if (!verifySignature(key, c.hash, c.signature)) {
        report({
          kind: 'checkpoint-signature',
          ...at,
          message: `checkpoint ${c.no}: the signature does not verify`,
        });
      }
      const leaves = summaries
        ? ((await summaries).get(c.no) ?? summarizeLeaves([]))
        : summarizeLeaves(await checkpointLeaves(ex, tenantId, c.no));
      heads += leaves.count;
      if (!leaves.sorted || leaves.count !== c.leafCount || !leaves.root.equals(c.root)) {
        report({
          kind: 'checkpoint-root',
          ...at,
          message: `checkpoint ${c.no}: its stored heads do not give its signed root`,
        });
      }
      previousHash = c.hash;
      after = c.no;
    }
    if (batch.length < 500) break;
  }

  const chains = await chainsRun;
  const list = new ProblemList(max);
  chains.problems.forEach(list.report);
  rest.problems.forEach(list.report);
  list.more += chains.moreProblems + rest.more;
  return {
    tenantId,
    events: chains.events,
    records: chains.records,
    checkpoints,
    heads,
    problems: list.problems,
    moreProblems: list.more,
    ms: Math.round(performance.now() - started),
  };
}

/** The chains read in (record, version) order, one keyset page at a time, over the ordinary connection. */
async function verifyChainsByPage(
  ex: Executor,
  tenantId: number,
  options: VerifyOptions,
): Promise<ShareResult> {
  const pageSize = options.pageSize ?? 20_000;
  const list = new ProblemList(options.maxProblems ?? 1000);
  const checker = new ChainChecker(list.report);
  await loadSignedHeads(ex, tenantId, checker, pageSize);
  const fetchPage = async (after: { t: string; id: string; v: number } | null): Promise<EventRow[]> =>
    (
      await sql<EventRow>`
        SELECT ${STORED_CONTENT}, encode(prev_hash, 'hex') AS prev, encode(hash, 'hex') AS hash
        FROM events
        WHERE tenant_id = ${tenantId}
          ${after ? sql`AND (stream_type, stream_id, stream_version) > (${after.t}, ${after.id}, ${after.v})` : sql``}
        ORDER BY stream_type, stream_id, stream_version
        LIMIT ${pageSize}`.execute(ex)
    ).rows;
  // The database reads the next page while this process hashes the current one.
  let pending = fetchPage(null);
  for (;;) {
    const page = await pending;
    const tail = page.at(-1);
    const more = tail !== undefined && page.length === pageSize;
    if (more) pending = fetchPage({ t: tail.t, id: tail.id, v: tail.v });
    for (const e of page) {
      const prev = e.prev === null ? null : Buffer.from(e.prev, 'hex');
      const hash = e.hash === null ? null : Buffer.from(e.hash, 'hex');
      const computed = hash === null ? null : chainHash(prev, storedDigest(e), storedHeader(tenantId, e));
      checker.add(
        packedRow({ streamType: e.t, streamId: e.id }, prev, hash),
        e.v,
        computed !== null && hash !== null && computed.equals(hash),
      );
    }
    options.onProgress?.(checker.events);
    if (!more) break;
  }
  checker.finish();
  return {
    events: checker.events,
    records: checker.records,
    problems: list.problems.sort(compareProblems),
    moreProblems: list.more,
  };
}

/** What the checkpoints signed, handed to the checker before the events, one keyset page at a time. */
async function loadSignedHeads(
  ex: Executor,
  tenantId: number,
  checker: ChainChecker,
  pageSize: number,
): Promise<void> {
  let after = { no: 0, i: -1 };
  for (;;) {
    const page = await sql<{ t: string; id: string; v: number; no: number; i: number; hash: string | null }>`
      SELECT stream_type AS t, stream_id AS id, stream_version AS v, checkpoint_no::int AS no,
             leaf_index AS i, encode(hash, 'hex') AS hash
      FROM audit_heads
      WHERE tenant_id = ${tenantId} AND (checkpoint_no, leaf_index) > (${after.no}, ${after.i})
      ORDER BY checkpoint_no, leaf_index
      LIMIT ${pageSize}`.execute(ex);
    for (const h of page.rows) {
      const key = recordKey({ streamType: h.t, streamId: h.id });
      const hash = h.hash === null ? null : Buffer.from(h.hash, 'hex');
      const buf = hash === null ? key : Buffer.concat([key, hash]);
      checker.expectSigned(buf, 0, key.length, h.v, key.length, hash?.length ?? -1, h.no);
    }
    const tail = page.rows.at(-1);
    if (tail === undefined || page.rows.length < pageSize) return;
    after = { no: tail.no, i: tail.i };
  }
}
