/** `chengzhi audit verify | checkpoint`: the tamper-evident record from the command line. */
import { readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { findTenantByCode } from '../platform/auth/index.js';
import { createAuditService } from '../platform/audit/index.js';
import { DISTRICT, type Runtime } from '../runtime.js';

/** A PEM public key file or 64 hex digits → the raw Ed25519 key. */
function readPublicKey(value: string): Buffer {
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  const jwk = createPublicKey(readFileSync(value)).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error(`${value} is not an Ed25519 public key`);
  return Buffer.from(jwk.x, 'base64url');
}

async function serviceFor(rt: Runtime, publicKeys: readonly string[]) {
  return createAuditService({
    db: rt.db,
    clock: rt.clock,
    signer: rt.auditSigner,
    extraTrustedKeys: publicKeys.map(readPublicKey),
  });
}

async function tenantId(rt: Runtime, code: string | undefined): Promise<number> {
  const tenant = await findTenantByCode(rt.db.sql, code ?? DISTRICT.code);
  if (!tenant) throw new Error(`no tenant with code ${code ?? DISTRICT.code}`);
  return tenant.id;
}

/** Prints the report; false when anything is broken. */
export async function runAuditVerify(
  rt: Runtime,
  options: { tenant?: string; publicKey: string[]; json: boolean },
): Promise<boolean> {
  const audit = await serviceFor(rt, options.publicKey);
  const id = await tenantId(rt, options.tenant);
  const report = await audit.verify(id, (n) => {
    if (!options.json && process.stderr.isTTY) process.stderr.write(`\r${n.toLocaleString('en')} events…`);
  });
  if (!options.json && process.stderr.isTTY) process.stderr.write('\n');
  if (options.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const rate = report.ms > 0 ? Math.round((report.events / report.ms) * 1000) : report.events;
    process.stdout.write(
      `${report.events} events in ${report.records} records, ${report.checkpoints} checkpoints (${report.heads} signed heads) ` +
        `verified in ${report.ms} ms (${rate.toLocaleString('en')} events/s)\n`,
    );
    for (const p of report.problems) process.stdout.write(`BROKEN ${p.kind}: ${p.message}\n`);
    if (report.moreProblems > 0) process.stdout.write(`… and ${report.moreProblems} more problems\n`);
    process.stdout.write(report.problems.length === 0 ? 'OK: nothing was changed\n' : 'FAILED\n');
  }
  return report.problems.length === 0;
}

export async function runAuditCheckpoint(rt: Runtime, options: { tenant?: string }): Promise<void> {
  const audit = await serviceFor(rt, []);
  const c = await audit.checkpoint(await tenantId(rt, options.tenant));
  process.stdout.write(
    c
      ? `checkpoint ${c.no}: ${c.eventCount} events, ${c.leafCount} records, root ${c.root.toString('hex')}, key ${c.keyId}\n`
      : 'nothing new to sign\n',
  );
}
