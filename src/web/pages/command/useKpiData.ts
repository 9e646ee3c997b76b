/**
 * The command center's figures, each from the evaluation rollups or the case counts. Every part loads on its
 * own: a viewer without a tenant-wide scope gets 403 or empty lists for some (channels, categories) and still
 * sees the rest.
 */
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { DISTRICT_TIME_ZONE } from '../../i18n/format';
import { districtDay, districtMonth } from './periods';

export interface NamedValue {
  code: string;
  name: string | null;
  value: number;
}

export interface UnitRank {
  code: string;
  name: string | null;
  score: number | null;
  handledOnTimeRate: number | null;
}

export interface KpiData {
  /** open cases (sum of the workbench counts) */
  openCases: number | null;
  /** reports today, per channel (上报数) */
  todayByChannel: NamedValue[] | null;
  todayReported: number | null;
  /** this month, the district as a whole */
  rates: {
    handledOnTimeRate: number | null;
    closeRate: number | null;
    closedOnTimeRate: number | null;
  } | null;
  /** 高发问题: filed cases per category this month */
  topProblems: NamedValue[] | null;
  unitRanking: UnitRank[] | null;
}

const TOP = 8;

async function settle<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch {
    return null;
  }
}

interface TaxonomyMinor {
  majorCode?: unknown;
  code?: unknown;
  name?: unknown;
}

/** Category code as the rollups write it (major/minor) → the minor category's name. */
async function categoryNames(): Promise<Map<string, string>> {
  const tax = unwrap(await api.GET('/api/taxonomy'));
  const out = new Map<string, string>();
  for (const m of tax.minors as TaxonomyMinor[]) {
    if (typeof m.majorCode === 'string' && typeof m.code === 'string' && typeof m.name === 'string') {
      out.set(`${m.majorCode}/${m.code}`, m.name);
    }
  }
  return out;
}

export async function loadKpis(now: Date): Promise<KpiData> {
  const day = districtDay(now, DISTRICT_TIME_ZONE);
  const month = districtMonth(now, DISTRICT_TIME_ZONE);
  const [counts, channels, district, hotspots, units, names] = await Promise.all([
    settle(api.GET('/api/cases/counts').then(unwrap)),
    settle(
      api
        .GET('/api/evaluation/indicators', { params: { query: { objectType: 'channel', period: day } } })
        .then(unwrap),
    ),
    settle(
      api
        .GET('/api/evaluation/indicators', { params: { query: { objectType: 'district', period: month } } })
        .then(unwrap),
    ),
    settle(
      api.GET('/api/evaluation/hotspots', { params: { query: { period: month, limit: TOP } } }).then(unwrap),
    ),
    settle(
      api
        .GET('/api/evaluation/rankings', { params: { query: { objectType: 'unit', period: month } } })
        .then(unwrap),
    ),
    settle(categoryNames()),
  ]);
  const todayByChannel =
    channels?.items
      .map((i) => ({ code: i.code, name: i.name, value: i.counts.reported ?? 0 }))
      .filter((c) => c.value > 0)
      .sort((a, b) => b.value - a.value) ?? null;
  const d = district?.items[0];
  return {
    openCases: counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null,
    todayByChannel,
    todayReported: todayByChannel ? todayByChannel.reduce((a, c) => a + c.value, 0) : null,
    rates: d
      ? {
          handledOnTimeRate: d.rates.handledOnTimeRate ?? null,
          closeRate: d.rates.closeRate ?? null,
          closedOnTimeRate: d.rates.closedOnTimeRate ?? null,
        }
      : null,
    topProblems:
      hotspots?.categories
        .slice(0, TOP)
        .map((c) => ({ code: c.code, name: names?.get(c.code) ?? null, value: c.n })) ?? null,
    unitRanking:
      units?.items.slice(0, 10).map((u) => ({
        code: u.code,
        name: u.name,
        score: u.score?.total ?? null,
        handledOnTimeRate: u.rates.handledOnTimeRate ?? null,
      })) ?? null,
  };
}

/** Loads the figures, again whenever `tick` changes. */
export function useKpiData(tick: number): KpiData | null {
  const [data, setData] = useState<KpiData | null>(null);
  useEffect(() => {
    let live = true;
    void loadKpis(new Date()).then((d) => {
      if (live) setData(d);
    });
    return () => {
      live = false;
    };
  }, [tick]);
  return data;
}
