import { useTranslation } from 'react-i18next';
import type { PowerItem } from '../types';

/** A statutory or promised time limit in its calendar unit (工作日, 自然日 …), or a dash. */
export function LimitText({ limit }: { limit: PowerItem['statutoryLimit'] }) {
  const { t } = useTranslation('oversight');
  if (!limit) return <>—</>;
  return <>{t('power.limit', { value: limit.value, unit: t(`common:power.units.${limit.unit}`) })}</>;
}
