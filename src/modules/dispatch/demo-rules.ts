/**
 * The demo responsibility rule set (派单目录) for 杭州市上城区: pure and deterministic — the same categories,
 * units and streets always give the same rules in the same order.
 *
 * Unit codes assumed (demo-units.ts creates them; the organisation module's demo seeder should match):
 *   UM-BUREAU 区城市管理局（数字城管指挥中心, 属地兜底） · ENFORCE 区城管执法大队 · MUNICIPAL 市政设施养护中心 ·
 *   LIGHTING 城市照明管理所 · SANITATION 环境卫生管理中心 · LANDSCAPING 园林绿化管理中心 · WATERWAY 河道管理所 ·
 *   TRAFFIC 交警上城大队 · PSB 公安上城分局 · FIRE 消防救援大队 · CONSTRUCTION 住建局 · ECOLOGY 生态环境分局 ·
 *   CIVIL-AFFAIRS 民政局 · WATER, DRAINAGE, POWER, TELECOM, GAS, TRANSIT, POST (utilities) ·
 *   SCENIC-WESTLAKE, HEFANG, HUB-EAST, QIANJIANG-CBD (special zones) · SO-SORT 垃圾分类督导 (social org) ·
 *   CT-CLEAN-1, CT-CLEAN-2, CT-GREEN-N, CT-WATER-E (contractors) · ST-<street code> 街道办事处 ·
 *   ZF-<street code> 街道综合行政执法队 (parent: the street office, hence territorial).
 *
 * Priorities, highest first:
 *   80  special zones drawn as polygons (scenic area, historic block, railway hub, CBD), per category major;
 *   70  contracts: a contractor for some streets (greenery upkeep; WATER's manhole covers via componentUnitCodes);
 *   51  部件 → its maintainer (养护单位);
 *   50  部件 → its owner (权属单位), and the category's default unit or the territory — at equal priority the
 *       principle orders them: owner first, then the line department, then the territory (先属主后属地);
 *       事件 → the catalogue: per-street squads for street-order offences, territory for 市容 problems with
 *       contracted cleaning lots in some streets, line departments for utilities and roads, a few per-standard
 *       and per-community rules. Where an event has both a territorial and a line rule at 50, the territory
 *       wins (先属地后属主) and the line department takes over only when the territory cannot.
 *
 * How a category is routed: a curated keyword table on its name (the catalogue), then the taxonomy's
 * 责任主体 kind when given, then the default — 部件 to their owner then territory, 事件 to the territory.
 */
import type { CategoryType, DispatchUnit, Rule, RuleTarget } from './domain/types.js';
import { DEMO_AREAS, type DemoArea } from './demo-areas.js';
import { SHANGCHENG_STREETS, SORTING_PILOT_COMMUNITIES, type DemoStreet } from './demo-streets.js';
import {
  CLEANING_LOTS,
  DEMO_FALLBACK_UNIT_CODE,
  GREENERY_CONTRACT,
  streetSquadCode,
  WATER_COVER_CONTRACT,
} from './demo-units.js';

/** A 小类 as the taxonomy lists it. `responsibleUnitKind` is the taxonomy's 责任主体 kind, when known. */
export interface DemoCategory {
  type: CategoryType;
  majorCode: string;
  minorCode: string;
  name: string;
  responsibleUnitKind?: string | null;
}

/** A 立结案标准 row, for the few rules that depend on the filing condition. */
export interface DemoStandard {
  id: string;
  type: CategoryType;
  majorCode: string;
  minorCode: string;
  filingCondition: string;
}

export interface DemoRuleSetInput {
  categories: readonly DemoCategory[];
  /** The units that exist; a rule naming a fixed unit not among them is left out and reported. */
  units: readonly DispatchUnit[];
  streets?: readonly DemoStreet[];
  standards?: readonly DemoStandard[];
}

export interface DemoRuleSet {
  rules: Rule[];
  /** Rules left out because their fixed unit is not among the given units. */
  omitted: { ruleId: string; unitCode: string }[];
  fallbackUnitCode: string;
}

const PRIORITY = { zone: 80, contract: 70, maintainer: 51, catalogue: 50 } as const;

type EventRoute =
  | { kind: 'sanitation' }
  | { kind: 'squad' }
  | { kind: 'territory'; alternative?: string }
  | { kind: 'line'; unitCode: string };

