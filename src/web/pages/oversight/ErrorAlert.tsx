import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';

/** A refused request shown where it happened: the server's message, its code and the field it names. */
export function ErrorAlert({ error }: { error: ApiError | null | undefined }) {
  const { t } = useTranslation('oversight');
  if (!error) return null;
  const where = error.field ? t('errors.field', { field: error.field }) : '';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={t('errors.failed', { message: error.message })}
      description={`${error.code}${where ? ' · ' + where : ''}`}
    />
  );
}
