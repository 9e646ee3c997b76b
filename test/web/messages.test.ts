/**
 * Every user-facing string of the web app exists in both languages: each page folder's messages.ts registers
 * a namespace (zh-CN and English); here every one is loaded and compared key by key, with no empty strings and
 * the same {{placeholders}} on both sides.
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { fromPackageRoot } from '../../src/platform/paths.js';

const WEB = fromPackageRoot('src', 'web');

function messageFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) messageFiles(full, out);
    else if (name === 'messages.ts') out.push(full);
  }
  return out;
}

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      for (const [p, s] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, s);
    }
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('web app messages', () => {
  it('has every string in Chinese and English, with the same placeholders', async () => {
    const i18n = (await import(pathToFileURL(path.join(WEB, 'i18n', 'index.ts')).href)) as {
      registeredBundles(): { ns: string; 'zh-CN': unknown; en: unknown }[];
    };
    for (const file of messageFiles(WEB)) await import(pathToFileURL(file).href);
    const bundles = i18n.registeredBundles();
    assert.ok(bundles.some((b) => b.ns === 'common'));
    for (const b of bundles) {
      const zh = leaves(b['zh-CN']);
      const en = leaves(b.en);
      assert.deepEqual([...en.keys()].sort(), [...zh.keys()].sort(), `namespace ${b.ns}: keys differ`);
      for (const [key, text] of zh) {
        const other = en.get(key) ?? '';
        assert.ok(text.trim() && other.trim(), `namespace ${b.ns}: ${key} is empty`);
        assert.deepEqual(placeholders(other), placeholders(text), `namespace ${b.ns}: ${key} placeholders`);
      }
    }
  });
});