const line = (unitCode: string): EventRoute => ({ kind: 'line', unitCode });
const SANITATION: EventRoute = { kind: 'sanitation' };
const SQUAD: EventRoute = { kind: 'squad' };
const TERRITORY: EventRoute = { kind: 'territory' };

/** First keyword found in the category name wins, so the specific words come first (非机动车 before 机动车). */
const EVENT_KEYWORDS: readonly (readonly [string, EventRoute])[] = [
  ['非机动车乱停放', { kind: 'territory', alternative: 'TRAFFIC' }],
  ['共享单车', TERRITORY],
  ['机动车乱停放', line('TRAFFIC')],
  ['非法营运', line('TRAFFIC')],
  ['暴露垃圾', SANITATION],
  ['积存垃圾', SANITATION],
  ['道路不洁', SANITATION],
  ['道路遗撒', SANITATION],
  ['道路撒遗', SANITATION],
  ['树挂', SANITATION],
  ['动物尸体', SANITATION],
  ['交通事故遗留物', SANITATION],
  ['积雪结冰', SANITATION],
  ['私搭乱建', SQUAD],
  ['焚烧', SQUAD],
  ['油烟', SQUAD],
  ['游商', SQUAD],
  ['无照经营', SQUAD],
  ['占道经营', SQUAD],
  ['店外经营', SQUAD],
  ['废品收购', SQUAD],
  ['商业噪音', SQUAD],
  ['露天烧烤', SQUAD],
  ['非法出版物', SQUAD],
  ['撑伞', SQUAD],
  ['流动广告', SQUAD],
  ['乱倒污水', SQUAD],
  ['渣土车', line('ENFORCE')],
  ['施工扰民', line('ENFORCE')],
  ['道路破损', line('MUNICIPAL')],
  ['路面塌陷', line('MUNICIPAL')],
  ['挖掘道路', line('MUNICIPAL')],
  ['施工占道', line('MUNICIPAL')],
  ['供水', line('WATER')],
  ['燃气', line('GAS')],
  ['下水道', line('DRAINAGE')],
  ['道路积水', line('DRAINAGE')],
  ['架空线缆', line('POWER')],
  ['水域', line('WATERWAY')],
  ['绿地脏乱', line('LANDSCAPING')],
  ['流浪乞讨', line('CIVIL-AFFAIRS')],
  ['工地扬尘', line('CONSTRUCTION')],
  ['施工废弃料', line('CONSTRUCTION')],
  ['施工安全', line('CONSTRUCTION')],
  ['施工现场', line('CONSTRUCTION')],
  ['搅拌', line('CONSTRUCTION')],
  ['养犬', line('PSB')],
  ['流浪犬', line('PSB')],
  ['违规户外广告', { kind: 'territory', alternative: 'ENFORCE' }],
  ['违规招牌', { kind: 'territory', alternative: 'ENFORCE' }],
  ['乱堆物料', { kind: 'territory', alternative: 'ENFORCE' }],
];

/** A 部件's default handling unit when its census record names nobody (null: the territory). */
const COMPONENT_KEYWORDS: readonly (readonly [string, string | null])[] = [
  ['不明井盖', 'MUNICIPAL'],
  // 交通信号 contains 通信: the traffic words must come before the telecom ones.
  ['交通信号', 'TRAFFIC'],
  ['交通标志', 'TRAFFIC'],
  ['交通标线', 'TRAFFIC'],
  ['化粪池', null],
  ['园林井盖', 'LANDSCAPING'],
  ['上水', 'WATER'],
  ['供水', 'WATER'],
  ['消火栓', 'WATER'],
  ['消防栓', 'WATER'],
  ['污水', 'DRAINAGE'],
  ['雨水', 'DRAINAGE'],
  ['电力', 'POWER'],
  ['配电', 'POWER'],
  ['变电', 'POWER'],
  ['通信', 'TELECOM'],
  ['燃气', 'GAS'],
  ['路灯', 'LIGHTING'],
  ['景观灯', 'LIGHTING'],
  ['智慧杆', 'LIGHTING'],
  ['诱导屏', 'TRAFFIC'],
  ['反光镜', 'TRAFFIC'],
  ['公交', 'TRANSIT'],
  ['公共自行车', 'TRANSIT'],
  ['监控', 'PSB'],
  ['治安', 'PSB'],
  ['邮筒', 'POST'],
  ['厕所', 'SANITATION'],
  ['果皮箱', 'SANITATION'],
  ['垃圾', 'SANITATION'],
  ['环卫', 'SANITATION'],
  ['河道', 'WATERWAY'],
  ['驳岸', 'WATERWAY'],
  ['河埠', 'WATERWAY'],
  ['防汛', 'WATERWAY'],
  ['救生', 'WATERWAY'],
  ['树', 'LANDSCAPING'],
  ['绿', 'LANDSCAPING'],
  ['花', 'LANDSCAPING'],
  ['园林', 'LANDSCAPING'],
  ['桥', 'MUNICIPAL'],
  ['地下通道', 'MUNICIPAL'],
  ['护栏', 'MUNICIPAL'],
  ['盲道', 'MUNICIPAL'],
  ['减速带', 'MUNICIPAL'],
  ['路名牌', 'MUNICIPAL'],
  ['座椅', 'MUNICIPAL'],
  ['阻车桩', 'MUNICIPAL'],
  ['限高架', 'MUNICIPAL'],
  ['隔离墩', 'MUNICIPAL'],
  ['井盖', 'MUNICIPAL'],
];

