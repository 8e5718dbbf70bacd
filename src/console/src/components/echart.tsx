/**
 * An ECharts chart (SVG renderer, only the parts the console uses). The chart is an image to
 * assistive technology with a text summary as its name; screens give the figures as a table too.
 * Drawn without animation when the user prefers reduced motion.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { usePrefersReducedMotion } from './reduced-motion.js';

echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export const chartPalette = ['#0b3c7d', '#c1121f', '#2a9d8f', '#e09f3e', '#6a4c93', '#4d908e', '#8d99ae', '#9c6644'];

export function EChart({ option, summary, height = 320 }: { option: ChartOption; summary: string; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const reducedMotion = usePrefersReducedMotion();
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'svg', locale: 'ZH' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ color: chartPalette, textStyle: { fontFamily: 'inherit' }, ...option, ...(reducedMotion ? { animation: false } : {}) }, true);
  }, [option, reducedMotion]);
  return <div ref={el} role="img" aria-label={summary} style={{ width: '100%', height }} />;
}
