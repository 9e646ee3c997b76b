/** The charts of the command center (lazy chunk with ECharts): intake by channel, top problems, unit ranking. */
import { Empty, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../i18n/format';
import type { KpiData } from '../useKpiData';
import { EChart } from './EChart';

interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars, largest on top. */
function barOption(bars: readonly Bar[], color: string, format?: (v: number) => string): EChartsCoreOption {
  const rows = [...bars].reverse();
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitLine: { show: false }, axisLabel: { show: false } },
    yAxis: { type: 'category', data: rows.map((b) => b.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: rows.map((b) => b.value),
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 16,
        label: {
          show: true,
          position: 'right',
          ...(format ? { formatter: (p: { value: number }) => format(p.value) } : {}),
        },
      },
    ],
  };
}

function pieOption(bars: readonly Bar[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        data: bars.map((b) => ({ name: b.label, value: b.value })),
        label: { formatter: '{b} {c}' },
      },
    ],
  };
}

function ChartCard({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <section className="cz-panel cz-chart" aria-label={title}>
      <Typography.Title level={2} style={{ fontSize: 15, margin: '0 0 4px' }}>
        {title}
      </Typography.Title>
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      {children}
    </section>
  );
}

export default function KpiCharts({
  data,
  dark = false,
  height = 220,
}: {
  data: KpiData | null;
  dark?: boolean;
  height?: number;
}) {
  const { t } = useTranslation(['command', 'common']);
  const channels = useMemo(
    () =>
      (data?.todayByChannel ?? []).map((c) => ({
        label: t(`common:channels.${c.code}`, { defaultValue: c.name ?? c.code }),
        value: c.value,
      })),
    [data, t],
  );
  const problems = useMemo(
    () =>
      (data?.topProblems ?? []).map((p) => ({ label: p.name ?? t('charts.uncategorised'), value: p.value })),
    [data, t],
  );
  const ranking = useMemo(() => {
    const units = data?.unitRanking ?? [];
    const scored = units.some((u) => u.score != null);
    return {
      scored,
      bars: units
        .map((u) => ({ label: u.name ?? u.code, value: (scored ? u.score : u.handledOnTimeRate) ?? 0 }))
        .slice(0, 8),
    };
  }, [data]);
  const options = useMemo(
    () => ({
      channels: pieOption(channels),
      problems: barOption(problems, '#d46b08'),
      ranking: barOption(
        ranking.bars,
        '#0958d9',
        ranking.scored ? (v) => v.toFixed(1) : (v) => formatPercent(v),
      ),
    }),
    [channels, problems, ranking],
  );
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('charts.none')} />;
  return (
    <div className="cz-charts" data-testid="kpi-charts">
      <ChartCard title={t('charts.byChannel')}>
        {channels.length ? (
          <EChart option={options.channels} dark={dark} label={t('charts.byChannel')} height={height} />
        ) : (
          empty
        )}
      </ChartCard>
      <ChartCard title={t('charts.topProblems')}>
        {problems.length ? (
          <EChart option={options.problems} dark={dark} label={t('charts.topProblems')} height={height} />
        ) : (
          empty
        )}
      </ChartCard>
      <ChartCard
        title={t('charts.unitRanking')}
        note={ranking.scored ? t('charts.score') : t('charts.handledOnTimeRate')}
      >
        {ranking.bars.length ? (
          <EChart option={options.ranking} dark={dark} label={t('charts.unitRanking')} height={height} />
        ) : (
          empty
        )}
      </ChartCard>
    </div>
  );
}