/** The taxonomy's 责任主体 kinds (taxonomy UNIT_KIND_LABELS) that name one district unit. */
const KIND_UNITS: Readonly<Record<string, string>> = {
  water: 'WATER',
  drainage: 'DRAINAGE',
  power: 'POWER',
  telecom: 'TELECOM',
  gas: 'GAS',
  municipal: 'MUNICIPAL',
  sanitation: 'SANITATION',
  landscaping: 'LANDSCAPING',
  traffic: 'TRAFFIC',
  transit: 'TRANSIT',
  fire: 'FIRE',
  public_security: 'PSB',
  post: 'POST',
  waterway: 'WATERWAY',
  construction: 'CONSTRUCTION',
  ecology: 'ECOLOGY',
  civil_affairs: 'CIVIL-AFFAIRS',
};

/** Standard rows routed apart from their category: (category keyword, filing-condition keyword) → target. */
const STANDARD_ROUTES: readonly { category: string; condition: string; route: EventRoute; why: string }[] = [
  { category: '私搭乱建', condition: '已建成', route: TERRITORY, why: '已建成违建由属地街道组织拆除' },
  {
    category: '积雪结冰',
    condition: '主要道路',
    route: line('MUNICIPAL'),
    why: '主干道、桥梁除冰由市政负责',
  },
  { category: '架空线缆', condition: '杂乱', route: TERRITORY, why: '线缆整治由属地街道牵头' },
  { category: '道路积水', condition: '下穿', route: line('MUNICIPAL'), why: '下穿通道排水由市政负责' },
];

/** 部件 whose upkeep in some streets is contracted out (GREENERY_CONTRACT). */
const GREENERY_CONTRACT_WORDS = ['行道树', '绿地', '绿篱', '花坛', '隔离带'];

function eventRoute(category: DemoCategory): EventRoute {
  for (const [word, route] of EVENT_KEYWORDS) if (category.name.includes(word)) return route;
  const kind = category.responsibleUnitKind ?? '';
  if (kind === 'urban_management') return SQUAD;
  const unit = Object.hasOwn(KIND_UNITS, kind) ? KIND_UNITS[kind] : undefined;
  return unit === undefined ? TERRITORY : line(unit);
}

function componentDefault(category: DemoCategory): string | null {
  for (const [word, unit] of COMPONENT_KEYWORDS) if (category.name.includes(word)) return unit;
  const kind = category.responsibleUnitKind ?? '';
  return Object.hasOwn(KIND_UNITS, kind) ? KIND_UNITS[kind]! : null;
}

const compareCategories = (a: DemoCategory, b: DemoCategory): number =>
  a.type !== b.type
    ? a.type < b.type
      ? -1
      : 1
    : a.majorCode !== b.majorCode
      ? a.majorCode < b.majorCode
        ? -1
        : 1
      : a.minorCode < b.minorCode
        ? -1
        : a.minorCode > b.minorCode
          ? 1
          : 0;

