import { useTranslation } from 'react-i18next';
import type { ObjectType } from './useEvalQuery';

/** An evaluated object's display name: channels by their shared words, others by the API's name or code. */
export function useObjectName(
  objectType: ObjectType,
): (row: { code: string; name: string | null }) => string {
  const { t } = useTranslation('common');
  return (row) =>
    objectType === 'channel' ? t(`channels.${row.code}`, { defaultValue: row.code }) : (row.name ?? row.code);
}
