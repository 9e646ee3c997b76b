/**
 * Dispatch benchmark: resolutions per second over the full demo rule set for 上城区 (the shipped taxonomy's
 * categories, the demo units and the generated rules), on 100,000 case facts generated beforehand so
 * generation is not timed. Also: compile time, trace length percentiles, how cases were decided, and a check
 * that a sample of answers matches the brute-force reference resolver.
 *
 * Workload: 75 % 事件 / 25 % 部件, the commonest categories (暴露垃圾, 占道经营, 非法小广告 …) ten times as
 * likely as the rest; real community codes (data/reference/admin-codes/), a grid under the community; 60 % of
 * cases located (a quarter of those inside a special zone's box), 60 % with a filing standard, 70 % of 部件 with
 * a census record whose owner is the category's usual unit (sometimes an unknown code).
 *
 * Run: npx tsx -e "import('./bench/dispatch.ts').then(m=>m.run([]))"   (or npm run bench -- dispatch)
 * Flags: --cases=N (default 100,000), --ms=N (timing window, default 2000), --check=N (oracle sample, 2,000).
 */
import { readFile } from 'node:fs/promises';
import { referenceResolve } from '../src/modules/dispatch/domain/reference-resolve.js';
import {
  compileRules,
  DEMO_AREAS,
  demoDispatchUnits,
  explain,
  generateDemoRules,
  resolve,
  SHANGCHENG_STREETS,
  type CaseFacts,
  type DemoCategory,
  type DemoStandard,
  type Resolution,
} from '../src/modules/dispatch/index.js';
import { loadDefaultDataset } from '../src/modules/taxonomy/index.js';
import { formatNumber, opsPerSecond, printTable } from './table.js';
import { random } from '../src/platform/random.js';

const COMMON = [
  '暴露垃圾',
  '积存垃圾渣土',
  '道路不洁',
  '占道经营',
  '店外经营',
  '无照经营游商',
  '非法小广告',
  '乱堆物料',
  '非机动车乱停放',
  '机动车乱停放',
  '沿街晾挂',
  '共享单车乱停放',
  '道路破损',
  '上水井盖',
  '污水井盖',
  '雨水箅子',
  '路灯',
  '行道树',
  '果皮箱',
  '交通标志牌',
];

function flag(args: string[], name: string, fallback: number): number {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  const value = found ? Number(found.slice(name.length + 3).replace(/[_,]/g, '')) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function communityCodes(): Promise<Map<string, string[]>> {
  const text = await readFile(
    new URL('../data/reference/admin-codes/shangcheng-330102-communities.csv', import.meta.url),
    'utf8',
  );
  const byStreet = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [code, , street] = line.split(',');
    if (code === undefined || street === undefined || code === '') continue;
    byStreet.set(street, [...(byStreet.get(street) ?? []), code]);
  }
  return byStreet;
}

function generateCases(
  count: number,
  categories: readonly DemoCategory[],
  standards: readonly DemoStandard[],
  communities: ReadonlyMap<string, string[]>,
  usualUnit: ReadonlyMap<DemoCategory, string | null>,
): CaseFacts[] {
  const next = random(20251009);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = (type: 'component' | 'event') => {
    const list = categories.filter((c) => c.type === type);
    return list.flatMap((c) => Array<DemoCategory>(COMMON.includes(c.name) ? 10 : 1).fill(c));
  };
  const events = weighted('event');
  const components = weighted('component');
  const standardsOf = new Map<string, string[]>();
  for (const s of standards) {
    const key = `${s.type}|${s.majorCode}|${s.minorCode}`;
    standardsOf.set(key, [...(standardsOf.get(key) ?? []), s.id]);
  }
  // Streets weighted by their community count, as cases follow population.
  const streets = SHANGCHENG_STREETS.flatMap((s) => Array<string>(s.communityCount).fill(s.code));
  const zoneBoxes = DEMO_AREAS.map((a) => {
    const points = (a.polygon.type === 'Polygon' ? [a.polygon.coordinates] : a.polygon.coordinates).flat(2);
    const lngs = points.map((p) => p[0]!);
    const lats = points.map((p) => p[1]!);
    return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)] as const;
  });

  const cases: CaseFacts[] = [];
  for (let i = 0; i < count; i++) {
    const category = next() < 0.75 ? pick(events) : pick(components);
    const street = pick(streets);
    const community = pick(communities.get(street) ?? [`${street}051`]);
    const grid = `${community}${String(1 + Math.floor(next() * 60)).padStart(3, '0')}`;
    let location: CaseFacts['location'] = null;
    if (next() < 0.6) {
      if (next() < 0.25) {
        const [w, s, e, n] = pick(zoneBoxes);
        location = { lng: w + next() * (e - w), lat: s + next() * (n - s) };
      } else {
        location = { lng: 120.14 + next() * 0.15, lat: 30.2 + next() * 0.19 };
      }
    }
    const ids = standardsOf.get(`${category.type}|${category.majorCode}|${category.minorCode}`) ?? [];
    const standardId = ids.length > 0 && next() < 0.6 ? pick(ids) : null;
    let component: CaseFacts['component'] = null;
    if (category.type === 'component' && next() < 0.7) {
      const usual = usualUnit.get(category) ?? null;
      const owner = next() < 0.1 ? 'DISTRICT' : usual;
      component = {
        id: `330102${category.majorCode}${category.minorCode}${String(i).padStart(6, '0')}`,
        ownerUnitCode: owner,
        maintainerUnitCode: next() < 0.8 ? owner : null,
      };
    }
    cases.push({
      categoryType: category.type,
      majorCode: category.majorCode,
      minorCode: category.minorCode,
      standardId,
      location,
      regions: { gridCode: grid, communityCode: community, streetCode: street, districtCode: '330102' },
      component,
    });
  }
  return cases;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

