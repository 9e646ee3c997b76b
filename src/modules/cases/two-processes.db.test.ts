import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { TEST_ENGINE } from '../../../test/helpers/db.js';
import { createCaseTestApp, LAKESIDE, type CaseTestApp } from './test-helpers.js';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('./sweeper-process.fixture.ts', import.meta.url));

describe(
  'two server processes on one database',
  { skip: TEST_ENGINE !== 'postgres' && 'needs PostgreSQL (PGlite serves one process)' },
  () => {
    let t: CaseTestApp;
    before(async () => {
      t = await createCaseTestApp({ now: '2025-10-09T02:00:00Z' });
    });
    after(() => t?.close());

    it('raise each warning exactly once', async () => {
      const s = await t.standard('event', (x) => x.timeLimit.unit === 'work_hour');
      const category = { categoryType: s.kind, majorCode: s.majorCode, minorCode: s.minorCode };
      const ids: string[] = [];
      for (let i = 0; i < 30; i += 1) {
        const r = await t.post(await t.as('inspector'), '/api/cases/intake/inspector', {
          location: { ...LAKESIDE, lng: LAKESIDE.lng + i * 0.0001 },
          description: `并发计时 ${i}`,
          category,
          standardId: s.id,
        });
        const { id } = r.json<{ id: string }>();
        await t.post(await t.as('operator'), `/api/cases/${id}/file`, { version: 1, standardId: s.id });
        const d = await t.post(await t.as('dispatcher'), `/api/cases/${id}/dispatch`, {
          version: 2,
          mode: 'auto',
        });
        assert.equal(d.statusCode, 200, d.body);
        ids.push(id);
      }
      // A week later every clock of these cases is long overdue: dispatch (stopped), accept and handle running.
      const now = '2025-10-17T02:00:00Z';
      await sql`CREATE TABLE sweep_barrier (pid int)`.execute(t.testDb.db.sql);
      const args = ['--import', 'tsx', fixture, t.testDb.url as string, now, '40', '2'];
      const [a, b] = await Promise.all([run(process.execPath, args), run(process.execPath, args)]);
      const fired = [a, b].map((r) => (JSON.parse(r.stdout) as { warnings: number }).warnings);
      const rows = await sql<{ case_id: string; timer: string; level: string; n: number }>`
      SELECT stream_id AS case_id, payload ->> 'timer' AS timer, payload ->> 'level' AS level, count(*)::int AS n
      FROM events WHERE name = 'cases.case.warned' AND stream_id = ANY(${ids})
      GROUP BY 1, 2, 3`.execute(t.testDb.db.sql);
      // 30 cases × 2 running clocks (签收, 处置) × 3 levels, each exactly once.
      assert.equal(rows.rows.length, 30 * 2 * 3);
      assert.ok(
        rows.rows.every((r) => r.n === 1),
        'no warning twice',
      );
      assert.equal(
        fired[0]! + fired[1]!,
        180,
        `both processes together raised each once (${fired.join(' + ')})`,
      );
      assert.ok(fired[0]! > 0 && fired[1]! > 0, `both processes took part (${fired.join(' + ')})`);
    });
  },
);
