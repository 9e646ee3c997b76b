/** The shapes the intake benchmark (intake.ts) and its chain slices (chain-slices.ts) share. */

export interface Report {
  location: { lng: number; lat: number; crs: 'wgs84' };
  categoryType: 'component' | 'event';
  majorCode: string;
  minorCode: string;
  standardId: string;
}

export interface Written {
  cases: number;
  timers: number;
  events: number;
  transactions: number;
  medianBatch: number;
  maxBatch: number;
}

export interface Measured {
  cases: number;
  wallMs: number;
  latencies: number[] | null;
  errors: number;
  firstError: string | null;
  serverCpuMs: number;
  pgCpuMs: number | null;
  clientCpuMs: number | null;
  walSyncs: number | null;
  load: number;
  note: string;
}

export interface VariantResult extends Measured {
  name: 'intake' | 'unchained' | 'naive' | 'ceiling';
  casesPerSecond: number;
  p50: number | null;
  p99: number | null;
  written: Written;
}
