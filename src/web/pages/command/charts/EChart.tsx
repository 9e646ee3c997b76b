/** One ECharts chart that follows its box's size (ECharts is in the charts' lazy chunk only). */
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, PieChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export function EChart({
  option,
  dark,
  label,
  height,
}: {
  option: EChartsCoreOption;
  dark: boolean;
  label: string;
  height: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [dark]);
  useEffect(() => {
    // ECharts describes the data itself for screen readers (aria.enabled); the box names the chart.
    chart.current?.setOption({ backgroundColor: 'transparent', aria: { enabled: true }, ...option }, true);
  }, [option, dark]);
  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
