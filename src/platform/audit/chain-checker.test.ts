import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ChainChecker,
  compareProblems,
  packedRow,
  ProblemList,
  recordKey,
  recordNameOf,
} from './chain-checker.js';
import type { AuditProblem } from './problems.js';

interface Ev {
  record: string;
  v: number;
  prev: string | null;
  hash: string;
}

/** Records of valid chains: hash of version v links to version v + 1. */
function chains(sizes: readonly number[]): Ev[] {
  return sizes.flatMap((n, r) =>
    Array.from({ length: n }, (_, i) => ({
      record: `r${r}`,
      v: i + 1,
      prev: i === 0 ? null : `h${r}.${i}`,
      hash: `h${r}.${i + 1}`,
    })),
  );
}

/** A head a checkpoint signed: the record's hash at a version. */
interface Head {
  record: string;
  v: number;
  hash: string;
  checkpoint: number;
}

function check(
  events: readonly Ev[],
  heads: readonly Head[] = [],
): { problems: AuditProblem[]; records: number; events: number } {
  const list = new ProblemList(10_000);
  const checker = new ChainChecker(list.report);
  const bytes = (h: string | null): Buffer | null => (h === null ? null : Buffer.from(h, 'latin1'));
  for (const h of heads) {
    const key = recordKey({ streamType: 'case', streamId: h.record });
    const hash = Buffer.from(h.hash, 'latin1');
    checker.expectSigned(
      Buffer.concat([key, hash]),
      0,
      key.length,
      h.v,
      key.length,
      hash.length,
      h.checkpoint,
    );
  }
  for (const e of events) {
    const name = { streamType: 'case', streamId: e.record };
    checker.add(packedRow(name, bytes(e.prev), bytes(e.hash)), e.v, true);
  }
  checker.finish();
  return { problems: list.problems.sort(compareProblems), records: checker.records, events: checker.events };
}

const records = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 12 });

describe('the chain checker', () => {
  it('finds nothing wrong in valid chains, whatever order their events come in', () => {
    fc.assert(
      fc.property(
        records.chain((sizes) => fc.shuffledSubarray(chains(sizes), { minLength: chains(sizes).length })),
        (events) => {
          const r = check(events);
          assert.deepEqual(r.problems, []);
          assert.equal(r.records, new Set(events.map((e) => e.record)).size);
          assert.equal(r.events, events.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reports the same problems in any order, and names the record of a deleted, duplicated, renumbered or relinked event', () => {
    const tampered = records.chain((sizes) => {
      const valid = chains(sizes);
      return fc.record({
        valid: fc.constant(valid),
        at: fc.nat(valid.length - 1),
        how: fc.constantFrom('delete', 'duplicate', 'renumber', 'relink'),
        seed: fc.integer(),
      });
    });
    fc.assert(
      fc.property(tampered, ({ valid, at, how, seed }) => {
        const events = valid.map((e) => ({ ...e }));
        const target = events[at] as Ev;
        const last = !events.some((e) => e.record === target.record && e.v > target.v);
        if (how === 'delete') events.splice(at, 1);
        if (how === 'duplicate') events.push({ ...target });
        if (how === 'renumber') target.v = 100;
        if (how === 'relink') target.prev = 'forged';
        const inOrder = check(events);
        const shuffled = check(
          fc.sample(fc.shuffledSubarray(events, { minLength: events.length }), {
            numRuns: 1,
            seed,
          })[0] as Ev[],
        );
        // A version stored twice (possible only with the unique key dropped) is reported in either order, but
        // which copy the chain follows depends on which came first; otherwise the reports are identical.
        const records = (r: typeof inOrder) => [...new Set(r.problems.map((p) => p.streamId))];
        if (how === 'duplicate') assert.deepEqual(records(shuffled), records(inOrder));
        else assert.deepEqual(shuffled.problems, inOrder.problems);
        // Deleting the newest event breaks no link: that is for the signed heads (verify.ts, step 3).
        if (how === 'delete' && last) return;
        assert.ok(inOrder.problems.length > 0, `${how} at ${at}`);
        assert.ok(inOrder.problems.every((p) => p.streamId === target.record));
      }),
      { numRuns: 1000 },
    );
  });

  it('says which versions are missing', () => {
    const events = chains([6]).filter((e) => e.v !== 3 && e.v !== 4);
    const messages = check(events.reverse()).problems.map((p) => `${p.kind}: ${p.message}`);
    assert.deepEqual(messages, [
      'missing-event: versions 3…4 of case/r0 are missing',
      'chain-link: case/r0 v5 does not link to the event before it',
    ]);
  });

  it('checks the signed heads against the events as they pass, in any order', () => {
    const withHeads = records.chain((sizes) => {
      const valid = chains(sizes);
      // Each record signed at a version it reached, by one or two checkpoints.
      const heads = sizes.flatMap((n, r) =>
        [1, n].map((v, c) => ({ record: `r${r}`, v, hash: `h${r}.${v}`, checkpoint: c + 1 })),
      );
      return fc.record({
        events: fc.shuffledSubarray(valid, { minLength: valid.length }),
        heads: fc.constant(heads),
        pick: fc.nat(heads.length - 1),
        how: fc.constantFrom('rewritten', 'gone', 'none'),
      });
    });
    fc.assert(
      fc.property(withHeads, ({ events, heads, pick, how }) => {
        const target = heads[pick] as Head;
        const changed = events
          .filter((e) => how !== 'gone' || !(e.record === target.record && e.v === target.v))
          .map((e) =>
            how === 'rewritten' && e.record === target.record && e.v === target.v
              ? { ...e, hash: 'forged' }
              : e,
          );
        const r = check(changed, heads);
        const mismatches = r.problems.filter((p) => p.kind === 'head-mismatch');
        if (how === 'none') {
          assert.deepEqual(r.problems, []);
          return;
        }
        // The same version may be signed by both checkpoints (a record of one event).
        const signed = heads.filter((h) => h.record === target.record && h.v === target.v);
        assert.deepEqual(
          mismatches.map((p) => [p.streamId, p.streamVersion, p.checkpoint]),
          signed.map((h) => [h.record, h.v, h.checkpoint]),
        );
        const word = how === 'rewritten' ? 'differs from what checkpoint' : 'is gone (deleted)';
        assert.ok(
          mismatches.every((p) => p.message.includes(word)),
          mismatches.map((p) => p.message).join('; '),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('counts only records with events, and reports a signed record with none as gone', () => {
    const r = check(chains([2]), [
      { record: 'r0', v: 2, hash: 'h0.2', checkpoint: 1 },
      { record: 'r9', v: 4, hash: 'h9.4', checkpoint: 1 },
    ]);
    assert.equal(r.records, 1);
    assert.deepEqual(
      r.problems.map((p) => p.message),
      ['case/r9 v4, signed by checkpoint 1, is gone (deleted)'],
    );
  });

  it('reads the names back from a record key', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((t) => !t.includes('\u0000')),
        fc.string(),
        (t, id) => {
          assert.deepEqual(recordNameOf(recordKey({ streamType: t, streamId: id })), {
            streamType: t,
            streamId: id,
          });
        },
      ),
    );
  });
});
