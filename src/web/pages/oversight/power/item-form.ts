/** A power item as form values and back: limits split into value and unit, the lists as JSON text. */
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
export const LIST_FIELDS = ['legalBasis', 'responsibilities', 'accountability', 'delegations'] as const;
type ListField = (typeof LIST_FIELDS)[number];

export type ItemForm = Omit<PowerItem, 'code' | 'statutoryLimit' | 'promisedLimit' | ListField> & {
  statutoryValue?: number;
  statutoryUnit?: Limit['unit'];
  promisedValue?: number;
  promisedUnit?: Limit['unit'];
} & Record<ListField, string>;

export function toForm(item: PowerItem): ItemForm {
  const { code: _code, statutoryLimit, promisedLimit, ...rest } = item;
  return {
    ...rest,
    statutoryValue: statutoryLimit?.value,
    statutoryUnit: statutoryLimit?.unit,
    promisedValue: promisedLimit?.value,
    promisedUnit: promisedLimit?.unit,
    legalBasis: JSON.stringify(item.legalBasis, null, 2),
    responsibilities: JSON.stringify(item.responsibilities, null, 2),
    accountability: JSON.stringify(item.accountability, null, 2),
    delegations: JSON.stringify(item.delegations, null, 2),
  };
}

const limitOf = (value?: number, unit?: Limit['unit']): Limit | null =>
  value && unit ? { value, unit } : null;

/** The item to send, or the name of the list field whose JSON is not a list. */
export function fromForm(code: string, v: ItemForm): PowerItem | ListField {
  const lists: Partial<Pick<PowerItem, ListField>> = {};
  for (const f of LIST_FIELDS) {
    try {
      const parsed: unknown = JSON.parse(v[f]);
      if (!Array.isArray(parsed)) return f;
      (lists as Record<ListField, unknown>)[f] = parsed;
    } catch {
      return f;
    }
  }
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
    ...(lists as Pick<PowerItem, ListField>),
  };
}
