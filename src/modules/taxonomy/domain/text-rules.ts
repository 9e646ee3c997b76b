/**
 * Rules for the free-text fields. Texts are stored trimmed so that a sheet round trip (which trims every cell)
 * reproduces them exactly; lengths are capped so a pasted document does not end up in a condition cell.
 */
export const TEXT_LIMITS = {
  name: 40,
  condition: 500,
  legalBasis: 1000,
  collectionRequirements: 1000,
} as const;

export type TextField = keyof typeof TEXT_LIMITS;

/** Why a text is unacceptable, or null. `required` texts must not be empty. */
export function textProblem(value: unknown, field: TextField, required: boolean): string | null {
  if (typeof value !== 'string') return '应为文本';
  if (value !== value.trim()) return '首尾不得有空白';
  if (required && value === '') return '不得为空';
  const length = [...value].length;
  if (length > TEXT_LIMITS[field]) return `长度${length}超过上限${TEXT_LIMITS[field]}字`;
  return null;
}
