/** The headline figures as tiles; "—" where a figure is not available to the viewer or has no data yet. */
import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../i18n/format';
import type { KpiData } from './useKpiData';

export function KpiTiles({
  data,
  redCases,
  large,
}: {
  data: KpiData | null;
  redCases: number | null;
  large?: boolean;
}) {
  const { t } = useTranslation('command');
  const tiles = [
    { key: 'openCases', value: formatNumber(data?.openCases) },
    { key: 'todayReported', value: formatNumber(data?.todayReported) },
    { key: 'redCards', value: formatNumber(redCases) },
    { key: 'handledOnTimeRate', value: formatPercent(data?.rates?.handledOnTimeRate) },
    { key: 'closeRate', value: formatPercent(data?.rates?.closeRate) },
    { key: 'closedOnTimeRate', value: formatPercent(data?.rates?.closedOnTimeRate) },
  ] as const;
  return (
    <section aria-label={t('kpi.title')} data-testid="kpi-tiles" className="cz-kpi-tiles">
      {tiles.map((tile) => (
        <Card key={tile.key} size="small" data-testid={`kpi-${tile.key}`}>
          <Statistic
            title={t(`kpi.${tile.key}`)}
            value={tile.value}
            styles={{ content: { fontSize: large ? 34 : 24, fontVariantNumeric: 'tabular-nums' } }}
          />
        </Card>
      ))}
    </section>
  );
}
