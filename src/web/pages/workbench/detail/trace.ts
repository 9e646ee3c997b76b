/**
 * The "why here?" trace of a dispatch, read from the `cases.case.dispatched` event payload:
 * `{ unitCode, mode, reason?, dispatch?: { rule, principle, via, explanation: string[] } }` where the
 * explanation lines come from src/modules/dispatch `explain()` (Chinese, prefixed 派往/依据/采用/未采用).
 * Pure: no imports.
 */
export type TraceLineKind = 'target' | 'basis' | 'chosen' | 'skipped' | 'other';

export interface TraceLine {
  kind: TraceLineKind;
  text: string;
}

export interface DispatchTrace {
  mode: 'auto' | 'manual';
  unitCode: string | null;
  reason: string | null;
  rule: { id: string; name: string } | null;
  principle: string | null;
  via: string | null;
  lines: TraceLine[];
}

const PREFIXES: [string, TraceLineKind][] = [
  ['派往：', 'target'],
  ['依据：', 'basis'],
  ['采用：', 'chosen'],
  ['未采用：', 'skipped'],
];

export function classifyLine(line: string): TraceLine {
  for (const [prefix, kind] of PREFIXES) {
    if (line.startsWith(prefix)) return { kind, text: line.slice(prefix.length) };
  }
  return { kind: 'other', text: line };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function readDispatchTrace(payload: Record<string, unknown>): DispatchTrace {
  const d =
    payload.dispatch && typeof payload.dispatch === 'object'
      ? (payload.dispatch as Record<string, unknown>)
      : null;
  const rule = d?.rule && typeof d.rule === 'object' ? (d.rule as Record<string, unknown>) : null;
  const explanation = Array.isArray(d?.explanation) ? d.explanation : [];
  return {
    mode: payload.mode === 'manual' ? 'manual' : 'auto',
    unitCode: str(payload.unitCode),
    reason: str(payload.reason),
    rule: rule && str(rule.id) ? { id: String(rule.id), name: str(rule.name) ?? String(rule.id) } : null,
    principle: str(d?.principle),
    via: str(d?.via),
    lines: explanation.filter((l): l is string => typeof l === 'string').map(classifyLine),
  };
}
