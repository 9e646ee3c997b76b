/**
 * The case steps the workbench can send: the camelCase kind the server lists in `allowedActions`, the
 * kebab-case verb of its URL (`POST /api/cases/{ref}/<verb>`) and which form collects its fields (docs/cases.md
 * "Steps", request bodies in schema.d.ts). Pure: no imports, so unit tests can load it under Node.
 */
export type FormKind =
  | 'confirm'
  | 'reason'
  | 'note'
  | 'decide'
  | 'verify'
  | 'file'
  | 'merge'
  | 'dispatch'
  | 'redispatch'
  | 'hold'
  | 'reportBack'
  | 'check';

export const ACTION_FORMS = {
  verify: 'verify',
  file: 'file',
  void: 'reason',
  merge: 'merge',
  dispatch: 'dispatch',
  redispatch: 'redispatch',
  accept: 'confirm',
  return: 'reason',
  requestExtension: 'reason',
  decideExtension: 'decide',
  requestHold: 'hold',
  decideHold: 'decide',
  resume: 'confirm',
  reportBack: 'reportBack',
  check: 'check',
  close: 'confirm',
  press: 'note',
  appeal: 'reason',
  decideAppeal: 'decide',
  forceClose: 'reason',
  reopen: 'reason',
} as const satisfies Record<string, FormKind>;

export type ActionKind = keyof typeof ACTION_FORMS;

/** Kinds a person can send (markOverdue belongs to the timer), in the order the buttons appear. */
export const ACTION_ORDER = Object.keys(ACTION_FORMS) as ActionKind[];

export function isActionKind(kind: string): kind is ActionKind {
  return Object.prototype.hasOwnProperty.call(ACTION_FORMS, kind);
}

/** `requestExtension` → `request-extension`. */
export function urlVerb(kind: ActionKind): string {
  return kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function stepUrl(ref: string, kind: ActionKind): string {
  return `/api/cases/${encodeURIComponent(ref)}/${urlVerb(kind)}`;
}

/** The actions the viewer may take on this case, known to the web app, in button order. */
export function visibleActions(allowed: readonly string[]): ActionKind[] {
  return ACTION_ORDER.filter((k) => allowed.includes(k));
}

/** Steps a queue may run on many cases at once without asking anything per case. */
export const BULK_KINDS = ['file', 'dispatch', 'accept', 'close'] as const;
export type BulkKind = (typeof BULK_KINDS)[number];

interface BulkCase {
  version: number;
  standardId: string | null;
  allowedActions: readonly string[];
}

/**
 * The body of a bulk step for one case, or null when the case cannot take it in bulk (not allowed for it, or
 * filing without a standard row the reporter already chose). Dispatch in bulk is always automatic.
 */
export function bulkBody(kind: BulkKind, c: BulkCase): Record<string, unknown> | null {
  if (!c.allowedActions.includes(kind)) return null;
  switch (kind) {
    case 'file':
      return c.standardId ? { version: c.version, standardId: c.standardId } : null;
    case 'dispatch':
      return { version: c.version, mode: 'auto' };
    case 'accept':
    case 'close':
      return { version: c.version };
  }
}

/** Bulk kinds that at least one of the selected cases allows. */
export function bulkKindsFor(cases: readonly BulkCase[]): BulkKind[] {
  return BULK_KINDS.filter((k) => cases.some((c) => bulkBody(k, c) !== null));
}
