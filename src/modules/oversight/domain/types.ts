import type { TimeUnit } from '../../calendar/index.js';

/**
 * The power list (权力清单) and its responsibility list (责任清单) as plain JSON values: a published version is
 * stored whole and never changes, a case keeps (version, item code) — so there are no classes, Dates or Maps
 * here. Field meanings follow the domain reference §8 (enforcement-and-oversight.md) and docs/oversight.md.
 */

/** 权力类型 (domain §8.1). Code names in English, labels in Chinese. */
export const POWER_TYPES = [
  'licensing',
  'penalty',
  'coercion',
  'inspection',
  'levy',
  'benefit',
  'confirmation',
  'reward',
  'adjudication',
  'other',
] as const;
export type PowerType = (typeof POWER_TYPES)[number];

export const POWER_TYPE_LABELS: Readonly<Record<PowerType, string>> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  inspection: '行政检查',
  levy: '行政征收',
  benefit: '行政给付',
  confirmation: '行政确认',
  reward: '行政奖励',
  adjudication: '行政裁决',
  other: '其他行政权力',
};

/** 权力来源: held by law, entrusted (委托) or devolved (下放) by a higher authority. */
export const POWER_SOURCES = ['statutory', 'entrusted', 'devolved'] as const;
export type PowerSource = (typeof POWER_SOURCES)[number];
export const POWER_SOURCE_LABELS: Readonly<Record<PowerSource, string>> = {
  statutory: '法定',
  entrusted: '委托',
  devolved: '下放',
};

/**
 * Stages a responsibility (责任事项) belongs to: the penalty stages (立案 … 执行), the licensing stages
 * (受理 … 事后监管) and the case loop's own steps (派遣, 处置, 核查, 结案).
 */
export const RESPONSIBILITY_STAGES = [
  'accept',
  'file',
  'investigate',
  'review',
  'notify',
  'decide',
  'serve',
  'execute',
  'dispatch',
  'handle',
  'check',
  'close',
  'supervise',
  'other',
] as const;
export type ResponsibilityStage = (typeof RESPONSIBILITY_STAGES)[number];
export const STAGE_LABELS: Readonly<Record<ResponsibilityStage, string>> = {
  accept: '受理',
  file: '立案',
  investigate: '调查取证',
  review: '审查',
  notify: '告知',
  decide: '决定',
  serve: '送达',
  execute: '执行',
  dispatch: '派遣',
  handle: '处置',
  check: '核查',
  close: '结案',
  supervise: '事后监管',
  other: '其他',
};

/** One legal provision the power rests on; `article` as written in the instrument (e.g. '第十六条', 'Art. 16'). */
export interface LegalBasis {
  law: string;
  article: string;
  /** The provision in the project's own words (or a short quotation of the article); '' when not given. */
  text: string;
}

/** A time limit in one of the calendar's units (work_day, natural_day, working_day, urgent_hour …). */
export interface PowerTimeLimit {
  value: number;
  unit: TimeUnit;
}

/** A street office (街道办事处) allowed to exercise the power (domain §7.3). */
export interface Delegation {
  unitCode: string;
  /** e.g. '限于城管职权范围内'; '' when unrestricted. */
  scopeRemark: string;
}

export interface Responsibility {
  stage: ResponsibilityStage;
  /** What the body must do at this stage (责任事项). */
  duty: string;
  /** Where the duty comes from (责任事项依据); '' when the item's legal basis covers it. */
  basis: string;
}

/** 追责情形: a failing for which staff are held to account, and the provision that says so. */
export interface AccountabilityCase {
  situation: string;
  basis: string;
}

export interface PowerItem {
  /** 权力编码, stable across versions: letters, digits and '-' (e.g. 'SC-CF-0016'). */
  code: string;
  name: string;
  type: PowerType;
  source: PowerSource;
  /** Org unit codes: 实施机关, 受理机构, 决定机构. */
  implementingUnitCode: string;
  acceptingUnitCode: string;
  decidingUnitCode: string;
  delegations: Delegation[];
  legalBasis: LegalBasis[];
  /** 法定期限; null when the law sets none. */
  statutoryLimit: PowerTimeLimit | null;
  /** 承诺期限: never longer than the statutory limit when both are in the same unit. */
  promisedLimit: PowerTimeLimit | null;
  /** 是否可适用简易程序 (penalty items). */
  simpleProcedureAllowed: boolean;
  responsibilities: Responsibility[];
  accountability: AccountabilityCase[];
}

/** What a version holds besides its metadata. */
export interface PowerList {
  items: PowerItem[];
  /** The item every case of the closed loop exercises (城市管理问题受理处置); null when none is marked. */
  caseLoopItemCode: string | null;
}

export interface PowerListVersion extends PowerList {
  version: number;
  /** Tenant-local date (YYYY-MM-DD) from which this version is the list in force. */
  effectiveFrom: string;
  note: string;
  publishedAt: string;
}

/** The fields of an item a diff compares, in display order. */
export const POWER_ITEM_FIELDS = [
  'name',
  'type',
  'source',
  'implementingUnitCode',
  'acceptingUnitCode',
  'decidingUnitCode',
  'delegations',
  'legalBasis',
  'statutoryLimit',
  'promisedLimit',
  'simpleProcedureAllowed',
  'responsibilities',
  'accountability',
] as const satisfies readonly (keyof PowerItem)[];
export type PowerItemField = (typeof POWER_ITEM_FIELDS)[number];
