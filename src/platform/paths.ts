import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The folder holding package.json. Code runs both from src/ (tsx) and from dist/src/ (compiled), so paths to
 * migrations/ and data/ are resolved from the package root rather than from the current file.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  cached = dir;
  return dir;
}

export function fromPackageRoot(...segments: string[]): string {
  return path.join(packageRoot(), ...segments);
}