let sink = 0;

export async function run(args: string[]): Promise<void> {
  const caseCount = flag(args, 'cases', 100_000);
  const minMs = flag(args, 'ms', 2000);
  const checks = flag(args, 'check', 2000);

  const dataset = await loadDefaultDataset();
  const categories: DemoCategory[] = dataset.taxonomy.minors.map((m) => ({
    type: m.kind,
    majorCode: m.majorCode,
    minorCode: m.code,
    name: m.name,
    responsibleUnitKind: m.responsibleUnitKind,
  }));
  const standards: DemoStandard[] = dataset.taxonomy.standards.map((s) => ({
    id: s.id,
    type: s.kind,
    majorCode: s.majorCode,
    minorCode: s.minorCode,
    filingCondition: s.filingCondition,
  }));
  const units = demoDispatchUnits();
  const demo = generateDemoRules({ categories, units, standards });
  const options = { fallbackUnitCode: demo.fallbackUnitCode };

  let t0 = performance.now();
  const set = compileRules(demo.rules, units, options);
  const compileMs = performance.now() - t0;
  const polygonRules = demo.rules.filter((r) => r.match.polygon !== undefined).length;
  const regionRules = demo.rules.filter((r) => r.match.regionCodes !== undefined).length;
  printTable(
    'Dispatch demo rule set (上城区)',
    ['categories', 'units', 'rules', 'with region codes', 'with polygons', 'problems', 'compile (ms)'],
    [
      [
        categories.length,
        units.length,
        set.ruleCount,
        regionRules,
        polygonRules,
        set.problems.length,
        formatNumber(compileMs, 1),
      ],
    ],
  );

  const usualUnit = new Map<DemoCategory, string | null>();
  for (const c of categories) {
    const fixed = demo.rules.find((r) => r.id === `C${c.majorCode}${c.minorCode}-DEFAULT`);
    usualUnit.set(c, fixed !== undefined && 'unitCode' in fixed.target ? fixed.target.unitCode : null);
  }
  t0 = performance.now();
  const cases = generateCases(caseCount, categories, standards, await communityCodes(), usualUnit);
  const generateMs = performance.now() - t0;

  const perSecond = opsPerSecond(
    () => {
      for (const facts of cases) sink += resolve(set, facts).trace.length;
    },
    cases.length,
    minMs,
  );
  const withExplain = opsPerSecond(
    () => {
      for (const facts of cases) sink += explain(resolve(set, facts)).length;
    },
    cases.length,
    minMs,
  );
  // The same cases with no rules at all: only the built-in ladder (owner, territory, fallback).
  const bare = compileRules([], units, options);
  const builtinOnly = opsPerSecond(
    () => {
      for (const facts of cases) sink += resolve(bare, facts).trace.length;
    },
    cases.length,
    minMs,
  );

  const results: Resolution[] = cases.map((facts) => resolve(set, facts));
  const lengths = results.map((r) => r.trace.length).sort((a, b) => a - b);
  const count = (key: (r: Resolution) => string) => {
    const counts = new Map<string, number>();
    for (const r of results) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
    return (value: string) => `${formatNumber((100 * (counts.get(value) ?? 0)) / results.length, 1)} %`;
  };
  const principle = count((r) => r.principle);
  const via = count((r) => r.via);
  const truncated = results.filter((r) => r.omittedSteps > 0).length;

  const sample = cases.slice(0, Math.min(checks, cases.length));
  const agree = sample.filter((facts, i) => {
    const expected = referenceResolve(demo.rules, units, options, facts);
    const r = results[i]!;
    return (
      expected.unitCode === r.unit.code &&
      expected.ruleId === (r.rule?.id ?? null) &&
      expected.principle === r.principle
    );
  }).length;

  printTable(
    `Dispatch resolution (${formatNumber(cases.length)} cases, generated in ${formatNumber(generateMs)} ms)`,
    [
      'rule set',
      'resolutions/s',
      'with explain()/s',
      'trace p50',
      'trace p99',
      'trace max',
      'truncated',
      'matches reference',
    ],
    [
      [
        `demo (${set.ruleCount} rules)`,
        perSecond,
        withExplain,
        percentile(lengths, 50),
        percentile(lengths, 99),
        lengths.at(-1) ?? 0,
        truncated,
        `${agree}/${sample.length}`,
      ],
      ['none (built-in principles only)', builtinOnly, '', '', '', '', '', ''],
    ],
  );
  printTable(
    'How the cases were decided (share of cases)',
    ['explicit rule', 'owner first (built-in)', 'territory (built-in)', 'fallback'],
    [[principle('rule'), principle('owner_first'), principle('territory_first'), principle('fallback')]],
  );
  printTable(
    'Where the cases went (share of cases)',
    ['fixed unit', 'component maintainer', 'component owner', 'territory', 'fallback'],
    [[via('unit'), via('maintainer'), via('owner'), via('territory'), via('fallback')]],
  );
  if (Number.isNaN(sink)) console.log('(unreachable: keeps results alive)');
}