export function generateDemoRules(input: DemoRuleSetInput): DemoRuleSet {
  const streets = input.streets ?? SHANGCHENG_STREETS;
  const streetCodes = new Set(streets.map((s) => s.code));
  const streetName = new Map(streets.map((s) => [s.code, s.name]));
  const unitName = new Map(input.units.map((u) => [u.code, u.name]));
  const nameOf = (code: string) => unitName.get(code) ?? code;
  const rules: Rule[] = [];
  const omitted: DemoRuleSet['omitted'] = [];
  const ids = new Set<string>();

  const add = (
    id: string,
    name: string,
    priority: number,
    match: Rule['match'],
    target: RuleTarget,
  ): void => {
    if (ids.has(id)) return; // two categories with the same codes: the first one's rules stand
    ids.add(id);
    if ('unitCode' in target && !unitName.has(target.unitCode)) {
      omitted.push({ ruleId: id, unitCode: target.unitCode });
      return;
    }
    rules.push({ id, name, priority, enabled: true, match, target });
  };

  const categories = [...input.categories].sort(compareCategories);
  const routes = new Map<DemoCategory, EventRoute>();

  for (const category of categories) {
    const { type, majorCode, minorCode, name } = category;
    const key = `${type === 'component' ? 'C' : 'E'}${majorCode}${minorCode}`;
    const match = { categoryType: type, majorCode, minorCode };

    if (type === 'component') {
      add(`${key}-MAINT`, `${name}→部件养护单位`, PRIORITY.maintainer, match, { principle: 'maintainer' });
      add(`${key}-OWNER`, `${name}→部件权属单位`, PRIORITY.catalogue, match, { principle: 'owner' });
      const unit = componentDefault(category);
      if (unit === null) {
        add(`${key}-TERR`, `${name}→属地街道`, PRIORITY.catalogue, match, { principle: 'territory' });
      } else {
        add(`${key}-DEFAULT`, `${name}→${nameOf(unit)}`, PRIORITY.catalogue, match, { unitCode: unit });
      }
      if (unit === 'LANDSCAPING' && GREENERY_CONTRACT_WORDS.some((w) => name.includes(w))) {
        for (const street of GREENERY_CONTRACT.streetCodes.filter((s) => streetCodes.has(s))) {
          add(
            `${key}-${street}`,
            `${streetName.get(street) ?? street}${name}→绿化养护作业单位`,
            PRIORITY.contract,
            { ...match, regionCodes: [street] },
            { unitCode: GREENERY_CONTRACT.unitCode },
          );
        }
      }
      if (name.includes('上水井盖')) {
        for (const street of WATER_COVER_CONTRACT.streetCodes.filter((s) => streetCodes.has(s))) {
          add(
            `${key}-${street}-${WATER_COVER_CONTRACT.ownerUnitCode}`,
            `${streetName.get(street) ?? street}供水公司${name}→东片维修作业单位`,
            PRIORITY.contract,
            {
              ...match,
              regionCodes: [street],
              componentOwner: 'owner',
              componentUnitCodes: [WATER_COVER_CONTRACT.ownerUnitCode],
            },
            { unitCode: WATER_COVER_CONTRACT.unitCode },
          );
        }
      }
      continue;
    }

    const route = eventRoute(category);
    routes.set(category, route);
    switch (route.kind) {
      case 'sanitation':
        add(`${key}-TERR`, `${name}→属地街道`, PRIORITY.catalogue, match, { principle: 'territory' });
        for (const lot of CLEANING_LOTS) {
          for (const street of lot.streetCodes.filter((s) => streetCodes.has(s))) {
            add(
              `${key}-${street}`,
              `${streetName.get(street) ?? street}${name}→保洁作业单位`,
              PRIORITY.catalogue,
              { ...match, regionCodes: [street] },
              { unitCode: lot.unitCode },
            );
          }
        }
        break;
      case 'squad':
        for (const street of streets) {
          add(
            `${key}-${street.code}`,
            `${street.name}${name}→街道综合行政执法队`,
            PRIORITY.catalogue,
            { ...match, regionCodes: [street.code] },
            { unitCode: streetSquadCode(street.code) },
          );
        }
        // When the street is unknown the district squad takes it rather than the fallback desk.
        add(`${key}-ENF`, `${name}→${nameOf('ENFORCE')}`, PRIORITY.catalogue, match, { unitCode: 'ENFORCE' });
        break;
      case 'territory':
        add(`${key}-TERR`, `${name}→属地街道`, PRIORITY.catalogue, match, { principle: 'territory' });
        if (route.alternative !== undefined) {
          add(`${key}-LINE`, `${name}→${nameOf(route.alternative)}（后属主）`, PRIORITY.catalogue, match, {
            unitCode: route.alternative,
          });
        }
        break;
      case 'line':
        add(`${key}-LINE`, `${name}→${nameOf(route.unitCode)}`, PRIORITY.catalogue, match, {
          unitCode: route.unitCode,
        });
        break;
    }

    if (name.includes('垃圾分类')) {
      for (const community of SORTING_PILOT_COMMUNITIES) {
        if (!streetCodes.has(community.code.slice(0, 9))) continue;
        add(
          `${key}-${community.code}`,
          `${community.name}${name}→垃圾分类督导（试点）`,
          PRIORITY.catalogue,
          { ...match, regionCodes: [community.code] },
          { unitCode: 'SO-SORT' },
        );
      }
    }

    for (const standard of input.standards ?? []) {
      if (standard.type !== type || standard.majorCode !== majorCode || standard.minorCode !== minorCode) {
        continue;
      }
      const special = STANDARD_ROUTES.find(
        (s) => name.includes(s.category) && standard.filingCondition.includes(s.condition),
      );
      if (special === undefined) continue;
      const target: RuleTarget =
        special.route.kind === 'line' ? { unitCode: special.route.unitCode } : { principle: 'territory' };
      add(
        `${key}-STD-${standard.id}`,
        `${name}（${special.why}）`,
        PRIORITY.catalogue,
        {
          ...match,
          standardId: standard.id,
        },
        target,
      );
    }
  }

  addZoneRules(categories, routes, add, nameOf);
  return { rules, omitted, fallbackUnitCode: DEMO_FALLBACK_UNIT_CODE };
}

