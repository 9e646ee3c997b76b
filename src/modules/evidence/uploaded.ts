/**
 * The check every record that refers to files makes (a case's photos, a 纠错 record's attachments): each hash
 * must be a file the tenant uploaded.
 */
import { errors } from '../../platform/http/app-error.js';

/** The evidence store as far as such a check needs it (the evidence service is one). */
export interface EvidenceLookup {
  existing(tenantId: number, sha256s: readonly string[]): Promise<string[]>;
}

/**
 * The distinct hashes in their order, once each is known to be an uploaded file of the tenant; otherwise a 400
 * naming the first unknown one (`photos[2]`). Without a lookup (a deployment with no file store) nothing is
 * checked.
 */
export async function requireUploaded(
  lookup: EvidenceLookup | undefined,
  tenantId: number,
  hashes: readonly string[] | undefined,
  field: string,
): Promise<string[]> {
  const list = [...new Set(hashes ?? [])];
  if (list.length === 0 || !lookup) return list;
  const found = new Set(await lookup.existing(tenantId, list));
  const missing = list.findIndex((h) => !found.has(h));
  if (missing >= 0) throw errors.validation(`${field}[${missing}]`, `no uploaded file ${list[missing]}`);
  return list;
}
