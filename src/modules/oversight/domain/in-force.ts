/**
 * Which published version of the power list is in force on a date. Versions take effect on a tenant-local
 * date; a version stays in force until the next one's date. Effective dates never go backwards in version
 * order (publishProblem refuses that), and when two versions share a date the later one replaces the earlier
 * from that day: the earlier was never in force.
 */

export interface DatedVersion {
  version: number;
  /** YYYY-MM-DD, tenant-local. */
  effectiveFrom: string;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(text: string): boolean {
  const m = LOCAL_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The day before a YYYY-MM-DD date. */
export function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const later = (a: DatedVersion, b: DatedVersion): boolean =>
  a.effectiveFrom > b.effectiveFrom || (a.effectiveFrom === b.effectiveFrom && a.version > b.version);

/** The version in force on `on` (YYYY-MM-DD), or null before the first version took effect. */
export function versionInForce<T extends DatedVersion>(versions: readonly T[], on: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.effectiveFrom <= on && (best === null || later(v, best))) best = v;
  }
  return best;
}

export type VersionStatus = 'superseded' | 'inForce' | 'scheduled' | 'neverInForce';

export interface VersionPeriod {
  version: number;
  effectiveFrom: string;
  /** Last day in force (inclusive); null while no later version is scheduled. */
  effectiveTo: string | null;
  status: VersionStatus;
}

/** Each version's period and status on `today`: the public change history (变更记录). */
export function versionPeriods(versions: readonly DatedVersion[], today: string): VersionPeriod[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const inForce = versionInForce(sorted, today);
  return sorted.map((v, i) => {
    const next = sorted.slice(i + 1).find((n) => n.effectiveFrom >= v.effectiveFrom);
    const replacedSameDay = next !== undefined && next.effectiveFrom === v.effectiveFrom;
    const status: VersionStatus = replacedSameDay
      ? 'neverInForce'
      : inForce?.version === v.version
        ? 'inForce'
        : v.effectiveFrom > today
          ? 'scheduled'
          : 'superseded';
    return {
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: next !== undefined && !replacedSameDay ? previousDay(next.effectiveFrom) : null,
      status,
    };
  });
}

export type PublishDateProblem =
  | { code: 'INVALID_DATE'; message: string }
  | { code: 'EFFECTIVE_DATE_IN_PAST'; message: string }
  | { code: 'EFFECTIVE_DATE_BEFORE_PREVIOUS'; message: string };

/**
 * Whether a new version may take effect on `effectiveFrom`. The first list of a tenant may record a past
 * date (the list already in force when the platform started); every later version takes effect today or
 * later, never before the latest published version — what was in force yesterday is never rewritten.
 */
export function publishDateProblem(
  latest: DatedVersion | null,
  effectiveFrom: string,
  today: string,
): PublishDateProblem | null {
  if (!isLocalDate(effectiveFrom)) {
    return { code: 'INVALID_DATE', message: `${effectiveFrom} is not a date (YYYY-MM-DD)` };
  }
  if (latest === null) return null;
  if (effectiveFrom < today) {
    return {
      code: 'EFFECTIVE_DATE_IN_PAST',
      message: `a new version cannot take effect before today (${today}); ${effectiveFrom} is in the past`,
    };
  }
  if (effectiveFrom < latest.effectiveFrom) {
    return {
      code: 'EFFECTIVE_DATE_BEFORE_PREVIOUS',
      message: `version ${latest.version} takes effect on ${latest.effectiveFrom}; a later version cannot take effect earlier`,
    };
  }
  return null;
}
