/** Bar chart of the top N of a ranking. Its own chunk: ECharts loads only when a ranking has rows to draw. */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface Bar {
  name: string;
  value: number;
  label: string;
}

export default function RankingChart({
  bars,
  label,
  percent,
}: {
  bars: Bar[];
  label: string;
  percent: boolean;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const shown = [...bars].reverse();
    chart.setOption({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', max: percent ? 1 : undefined, axisLabel: { show: false } },
      yAxis: { type: 'category', data: shown.map((b) => b.name) },
      series: [
        {
          type: 'bar',
          data: shown.map((b) => b.value),
          itemStyle: { color: '#1456d9' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => shown[p.dataIndex]?.label ?? '',
          },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, percent]);
  // The canvas says nothing to a screen reader; the label lists the same numbers.
  return <div ref={el} role="img" aria-label={label} style={{ height: Math.max(160, bars.length * 32) }} />;
}
