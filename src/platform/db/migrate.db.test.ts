import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/helpers/db.js';
import { checksum, migrate, MigrationError, planMigrations, type MigrationFile } from './migrate.js';

const file = (version: string, text: string): MigrationFile => ({
  version,
  name: `m${version}`,
  checksum: checksum(text),
  sql: text,
});

describe('migration planning', () => {
  it('runs only what has not been applied, in order', () => {
    const files = [file('0001', 'a'), file('0002', 'b'), file('0003', 'c')];
    const applied = [{ version: '0001', name: 'm0001', checksum: checksum('a') }];
    assert.deepEqual(
      planMigrations(files, applied).map((f) => f.version),
      ['0002', '0003'],
    );
  });

  it('refuses a migration that was edited after it was applied', () => {
    const applied = [{ version: '0001', name: 'm0001', checksum: checksum('a') }];
    assert.throws(() => planMigrations([file('0001', 'a changed')], applied), /changed after it was applied/);
  });

  it('refuses when an applied migration file has disappeared', () => {
    const applied = [{ version: '0001', name: 'm0001', checksum: checksum('a') }];
    assert.throws(() => planMigrations([file('0002', 'b')], applied), /file is missing/);
  });

  it('refuses a new migration numbered before one already applied', () => {
    const applied = [{ version: '0002', name: 'm0002', checksum: checksum('b') }];
    assert.throws(() => planMigrations([file('0001', 'a'), file('0002', 'b')], applied), /numbered before/);
  });

  it('treats Windows and Unix line endings as the same file', () => {
    assert.equal(checksum('a\r\nb'), checksum('a\nb'));
  });
});

describe('migration runner on a real database', () => {
  let t: TestDb;
  let dir: string;
  before(async () => {
    t = await createTestDb();
    dir = mkdtempSync(path.join(os.tmpdir(), 'cz-mig-'));
  });
  after(() => t.close());

  it('applies new files once, records them, and is a no-op the second time', async () => {
    // The real migrations are already applied (template); add two more in a scratch folder copy.
    const { readMigrations } = await import('./migrate.js');
    const { fromPackageRoot } = await import('../paths.js');
    for (const m of readMigrations(fromPackageRoot('migrations'))) {
      writeFileSync(path.join(dir, `${m.version}_${m.name}.sql`), m.sql);
    }
    writeFileSync(
      path.join(dir, '9001_widgets.sql'),
      'CREATE TABLE widgets (id int PRIMARY KEY);\nINSERT INTO widgets VALUES (1);',
    );
    writeFileSync(path.join(dir, '9002_gadgets.sql'), 'CREATE TABLE gadgets (id int PRIMARY KEY);');
    const first = await migrate(t.db, dir);
    assert.deepEqual(first.applied, ['9001_widgets', '9002_gadgets']);
    const second = await migrate(t.db, dir);
    assert.deepEqual(second.applied, []);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM widgets`.execute(t.db.sql);
    assert.equal(rows.rows[0]?.n, 1);
  });

  it('rolls back a failing migration completely and records nothing', async () => {
    writeFileSync(
      path.join(dir, '9003_broken.sql'),
      'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;',
    );
    await assert.rejects(() => migrate(t.db, dir));
    const table = await sql<{ t: string | null }>`SELECT to_regclass('half_done')::text AS t`.execute(
      t.db.sql,
    );
    assert.equal(table.rows[0]?.t, null);
    const recorded = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM schema_migrations WHERE version = '9003'`.execute(t.db.sql);
    assert.equal(recorded.rows[0]?.n, 0);
  });

  it('refuses to run when an applied file was edited', async () => {
    writeFileSync(path.join(dir, '9003_broken.sql'), 'SELECT 1;');
    writeFileSync(
      path.join(dir, '9002_gadgets.sql'),
      'CREATE TABLE gadgets (id int PRIMARY KEY, extra text);',
    );
    await assert.rejects(() => migrate(t.db, dir), MigrationError);
  });
});
