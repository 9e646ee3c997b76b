/** Turns a step form's values into the request body of `POST /api/cases/{ref}/<verb>`. */
import type { Dayjs } from 'dayjs';
import type { ActionKind } from './verbs';
import { ACTION_FORMS } from './verbs';

export interface StepValues {
  reason?: string;
  note?: string;
  approve?: boolean;
  confirmed?: boolean;
  passed?: boolean;
  standardId?: string;
  intoCase?: string;
  mode?: 'auto' | 'manual';
  unitCode?: string;
  until?: Dayjs;
  photos?: string[];
}

const text = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

export function buildBody(kind: ActionKind, version: number, v: StepValues): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  const reason = text(v.reason);
  switch (ACTION_FORMS[kind]) {
    case 'confirm':
      break;
    case 'reason':
      body.reason = reason;
      break;
    case 'note':
      if (text(v.note)) body.note = text(v.note);
      break;
    case 'decide':
      body.approve = v.approve !== false;
      if (reason) body.reason = reason;
      break;
    case 'verify':
      body.confirmed = v.confirmed !== false;
      if (reason) body.reason = reason;
      if (v.photos?.length) body.photos = v.photos;
      break;
    case 'check':
      body.passed = v.passed !== false;
      if (reason) body.reason = reason;
      if (v.photos?.length) body.photos = v.photos;
      break;
    case 'file':
      body.standardId = v.standardId;
      break;
    case 'merge':
      body.intoCase = text(v.intoCase);
      break;
    case 'dispatch':
      body.mode = v.mode ?? 'auto';
      if (v.mode === 'manual') {
        body.unitCode = v.unitCode;
        body.reason = reason;
      }
      break;
    case 'redispatch':
      body.unitCode = v.unitCode;
      body.reason = reason;
      break;
    case 'hold':
      // The date is a day in the district; the hold ends at its start, Beijing time.
      body.until = v.until ? `${v.until.format('YYYY-MM-DD')}T00:00:00+08:00` : undefined;
      body.reason = reason;
      break;
    case 'reportBack':
      body.photos = v.photos ?? [];
      if (text(v.note)) body.note = text(v.note);
      break;
  }
  return body;
}

/** The form field a server error names: `photos[0]` → `photos`; unknown fields have no form field. */
export function formField(serverField: string | undefined, known: readonly string[]): string | null {
  if (!serverField) return null;
  const base = serverField.replace(/\[\d+\]$/, '').replace(/^body\./, '');
  const name = base === 'intoCaseId' ? 'intoCase' : base;
  return known.includes(name) ? name : null;
}
