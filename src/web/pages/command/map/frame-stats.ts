/** Frame-time statistics of requestAnimationFrame deltas (the map's responsiveness measure in the browser test). */
export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  fps: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  // Nearest rank: a reported p95 is a frame that really happened, not an interpolation.
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export function frameStats(deltas: readonly number[]): FrameStats {
  const sorted = deltas.filter((d) => Number.isFinite(d) && d >= 0).sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    frames: sorted.length,
    medianMs: round(quantile(sorted, 0.5)),
    p95Ms: round(quantile(sorted, 0.95)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    fps: total > 0 ? round((sorted.length * 1000) / total) : 0,
  };
}
