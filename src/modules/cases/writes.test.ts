import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemActor } from '../../platform/actor.js';
import type { CaseRecord } from './types.js';
import { writesInOneStatement, type CaseWrite, type InsertWrite } from './writes.js';

let ids = 0;
const insert = (tenantId: number, extra: Partial<InsertWrite> = {}): CaseWrite => ({
  kind: 'insert',
  tenantId,
  actor: systemActor(tenantId),
  caseId: `case-${++ids}`,
  day: '2025-10-09',
  build: () => {
    throw new Error('not built here');
  },
  ...extra,
});

const update = (tenantId: number): CaseWrite => ({
  kind: 'update',
  tenantId,
  actor: systemActor(tenantId),
  record: { id: 'c1' } as CaseRecord,
  expectedVersion: 1,
  upsertTimers: [],
  removeTimers: [],
  events: [],
  outbox: [],
});

describe('which batches write in one statement', () => {
  it('new reports of one tenant, each with a reserved number, and nothing that reads first', () => {
    assert.equal(writesInOneStatement([insert(1), insert(1)], ['A-1', 'A-2']), true);
  });

  it('not a report without its reserved number', () => {
    assert.equal(writesInOneStatement([insert(1), insert(1)], ['A-1', null]), false);
    assert.equal(writesInOneStatement([insert(1)], []), false);
  });

  it('not a step on an existing case, a camera report that may fold, or an Idempotency-Key', () => {
    assert.equal(writesInOneStatement([insert(1), update(1)], ['A-1', null]), false);
    const fold = { key: 'k', seenAt: new Date(0), windowUntil: new Date(1), event: () => ({}) as never };
    assert.equal(writesInOneStatement([insert(1, { fold })], ['A-1']), false);
    const idempotency = { owner: 'a:1', key: 'k', digest: 'd' };
    assert.equal(writesInOneStatement([insert(1, { idempotency })], ['A-1']), false);
  });

  it('not two tenants (each writes its own statement)', () => {
    assert.equal(writesInOneStatement([insert(1), insert(2)], ['A-1', 'B-1']), false);
  });
});
