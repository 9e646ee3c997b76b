import type { TimeUnit } from '../../calendar/index.js';
import type { UnitKind } from './unit-kinds.js';

/**
 * The 部件/事件 taxonomy and its 立结案标准 as plain JSON-serialisable data. A case stores the taxonomy version it
 * was filed under and the stable id of the standard row it was filed against, so every type here is a value:
 * no classes, no Dates, no Maps.
 */

/** 部件 (`component`): a public facility; 事件 (`event`): an act or condition that spoils the city (CONVENTIONS.md). */
export const CATEGORY_KINDS = ['component', 'event'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

/** 大类. `code` is two digits, '01'…'99'; codes from LOCAL_EXTENSION_FLOOR up are local extensions. */
export interface MajorCategory {
  kind: CategoryKind;
  code: string;
  name: string;
}

/** 小类, with the attributes a 立结案标准 table gives once per minor category. */
export interface MinorCategory {
  kind: CategoryKind;
  majorCode: string;
  code: string;
  name: string;
  /** 法律依据: the instruments (and articles, where certain) that oblige someone to act; '' when none is cited. */
  legalBasis: string;
  /** 采集要求: what the inspector must capture on site (photos, ids, exclusions); '' when nothing special. */
  collectionRequirements: string;
  /** 监管主体: the kind of department that supervises this category. Concrete units come with the org module. */
  supervisingUnitKind: UnitKind | null;
  /** 责任主体: the kind of unit that handles it by default, before dispatch rules pick a concrete unit. */
  responsibleUnitKind: UnitKind | null;
}

/** 处置时限: an amount of one of the calendar's time-limit units, e.g. { amount: 2, unit: 'urgent_hour' }. */
export interface TimeLimit {
  amount: number;
  unit: TimeUnit;
}

/**
 * One 立结案标准 row: a filing condition (立案条件) with its time limit (处置时限) and closing condition (结案条件).
 * `id` is stable across versions (`E-0102-1` = 事件 01 02, row 1): an edit keeps the id and produces a new
 * taxonomy version; a case refers to (version, id).
 */
export interface Standard {
  id: string;
  kind: CategoryKind;
  majorCode: string;
  minorCode: string;
  /** 标准序号 within the minor category, 1…99. The lowest is the default row. */
  seq: number;
  filingCondition: string;
  timeLimit: TimeLimit;
  closingCondition: string;
}

/** The whole table — what an Excel sheet holds and what a version freezes. */
export interface TaxonomyTable {
  majors: MajorCategory[];
  minors: MinorCategory[];
  standards: Standard[];
}

/** A published, immutable version of a tenant's table. Versions count 1, 2, 3 … per tenant. */
export interface TaxonomyVersion extends TaxonomyTable {
  version: number;
  /** 'YYYY-MM-DD' in the tenant's zone from which new cases use this version; null = on publication. */
  effectiveFrom: string | null;
  /** 修订说明: why this version exists. */
  note: string;
}

/** A tenant's display order of the major categories, per kind (cities number the event majors differently). */
export interface CategoryOrder {
  component: string[];
  event: string[];
}
