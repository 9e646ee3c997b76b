/**
 * The vocabulary of responsibility rules (权责 / 派遣规则): who handles a case of this category at this place.
 * Plain data only, so rules can be stored as JSON and a trace can be sent to the dispatcher as is.
 * How the types are used is in docs/dispatch.md.
 */

/** 部件 (a public facility) or 事件 (an act or condition), CONVENTIONS.md. */
export type CategoryType = 'component' | 'event';

export const CATEGORY_TYPES: readonly CategoryType[] = ['component', 'event'];

/**
 * Kinds of unit as the organisation module defines them. Dispatch cares about two groups: territorial units
 * (street offices and communities — 属地) and everything else (line departments, utilities, contractors — 条).
 */
export type DispatchUnitKind =
  'bureau' | 'department' | 'street_office' | 'community' | 'contractor' | 'social_org';

export const DISPATCH_UNIT_KINDS: readonly DispatchUnitKind[] = [
  'bureau',
  'department',
  'street_office',
  'community',
  'contractor',
  'social_org',
];

/**
 * A handling unit (处置单位) as dispatch sees it: exactly the shape the organisation module provides.
 * `regionCodes` is the territory a street office or community covers (street / community / grid codes); other
 * units may list the region they serve, which dispatch uses only for documentation. `parentCode` matters for
 * one thing: a unit whose parent is a street office or community (e.g. a street's 综合行政执法队) counts as
 * territorial (属地) when principles break ties.
 */
export interface DispatchUnit {
  code: string;
  name: string;
  kind: DispatchUnitKind;
  parentCode: string | null;
  regionCodes: readonly string[];
  active: boolean;
}

/** The case's regions, already geocoded by the caller (the geo module). Missing levels are simply unknown. */
export interface CaseRegions {
  gridCode?: string | null;
  communityCode?: string | null;
  streetCode?: string | null;
  districtCode?: string | null;
}

/** The census record (部件普查) a component case is about, with its 权属单位 and 养护单位 when known. */
export interface CaseComponent {
  id: string;
  ownerUnitCode?: string | null;
  maintainerUnitCode?: string | null;
}

/** What dispatch needs to know about a case. */
export interface CaseFacts {
  categoryType: CategoryType;
  majorCode: string;
  minorCode: string;
  /** The 立结案标准 row the case was filed against (the taxonomy's stable id, e.g. `E-0101-2`). */
  standardId?: string | null;
  /** WGS-84 degrees. Needed only by polygon rules. */
  location?: { lng: number; lat: number } | null;
  regions: CaseRegions;
  component?: CaseComponent | null;
}

/** A GeoJSON position `[lng, lat]` in WGS-84 degrees (further members, e.g. altitude, are ignored). */
export type LngLat = readonly number[];

export interface RulePolygon {
  type: 'Polygon';
  /** Exterior ring first, then holes; rings closed (first position = last). */
  coordinates: readonly (readonly LngLat[])[];
}

export interface RuleMultiPolygon {
  type: 'MultiPolygon';
  coordinates: readonly (readonly (readonly LngLat[])[])[];
}

export type RuleArea = RulePolygon | RuleMultiPolygon;

/** Which of a component's units a rule is about: 权属单位 (owner) or 养护单位 (maintainer). */
export type ComponentRole = 'owner' | 'maintainer';

/**
 * When a rule applies. Every condition given must hold; an absent condition matches anything.
 * Category conditions nest: `majorCode` needs `categoryType`, `minorCode` needs `majorCode`, `standardId` needs
 * `minorCode` (a 小类 code only means something inside its 大类).
 */
export interface RuleMatch {
  categoryType?: CategoryType;
  majorCode?: string;
  minorCode?: string;
  standardId?: string;
  /**
   * Region codes of any level — district (6 digits), street (9), community (12), grid (14 or 15). A case matches
   * when its own code at a listed code's level equals it.
   */
  regionCodes?: readonly string[];
  /** An area drawn on the map (WGS-84); the case's location must lie inside it. */
  polygon?: RuleArea;
  /** Applies only to a case whose component has a known unit in this role. */
  componentOwner?: ComponentRole;
  /**
   * Applies only when the component's unit in the `componentOwner` role (owner when not given) is one of these,
   * e.g. "上水井盖 owned by WATER in 九堡 → WATER's contractor".
   */
  componentUnitCodes?: readonly string[];
}

