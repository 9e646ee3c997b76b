import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';

/** 处置时限 in the reader's language ({ 2, 'urgent_hour' } → "2 紧急工作时"). */
export function useTimeLimitText(): (limit: { amount: number; unit: string }) => string {
  const { t } = useTranslation('admin');
  return (limit) =>
    t(`taxonomy.timeUnits.${limit.unit}`, {
      amount: formatNumber(limit.amount, Number.isInteger(limit.amount) ? 0 : 1),
      defaultValue: `${limit.amount} ${limit.unit}`,
    });
}
