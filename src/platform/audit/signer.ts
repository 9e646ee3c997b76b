/**
 * The Ed25519 key that signs checkpoints. It lives outside the database (a file in the data directory's
 * secrets folder, or a file the operator names), so someone who can rewrite the database cannot re-sign
 * what they rewrote. Verification trusts public keys given from outside, never the copy stored beside a
 * checkpoint.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './chain.js';

export interface AuditSigner {
  /** The first 16 hex digits of sha256(public key). */
  keyId: string;
  /** The raw 32-byte Ed25519 public key. */
  publicKey: Buffer;
  sign(data: Buffer): Buffer;
}

export function keyIdOf(publicKey: Buffer): string {
  return sha256(publicKey).toString('hex').slice(0, 16);
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

export function signerFromPrivateKey(privateKey: KeyObject): AuditSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the audit signing key must be Ed25519 (got ${privateKey.asymmetricKeyType ?? 'none'})`);
  }
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (data) => cryptoSign(null, data, privateKey),
  };
}

/** A key for this process only (tests). */
export function createEphemeralSigner(): AuditSigner {
  return signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}

/** The configured key file, or `<dataDir>/secrets/audit-signing-key.pem`, created on first use. */
export function loadOrCreateAuditSigner(configuredFile: string | null, dataDir: string): AuditSigner {
  const file = configuredFile ?? path.join(dataDir, 'secrets', 'audit-signing-key.pem');
  if (!existsSync(file)) {
    if (configuredFile) throw new Error(`the audit signing key file ${configuredFile} does not exist`);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return signerFromPrivateKey(createPrivateKey(readFileSync(file)));
}

export function verifySignature(publicKey: Buffer, data: Buffer, signature: Buffer): boolean {
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
      format: 'jwk',
    });
    return cryptoVerify(null, data, key, signature);
  } catch {
    return false;
  }
}
