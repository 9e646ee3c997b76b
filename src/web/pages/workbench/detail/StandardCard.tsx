/** The standard row the case is filed against: filing condition, time limit and closing condition. */
import { Descriptions, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { formatNumber } from '../../../i18n/format';
import type { Standard } from '../reference';

export function StandardCard({ id, version }: { id: string | null; version: number | null }) {
  const { t } = useTranslation('workbench');
  const [row, setRow] = useState<Standard | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    api
      .GET('/api/taxonomy/standards/{id}', {
        params: { path: { id }, query: version ? { version } : {} },
      })
      .then(unwrap)
      .then((r) => live && setRow(r.standard as Standard))
      .catch(() => live && setRow(null));
    return () => {
      live = false;
    };
  }, [id, version]);
  if (!id) return <Typography.Text>{t('detail.noStandard')}</Typography.Text>;
  return (
    <Descriptions size="small" column={1} bordered data-testid="standard-row">
      <Descriptions.Item label={t('detail.standard')}>{id}</Descriptions.Item>
      <Descriptions.Item label={t('detail.filingCondition')}>{row?.filingCondition ?? '…'}</Descriptions.Item>
      <Descriptions.Item label={t('detail.timeLimit')}>
        {row
          ? t('limit', { amount: formatNumber(row.timeLimit.amount), unit: t(`units.${row.timeLimit.unit}`) })
          : '…'}
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.closingCondition')}>
        {row?.closingCondition ?? '…'}
      </Descriptions.Item>
    </Descriptions>
  );
}