/**
 * Where a rule sends a case: a fixed unit, or a unit found from the case — the component's owner or maintainer
 * (属主), or the territorial street office / community (属地).
 */
export type RuleTarget = { unitCode: string } | { principle: 'owner' | 'maintainer' | 'territory' };

export interface Rule {
  id: string;
  name: string;
  /** Higher first. */
  priority: number;
  enabled: boolean;
  match: RuleMatch;
  target: RuleTarget;
}

/** The precedence class of a rule's target, used when priorities and specificity tie (先属主 / 先属地). */
export type TargetClass = 'owner' | 'line' | 'territory';

/** How the chosen unit was found. */
export type ResolvedVia = 'unit' | 'owner' | 'maintainer' | 'territory' | 'fallback';

/**
 * Which step of the ladder chose: an explicit rule, the built-in owner step (部件先属主), the built-in
 * territory step (事件先属地 / 部件后属地), or the district fallback (属地兜底).
 */
export type ResolutionPrinciple = 'rule' | 'owner_first' | 'territory_first' | 'fallback';

export const BUILTIN_OWNER = 'builtin:owner';
export const BUILTIN_TERRITORY = 'builtin:territory';
export const BUILTIN_FALLBACK = 'builtin:fallback';
export type BuiltinStepId = typeof BUILTIN_OWNER | typeof BUILTIN_TERRITORY | typeof BUILTIN_FALLBACK;

/** Why a step was chosen. */
export type ChosenReason =
  'RULE_MATCHED' | 'MAINTAINER_UNIT' | 'OWNER_UNIT' | 'TERRITORY_UNIT' | 'FALLBACK_UNIT';

/** Why a rule's own conditions did not hold for the case. */
export type MismatchReason =
  | 'DISABLED'
  | 'CATEGORY_MISMATCH'
  | 'OUTSIDE_AREA'
  | 'NOT_LOCATED'
  | 'NO_COMPONENT'
  | 'NO_OWNER'
  | 'OWNER_MISMATCH';

/** Why a rule (or a built-in step) whose conditions held could not name an active unit. */
export type TargetFailureReason =
  'NO_COMPONENT' | 'NO_OWNER' | 'NOT_LOCATED' | 'NO_TERRITORY_UNIT' | 'UNIT_UNKNOWN' | 'UNIT_INACTIVE';

/** The criterion on which a rule that also matched came after the chosen one (rule-order.ts). */
export type PrecedenceReason =
  'LOWER_PRIORITY' | 'LESS_SPECIFIC_CATEGORY' | 'LARGER_AREA' | 'PRINCIPLE_ORDER' | 'HIGHER_RULE_ID';

/** Why a step was passed over. */
export type SkipReason = MismatchReason | TargetFailureReason | PrecedenceReason;

export type TraceReason = ChosenReason | SkipReason;

/**
 * One line of "why here?": a rule id (or a built-in step), whether it was chosen or passed over, a stable
 * reason code for machines and a Chinese sentence for people. `unitCode` names the unit the step would have
 * sent to, when it got that far.
 */
export type TraceStep =
  | { ruleId: string; outcome: 'chosen'; reason: ChosenReason; message: string; unitCode: string }
  | { ruleId: string; outcome: 'skipped'; reason: SkipReason; message: string; unitCode?: string };

export interface Resolution {
  /** Always an active unit. */
  unit: DispatchUnit;
  /** The explicit rule that chose, or null when a built-in step did. */
  rule: { id: string; name: string } | null;
  principle: ResolutionPrinciple;
  via: ResolvedVia;
  /**
   * In evaluation order. Exactly one step is `chosen`; the steps before it were tried and failed, the rule steps
   * after it matched too but lost to it on precedence.
   */
  trace: TraceStep[];
  /** Skipped rule steps left out of the trace to keep it short (their count, not their content). */
  omittedSteps: number;
  /** Rules of other categories, never looked at because the index keeps them apart. */
  otherCategoryRules: number;
}
