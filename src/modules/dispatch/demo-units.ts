/**
 * The handling units (处置单位) the demo rule set for 杭州市上城区 assumes, in the organisation module's shape.
 * The organisation module's demo seeder should create units with these codes; the component owner and
 * maintainer codes are the ones the geo module's demo components already carry (WATER, DRAINAGE, POWER,
 * TELECOM, GAS, MUNICIPAL, LIGHTING, FIRE, TRANSIT, TRAFFIC, SANITATION, LANDSCAPING).
 *
 * Names follow the district's real institutions where the role is clear; contractors, the 垃圾分类 social
 * organisation and the split of work between them are demo inventions.
 */
import type { DispatchUnit, DispatchUnitKind } from './domain/types.js';
import { SHANGCHENG_DISTRICT_CODE, SHANGCHENG_STREETS, type DemoStreet } from './demo-streets.js';

/** 属地兜底: the district's urban-management bureau and its command centre. */
export const DEMO_FALLBACK_UNIT_CODE = 'UM-BUREAU';

/** Street office code: `ST-` + street code. */
export const streetOfficeCode = (streetCode: string): string => `ST-${streetCode}`;
/** The street's 综合行政执法队 (city-management squad sent down to the street): `ZF-` + street code. */
export const streetSquadCode = (streetCode: string): string => `ZF-${streetCode}`;

/** Streets whose road cleaning is contracted out, by contract lot (标段). */
export const CLEANING_LOTS: readonly { unitCode: string; name: string; streetCodes: readonly string[] }[] = [
  {
    unitCode: 'CT-CLEAN-1',
    name: '上城区道路保洁一标段作业单位（清波、湖滨、小营、紫阳）',
    streetCodes: ['330102001', '330102003', '330102004', '330102009'],
  },
  {
    unitCode: 'CT-CLEAN-2',
    name: '上城区道路保洁二标段作业单位（彭埠、笕桥、丁兰、九堡）',
    streetCodes: ['330102015', '330102016', '330102017', '330102018'],
  },
];

/** Streets whose greenery upkeep is contracted out. */
export const GREENERY_CONTRACT = {
  unitCode: 'CT-GREEN-N',
  name: '上城区北片绿化养护作业单位（笕桥、丁兰、九堡）',
  streetCodes: ['330102016', '330102017', '330102018'],
} as const;

/** Streets where WATER has its manhole covers repaired by a contractor. */
export const WATER_COVER_CONTRACT = {
  unitCode: 'CT-WATER-E',
  name: '供水管网东片维修作业单位（彭埠、笕桥、丁兰、九堡）',
  ownerUnitCode: 'WATER',
  streetCodes: ['330102015', '330102016', '330102017', '330102018'],
} as const;

type Spec = [code: string, name: string, kind: DispatchUnitKind, parentCode: string | null];

const DISTRICT_UNITS: readonly Spec[] = [
  [DEMO_FALLBACK_UNIT_CODE, '上城区城市管理局（数字城管指挥中心）', 'bureau', null],
  ['ENFORCE', '上城区城市管理局执法大队', 'department', DEMO_FALLBACK_UNIT_CODE],
  ['MUNICIPAL', '上城区市政设施养护中心', 'department', DEMO_FALLBACK_UNIT_CODE],
  ['LIGHTING', '上城区城市照明管理所', 'department', DEMO_FALLBACK_UNIT_CODE],
  ['SANITATION', '上城区环境卫生管理中心', 'department', DEMO_FALLBACK_UNIT_CODE],
  ['LANDSCAPING', '上城区园林绿化管理中心', 'department', DEMO_FALLBACK_UNIT_CODE],
  ['WATERWAY', '上城区河道管理所', 'department', null],
  ['TRAFFIC', '杭州市公安局交通警察支队上城大队', 'department', null],
  ['PSB', '杭州市公安局上城区分局', 'bureau', null],
  ['FIRE', '上城区消防救援大队', 'department', null],
  ['CONSTRUCTION', '上城区住房和城乡建设局', 'bureau', null],
  ['ECOLOGY', '杭州市生态环境局上城分局', 'bureau', null],
  ['CIVIL-AFFAIRS', '上城区民政局', 'bureau', null],
  ['WATER', '杭州水务集团上城供水分公司', 'department', null],
  ['DRAINAGE', '杭州水务集团排水上城分公司', 'department', null],
  ['POWER', '国网杭州市上城区供电公司', 'department', null],
  ['TELECOM', '中国电信杭州分公司（上城通信管线）', 'department', null],
  ['GAS', '杭州市燃气集团上城分公司', 'department', null],
  ['TRANSIT', '杭州市公共交通集团（上城片区）', 'department', null],
  ['POST', '中国邮政杭州市上城区分公司', 'department', null],
  ['SCENIC-WESTLAKE', '杭州西湖风景名胜区管委会（湖滨、吴山片区）', 'department', null],
  ['HEFANG', '清河坊历史街区管理办公室', 'department', null],
  ['HUB-EAST', '杭州东站枢纽管理委员会', 'department', null],
  ['QIANJIANG-CBD', '钱江新城管理委员会（城市管理处）', 'department', null],
  ['SO-SORT', '上城区垃圾分类督导志愿服务中心', 'social_org', null],
];

/** Every unit the demo rule set names, all active. Deterministic: same streets, same list. */
export function demoDispatchUnits(streets: readonly DemoStreet[] = SHANGCHENG_STREETS): DispatchUnit[] {
  const units: DispatchUnit[] = DISTRICT_UNITS.map(([code, name, kind, parentCode]) => ({
    code,
    name,
    kind,
    parentCode,
    regionCodes: code === DEMO_FALLBACK_UNIT_CODE ? [SHANGCHENG_DISTRICT_CODE] : [],
    active: true,
  }));
  for (const lot of CLEANING_LOTS) {
    units.push({
      code: lot.unitCode,
      name: lot.name,
      kind: 'contractor',
      parentCode: 'SANITATION',
      regionCodes: [...lot.streetCodes],
      active: true,
    });
  }
  units.push({
    code: GREENERY_CONTRACT.unitCode,
    name: GREENERY_CONTRACT.name,
    kind: 'contractor',
    parentCode: 'LANDSCAPING',
    regionCodes: [...GREENERY_CONTRACT.streetCodes],
    active: true,
  });
  units.push({
    code: WATER_COVER_CONTRACT.unitCode,
    name: WATER_COVER_CONTRACT.name,
    kind: 'contractor',
    parentCode: 'WATER',
    regionCodes: [...WATER_COVER_CONTRACT.streetCodes],
    active: true,
  });
  for (const street of streets) {
    units.push({
      code: streetOfficeCode(street.code),
      name: `${street.name}办事处`,
      kind: 'street_office',
      parentCode: null,
      regionCodes: [street.code],
      active: true,
    });
    units.push({
      code: streetSquadCode(street.code),
      name: `${street.name}综合行政执法队`,
      kind: 'department',
      parentCode: streetOfficeCode(street.code),
      regionCodes: [street.code],
      active: true,
    });
  }
  return units;
}