/**
 * Special zones take whole category majors: for 事件, the majors mostly handled on the ground (more minors
 * routed to the territory, squads or cleaning than to line departments); the historic block takes the majors
 * holding street-order offences; the CBD takes the greenery 部件 major.
 */
function addZoneRules(
  categories: readonly DemoCategory[],
  routes: ReadonlyMap<DemoCategory, EventRoute>,
  add: (id: string, name: string, priority: number, match: Rule['match'], target: RuleTarget) => void,
  nameOf: (unitCode: string) => string,
): void {
  const groundMajors = new Set<string>();
  const squadMajors = new Set<string>();
  const greeneryMajors = new Set<string>();
  const tally = new Map<string, { ground: number; line: number; greenery: number; all: number }>();
  for (const category of categories) {
    const key = `${category.type}|${category.majorCode}`;
    const t = tally.get(key) ?? { ground: 0, line: 0, greenery: 0, all: 0 };
    t.all++;
    const route = routes.get(category);
    if (route !== undefined) {
      if (route.kind === 'line') t.line++;
      else t.ground++;
      if (route.kind === 'squad') squadMajors.add(category.majorCode);
    } else if (componentDefault(category) === 'LANDSCAPING') {
      t.greenery++;
    }
    tally.set(key, t);
  }
  for (const [key, t] of tally) {
    const [type, major] = key.split('|') as [CategoryType, string];
    if (type === 'event' && t.ground > t.line) groundMajors.add(major);
    if (type === 'component' && t.greenery * 2 > t.all) greeneryMajors.add(major);
  }
  const zone = (code: string): DemoArea => DEMO_AREAS.find((a) => a.code === code)!;
  const sortedCodes = (set: Set<string>) => [...set].sort();
  const addZone = (area: DemoArea, type: CategoryType, majors: readonly string[]) => {
    for (const major of majors) {
      add(
        `${type === 'component' ? 'C' : 'E'}${major}-${area.code}`,
        `${area.name.replace(/（.*）$/, '')}内${type === 'component' ? '部件' : '事件'}（大类 ${major}）→${nameOf(area.unitCode)}`,
        PRIORITY.zone,
        { categoryType: type, majorCode: major, polygon: area.polygon },
        { unitCode: area.unitCode },
      );
    }
  };
  addZone(zone('WESTLAKE'), 'event', sortedCodes(groundMajors));
  addZone(
    zone('HEFANG'),
    'event',
    sortedCodes(squadMajors).filter((m) => groundMajors.has(m)),
  );
  addZone(zone('HUB-EAST'), 'event', sortedCodes(groundMajors));
  addZone(zone('QIANJIANG-CBD'), 'component', sortedCodes(greeneryMajors));
}
