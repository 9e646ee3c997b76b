import type { CategoryKind } from './types.js';
import { CATEGORY_KINDS } from './types.js';

/**
 * Category codes (GB/T 30428.2 practice): a two-digit major (大类) and a two-digit minor (小类), '01'…'99'.
 *
 * Local extensions (扩展大类/小类) are numbered downward from 99 — 99, 98, 97 … — so they never collide with
 * codes a later edition of the standard adds from the bottom. The rule implemented here: a code at or above
 * LOCAL_EXTENSION_FLOOR (80) is a local extension, and within one parent (the kind for majors, the major for
 * minors) the extension codes in use must be exactly 99, 98, … down to 99 − n + 1, without gaps.
 */
export const LOCAL_EXTENSION_FLOOR = 80;

export const KIND_LABELS: Readonly<Record<CategoryKind, string>> = { component: '部件', event: '事件' };

/** The letter used in stable standard ids: C-0101-1 (部件), E-0102-1 (事件). */
export const KIND_LETTERS: Readonly<Record<CategoryKind, string>> = { component: 'C', event: 'E' };

const CODE = /^(0[1-9]|[1-9][0-9])$/;

export function isCategoryCode(value: string): boolean {
  return CODE.test(value);
}

/**
 * Reads a code typed into a sheet. Excel turns an unformatted `01` into the number 1, so one digit is padded;
 * anything else must already be a valid two-digit code. Returns null when the text is not a code.
 */
export function normaliseCode(text: string): string | null {
  const trimmed = text.trim();
  const padded = /^[1-9]$/.test(trimmed) ? `0${trimmed}` : trimmed;
  return CODE.test(padded) ? padded : null;
}

export function isLocalExtensionCode(code: string): boolean {
  return Number(code) >= LOCAL_EXTENSION_FLOOR;
}

/** The extension codes among `codes` that break the count-down from 99 (each reported once, descending). */
export function extensionCodesOutOfSequence(codes: readonly string[]): string[] {
  const extensions = [...new Set(codes.filter(isLocalExtensionCode))].sort().reverse();
  return extensions.filter((code, index) => Number(code) !== 99 - index);
}

/** The next free local extension code under a parent, or null when the extension range is full. */
export function nextExtensionCode(codes: readonly string[]): string | null {
  const used = new Set(codes.filter(isLocalExtensionCode)).size;
  const next = 99 - used;
  return next >= LOCAL_EXTENSION_FLOOR ? String(next) : null;
}

export function kindFromLabel(text: string): CategoryKind | null {
  const trimmed = text.trim();
  for (const kind of CATEGORY_KINDS) {
    if (trimmed === kind || trimmed === KIND_LABELS[kind]) return kind;
  }
  return null;
}

/** `C-0101` / `E-0102`: identifies a minor category within a version. */
export function minorKey(kind: CategoryKind, majorCode: string, minorCode: string): string {
  return `${KIND_LETTERS[kind]}-${majorCode}${minorCode}`;
}

/** `C-01` / `E-04`: identifies a major category within a version. */
export function majorKey(kind: CategoryKind, majorCode: string): string {
  return `${KIND_LETTERS[kind]}-${majorCode}`;
}

/** The stable id of a standard row: 事件 01 02 #1 → `E-0102-1`. */
export function standardId(kind: CategoryKind, majorCode: string, minorCode: string, seq: number): string {
  return `${minorKey(kind, majorCode, minorCode)}-${seq}`;
}

export interface StandardIdParts {
  kind: CategoryKind;
  majorCode: string;
  minorCode: string;
  seq: number;
}

const STANDARD_ID = /^([CE])-(\d{2})(\d{2})-([1-9][0-9]?)$/;

export function parseStandardId(id: string): StandardIdParts | null {
  const match = STANDARD_ID.exec(id);
  if (!match) return null;
  const [, letter, majorCode, minorCode, seq] = match;
  if (
    majorCode === undefined ||
    minorCode === undefined ||
    !isCategoryCode(majorCode) ||
    !isCategoryCode(minorCode)
  ) {
    return null;
  }
  return { kind: letter === 'C' ? 'component' : 'event', majorCode, minorCode, seq: Number(seq) };
}

export const MAX_SEQ = 99;

export function isStandardSeq(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_SEQ;
}
