/** A field's value in a diff as readable text: limits with their unit, labels for type and source, lists joined. */
import type { TFunction } from 'i18next';

const isLimit = (v: unknown): v is { value: number; unit: string } =>
  !!v && typeof v === 'object' && 'value' in v && 'unit' in v;

export function diffValue(t: TFunction, field: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? t('power.yes') : t('power.no');
  if (field === 'type' && typeof v === 'string') return t(`common:power.types.${v}`, { defaultValue: v });
  if (field === 'source' && typeof v === 'string') return t(`common:power.sources.${v}`, { defaultValue: v });
  if (isLimit(v)) {
    return t('power.limit', {
      value: v.value,
      unit: t(`common:power.units.${v.unit}`, { defaultValue: v.unit }),
    });
  }
  if (Array.isArray(v)) {
    return v
      .map((entry) =>
        entry && typeof entry === 'object'
          ? Object.values(entry as Record<string, unknown>)
              .filter((x) => x !== '' && x !== null)
              .map(String)
              .join(' ')
          : String(entry),
      )
      .join('；');
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}
