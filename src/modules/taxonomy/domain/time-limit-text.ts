import type { TimeUnit } from '../../calendar/index.js';
import type { TimeLimit } from './types.js';

/**
 * 处置时限 as a city's table writes it: an amount followed by a unit word, e.g. `2紧急工作时`, `4工作时`,
 * `1工作日`, `3自然日`. The formatter always writes the canonical word; the parser reads the canonical words
 * and a few spellings found in real tables.
 *
 * Canonical words (one per unit, none a suffix-ambiguity of another once the amount is stripped):
 *   紧急工作时 = urgent_hour   continuous hours: nights, weekends and holidays count
 *   工作时     = work_hour     office hours on working days
 *   工作日     = work_day      one working day's office time
 *   自然日     = natural_day   continuous 24-hour days
 *   日(法定)   = calendar_day  a legal period in days (民法典 rules: the first day is not counted …)
 *   工作日(法定) = working_day a legal period in working days
 *
 * Accepted alternatives: full-width brackets `日（法定）`; a `个` between amount and word (`3个工作日`); spaces;
 * full-width digits. Practice aliases, reported back so an import can warn: `小时` → 工作时 and `天` → 工作日 (the
 * normalisation used when the 运城 table was pre-processed), `紧急工作日` → 自然日 (domain reference §10.1).
 * A bare `日` is refused: it could mean 工作日 or 日(法定), and a deadline must not depend on a guess.
 */
export const TIME_UNIT_WORDS: Readonly<Record<TimeUnit, string>> = {
  urgent_hour: '紧急工作时',
  work_hour: '工作时',
  work_day: '工作日',
  natural_day: '自然日',
  calendar_day: '日(法定)',
  working_day: '工作日(法定)',
};

/** Spellings from real tables that map to a unit only by convention; the import warns when it meets them. */
export const TIME_UNIT_PRACTICE_ALIASES: Readonly<Record<string, TimeUnit>> = {
  小时: 'work_hour',
  天: 'work_day',
  紧急工作日: 'natural_day',
};

/** Legal periods are stated in whole days. */
const WHOLE_DAY_UNITS: ReadonlySet<TimeUnit> = new Set<TimeUnit>(['calendar_day', 'working_day']);

export const MAX_TIME_LIMIT_AMOUNT = 999;

export type TimeLimitParseResult =
  { ok: true; value: TimeLimit; alias: string | null } | { ok: false; reason: string };

const CANONICAL_BY_WORD = new Map<string, TimeUnit>(
  (Object.entries(TIME_UNIT_WORDS) as [TimeUnit, string][]).map(([unit, word]) => [word, unit]),
);

function isTenths(amount: number): boolean {
  return Math.abs(amount * 10 - Math.round(amount * 10)) < 1e-9;
}

/**
 * Why an amount is not acceptable for a unit, or null. Amounts are positive, at most MAX_TIME_LIMIT_AMOUNT,
 * with at most one decimal place (0.5工作日 is half a day; finer fractions do not occur in real tables and
 * would not survive a spreadsheet round trip reliably); legal units take whole numbers.
 */
export function timeLimitProblem(limit: TimeLimit): string | null {
  const { amount, unit } = limit;
  if (!Object.hasOwn(TIME_UNIT_WORDS, unit)) return `未知的时限单位「${String(unit)}」`;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) return '时限数值须为正数';
  if (amount > MAX_TIME_LIMIT_AMOUNT) return `时限数值不得超过${MAX_TIME_LIMIT_AMOUNT}`;
  if (!isTenths(amount)) return '时限数值最多保留一位小数';
  if (WHOLE_DAY_UNITS.has(unit) && !Number.isInteger(amount)) return `${TIME_UNIT_WORDS[unit]}须为整数`;
  return null;
}

function formatAmount(amount: number): string {
  return String(Math.round(amount * 10) / 10);
}

/** `{ amount: 2, unit: 'urgent_hour' }` → `2紧急工作时`. Throws on a limit that timeLimitProblem rejects. */
export function formatTimeLimit(limit: TimeLimit): string {
  const problem = timeLimitProblem(limit);
  if (problem !== null) throw new RangeError(problem);
  return `${formatAmount(limit.amount)}${TIME_UNIT_WORDS[limit.unit]}`;
}

function normaliseText(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '');
}

const AMOUNT_AND_WORD = /^(\d+(?:\.\d+)?)个?(.+)$/;

/** `2紧急工作时` → `{ amount: 2, unit: 'urgent_hour' }`; see the header for the words accepted. */
export function parseTimeLimit(text: string): TimeLimitParseResult {
  const normalised = normaliseText(text);
  if (normalised === '') return { ok: false, reason: '处置时限为空' };
  const match = AMOUNT_AND_WORD.exec(normalised);
  if (!match) {
    return { ok: false, reason: `「${text}」不是「数值+单位」的形式，例如「2紧急工作时」「1工作日」` };
  }
  const [, amountText = '', word = ''] = match;
  const canonical = CANONICAL_BY_WORD.get(word);
  const aliased = Object.hasOwn(TIME_UNIT_PRACTICE_ALIASES, word)
    ? TIME_UNIT_PRACTICE_ALIASES[word]
    : undefined;
  const unit = canonical ?? aliased;
  if (unit === undefined) {
    const known = Object.values(TIME_UNIT_WORDS).join('、');
    const hint = word === '日' ? '「日」有歧义，请写「工作日」或「日(法定)」；' : '';
    return { ok: false, reason: `无法识别时限单位「${word}」：${hint}可用单位为${known}` };
  }
  const value: TimeLimit = { amount: Number(amountText), unit };
  const problem = timeLimitProblem(value);
  if (problem !== null) return { ok: false, reason: problem };
  return { ok: true, value, alias: canonical === undefined ? word : null };
}
