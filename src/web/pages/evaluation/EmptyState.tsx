import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObjectType } from './useEvalQuery';

/** What an empty ranking means: no case moved under this kind of object in the period (not an error). */
export function EmptyState({ objectType, period }: { objectType: ObjectType; period: string }) {
  const { t } = useTranslation('evaluation');
  return (
    <Empty
      data-testid="eval-empty"
      description={
        <>
          <Typography.Text strong>
            {t('table.empty', { period, object: t(`objectTypes.${objectType}`) })}
          </Typography.Text>
          <br />
          <Typography.Text>{t('table.emptyHint')}</Typography.Text>
        </>
      }
    />
  );
}
