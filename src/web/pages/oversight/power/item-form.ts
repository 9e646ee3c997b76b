/** A power item as form values and back: limits split into value and unit; the lists are rows of inputs. */
import type { PowerItem } from '../types';

export const POWER_TYPES = [
  'licensing',
  'penalty',
  'coercion',
  'inspection',
  'levy',
  'benefit',
  'confirmation',
  'reward',
  'adjudication',
  'other',
] as const satisfies readonly PowerItem['type'][];
export const POWER_SOURCES = [
  'statutory',
  'entrusted',
  'devolved',
] as const satisfies readonly PowerItem['source'][];
type Limit = NonNullable<PowerItem['statutoryLimit']>;
export const TIME_UNITS = [
  'urgent_hour',
  'natural_day',
  'work_hour',
  'work_day',
  'calendar_day',
  'working_day',
] as const satisfies readonly Limit['unit'][];
export const RESPONSIBILITY_STAGES = [
  'accept',
  'file',
  'investigate',
  'review',
  'notify',
  'decide',
  'serve',
  'execute',
  'dispatch',
  'handle',
  'check',
  'close',
  'supervise',
  'other',
] as const satisfies readonly PowerItem['responsibilities'][number]['stage'][];
export const LIST_FIELDS = ['legalBasis', 'responsibilities', 'accountability', 'delegations'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** The inputs of one row of each list, with the server's limits (src/modules/oversight/schemas.ts). */
export const LIST_COLUMNS: Record<
  ListField,
  { key: string; kind: 'text' | 'long' | 'stage' | 'unit'; required: boolean; max?: number; span: number }[]
> = {
  legalBasis: [
    { key: 'law', kind: 'text', required: true, max: 200, span: 14 },
    { key: 'article', kind: 'text', required: true, max: 100, span: 10 },
    { key: 'text', kind: 'long', required: false, max: 2000, span: 24 },
  ],
  responsibilities: [
    { key: 'stage', kind: 'stage', required: true, span: 8 },
    { key: 'duty', kind: 'long', required: true, max: 1000, span: 16 },
    { key: 'basis', kind: 'text', required: false, max: 500, span: 24 },
  ],
  accountability: [
    { key: 'situation', kind: 'long', required: true, max: 1000, span: 24 },
    { key: 'basis', kind: 'text', required: true, max: 500, span: 24 },
  ],
  delegations: [
    { key: 'unitCode', kind: 'unit', required: true, span: 10 },
    { key: 'scopeRemark', kind: 'text', required: false, max: 200, span: 14 },
  ],
};

export function emptyRow(field: ListField): Record<string, string> {
  return Object.fromEntries(LIST_COLUMNS[field].map((c) => [c.key, '']));
}

export type ItemForm = Omit<PowerItem, 'code' | 'statutoryLimit' | 'promisedLimit'> & {
  statutoryValue?: number;
  statutoryUnit?: Limit['unit'];
  promisedValue?: number;
  promisedUnit?: Limit['unit'];
};

export function toForm(item: PowerItem): ItemForm {
  const { code: _code, statutoryLimit, promisedLimit, ...rest } = item;
  return {
    ...rest,
    statutoryValue: statutoryLimit?.value,
    statutoryUnit: statutoryLimit?.unit,
    promisedValue: promisedLimit?.value,
    promisedUnit: promisedLimit?.unit,
  };
}

const limitOf = (value?: number, unit?: Limit['unit']): Limit | null =>
  value && unit ? { value, unit } : null;

/** Optional text left empty arrives as undefined from the form; the API wants ''. */
function rowsOf<T>(field: ListField, rows: readonly T[] | undefined): T[] {
  return (rows ?? []).map((row) => ({ ...emptyRow(field), ...row }));
}

export function fromForm(code: string, v: ItemForm): PowerItem {
  return {
    code,
    name: v.name,
    type: v.type,
    source: v.source,
    implementingUnitCode: v.implementingUnitCode,
    acceptingUnitCode: v.acceptingUnitCode,
    decidingUnitCode: v.decidingUnitCode,
    simpleProcedureAllowed: v.simpleProcedureAllowed,
    statutoryLimit: limitOf(v.statutoryValue, v.statutoryUnit),
    promisedLimit: limitOf(v.promisedValue, v.promisedUnit),
    legalBasis: rowsOf('legalBasis', v.legalBasis),
    responsibilities: rowsOf('responsibilities', v.responsibilities),
    accountability: rowsOf('accountability', v.accountability),
    delegations: rowsOf('delegations', v.delegations),
  };
}
