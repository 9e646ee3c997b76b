/**
 * Kinds of unit (单位类别) a category names as its default supervisor (监管主体) and handler (责任主体). The
 * organisation module will map a kind plus a place to a concrete unit; until then the taxonomy can only say
 * what kind of unit is meant. The Chinese labels are what the Excel sheet shows; both the code and the label
 * are accepted on import.
 */
export const UNIT_KIND_LABELS = {
  street: '街道办事处',
  urban_management: '城市管理综合执法',
  municipal: '市政设施养护',
  sanitation: '环境卫生',
  landscaping: '园林绿化',
  traffic: '公安交通管理',
  transit: '公共交通',
  water: '供水',
  drainage: '排水',
  power: '电力',
  telecom: '通信',
  gas: '燃气',
  fire: '消防救援',
  public_security: '公安',
  ecology: '生态环境',
  construction: '住房和城乡建设',
  planning: '规划和自然资源',
  market: '市场监督管理',
  civil_affairs: '民政',
  waterway: '河道管理',
  post: '邮政',
  sports: '体育',
  property: '物业服务企业',
  owner: '权属单位',
} as const;

export type UnitKind = keyof typeof UNIT_KIND_LABELS;

export const UNIT_KINDS = Object.keys(UNIT_KIND_LABELS) as UnitKind[];

export function isUnitKind(value: unknown): value is UnitKind {
  return typeof value === 'string' && Object.hasOwn(UNIT_KIND_LABELS, value);
}

/** Reads a unit kind from its code (`sanitation`) or its label (`环境卫生`); null when it is neither. */
export function unitKindFromText(text: string): UnitKind | null {
  const trimmed = text.trim();
  if (isUnitKind(trimmed)) return trimmed;
  return UNIT_KINDS.find((kind) => UNIT_KIND_LABELS[kind] === trimmed) ?? null;
}
