/**
 * Seeded pseudo-random numbers for the synthetic generators: same seed, same sequence, on every
 * platform (32-bit integer arithmetic only). sfc32 seeded through splitmix32 — small, fast and with
 * good statistical quality for demo data. Not for anything security-related.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** An independent stream derived from this one's seed and a label, so adding draws in one part of
   * a generator does not shift the numbers another part sees. */
  fork(label: string): Random;
}

function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over UTF-16 code units: turns a text seed or label into 32 bits. */
function hashText(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRandom(seed: number | string): Random {
  const seed32 = hashText(typeof seed === 'number' ? `n:${seed}` : `s:${seed}`);
  const init = splitmix32(seed32);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // discard the first outputs, as sfc32's author recommends
  return {
    next,
    int: (n) => Math.floor(next() * n),
    range: (min, max) => min + next() * (max - min),
    fork: (label) => createRandom(hashText(label, seed32)),
  };
}
