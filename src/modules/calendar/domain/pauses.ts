import { CalendarInputError } from './errors.js';

/** A pause (挂账, hearing, appraisal…): the half-open span [from, to) of epoch milliseconds does not count. */
export interface PauseInterval {
  readonly from: number;
  readonly to: number;
}

const MAX_EPOCH_MS = 8.64e15;

/** Checks an instant argument (epoch milliseconds) and names the field when it is unusable. */
export function checkInstant(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_EPOCH_MS) {
    throw new CalendarInputError(field, `${field} must be an epoch-millisecond number, got ${String(value)}`);
  }
  return value;
}

/**
 * Validates pauses and returns them as merged, ascending epoch-minute pairs [a0, b0, a1, b1, …].
 * A minute counts only if it lies wholly outside every pause, so a pause is widened to whole minutes
 * (from rounded down, to rounded up). Zero-length pauses are ignored; overlapping or touching pauses merge.
 */
export function normalizePauses(pauses: readonly PauseInterval[] | undefined): number[] | null {
  if (pauses === undefined || pauses.length === 0) return null;
  // Pauses often come from stored JSON, so the shape is checked even though the type says it is a list.
  const list: unknown = pauses;
  if (!Array.isArray(list)) throw new CalendarInputError('pauses', 'pauses must be a list of {from, to}');
  // Pauses per call are few, so an insertion sort on one flat array beats allocating and sorting pairs.
  const flat: number[] = [];
  for (let i = 0; i < pauses.length; i++) {
    const pause = pauses[i];
    if (pause === null || typeof pause !== 'object') {
      throw new CalendarInputError(`pauses[${i}]`, `pauses[${i}] must be an object {from, to}`);
    }
    const from = checkInstant(pause.from, `pauses[${i}].from`);
    const to = checkInstant(pause.to, `pauses[${i}].to`);
    if (to < from) throw new CalendarInputError(`pauses[${i}].to`, `pauses[${i}] ends before it starts`);
    if (to === from) continue;
    const a = Math.floor(from / 60_000);
    const b = Math.ceil(to / 60_000);
    let j = flat.length;
    flat.push(a, b);
    while (j > 0 && flat[j - 2]! > a) {
      flat[j] = flat[j - 2]!;
      flat[j + 1] = flat[j - 1]!;
      j -= 2;
    }
    flat[j] = a;
    flat[j + 1] = b;
  }
  if (flat.length === 0) return null;
  let last = 1;
  for (let k = 2; k < flat.length; k += 2) {
    if (flat[k]! <= flat[last]!) {
      if (flat[k + 1]! > flat[last]!) flat[last] = flat[k + 1]!;
    } else {
      flat[last + 1] = flat[k]!;
      flat[last + 2] = flat[k + 1]!;
      last += 2;
    }
  }
  flat.length = last + 1;
  return flat;
}
