/** The grading scheme (data): base score, weight per indicator, grade thresholds. Fine totals never count. */
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import type { Grading } from '../types';
import { indicatorKey } from './quarters';

export function SchemeView({ scheme, version }: { scheme: Grading['scheme']; version: number }) {
  const { t } = useTranslation('oversight');
  return (
    <section data-testid="grading-scheme">
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 20 }}>
        {t('grading.scheme', { version })}
      </Typography.Title>
      <Typography.Paragraph>{t('grading.schemeIntro')}</Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 4 }}
        items={[
          { key: 'base', label: t('grading.base'), children: formatNumber(scheme.base, 1) },
          {
            key: 'ex',
            label: t('grading.grades.excellent'),
            children: `≥ ${formatNumber(scheme.thresholds.excellent, 1)}`,
          },
          {
            key: 'good',
            label: t('grading.grades.good'),
            children: `≥ ${formatNumber(scheme.thresholds.good, 1)}`,
          },
          {
            key: 'pass',
            label: t('grading.grades.pass'),
            children: `≥ ${formatNumber(scheme.thresholds.pass, 1)}`,
          },
        ]}
      />
      <Table
        style={{ marginTop: 12, maxWidth: 640 }}
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={scheme.indicators}
        columns={[
          {
            title: t('grading.indicator'),
            key: 'k',
            render: (_, i) => t(indicatorKey(i.key), { defaultValue: i.key }),
          },
          {
            title: t('grading.weight'),
            key: 'w',
            align: 'right',
            render: (_, i) => formatNumber(i.weight, 1),
          },
        ]}
      />
    </section>
  );
}
