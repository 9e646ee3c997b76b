/**
 * Region codes (urban-management.md §5):
 *   district  6 digits  GB/T 2260                                   330102
 *   street    9 digits  district + 3 (统计用区划代码)                 330102001
 *   community 12 digits street + 3                                    330102001051
 *   grid      15 digits community + 3-digit sequence (Beijing DB11/T) 330102001051001
 * Each level's code begins with its parent's code, so the parent of any code is a prefix of it.
 */

export type RegionLevel = 'district' | 'street' | 'community' | 'grid';

export const REGION_LEVELS: readonly RegionLevel[] = ['district', 'street', 'community', 'grid'];

export const CODE_LENGTH: Readonly<Record<RegionLevel, number>> = {
  district: 6,
  street: 9,
  community: 12,
  grid: 15,
};

export function parentLevel(level: RegionLevel): RegionLevel | null {
  switch (level) {
    case 'district':
      return null;
    case 'street':
      return 'district';
    case 'community':
      return 'street';
    case 'grid':
      return 'community';
  }
}

/** The parent code implied by a well-formed code (its prefix), or null for a district. */
export function impliedParentCode(code: string, level: RegionLevel): string | null {
  const parent = parentLevel(level);
  return parent === null ? null : code.slice(0, CODE_LENGTH[parent]);
}

/** Why a code is malformed for its level, or null when it is fine. */
export function codeFormatError(code: string, level: RegionLevel): string | null {
  const length = CODE_LENGTH[level];
  if (!/^\d+$/.test(code)) return `a ${level} code has only digits`;
  if (code.length !== length) return `a ${level} code has ${length} digits, this one has ${code.length}`;
  if (level === 'district' && code.endsWith('00')) return 'a district code does not end in 00';
  // The part each level adds is numbered from 001.
  if (level !== 'district' && code.slice(length - 3) === '000') return `the ${level} part of the code is 000`;
  return null;
}

export function isRegionCode(code: string, level: RegionLevel): boolean {
  return codeFormatError(code, level) === null;
}

/** Unit-grid code from its community code and a 1-based sequence number (001–999). */
export function gridCode(communityCode: string, sequence: number): string {
  if (!isRegionCode(communityCode, 'community')) throw new Error(`bad community code ${communityCode}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) {
    throw new RangeError(`grid sequence ${sequence} is outside 1–999`);
  }
  return communityCode + String(sequence).padStart(3, '0');
}
