// The ECharts option of a chart spec: bars (horizontal for named categories, upright for months),
// values printed on the bars, a tooltip per category, and the aria description ECharts writes.
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartSpec } from './dashboard-charts';

// The theme's teal (AppProviders) and a contrasting amber for a second series.
const PALETTE = ['#0f766e', '#d97706'];

export function chartOption(spec: ChartSpec): EChartsCoreOption {
  const category = {
    type: 'category',
    data: spec.categories,
    // The first category on top, as in a list.
    inverse: spec.horizontal,
    axisLabel: { width: 120, overflow: 'truncate' },
  };
  const value = { type: 'value', minInterval: spec.key === 'stageDurations' ? 0 : 1 };
  return {
    color: PALETTE,
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 16, bottom: 8, containLabel: true },
    xAxis: spec.horizontal ? value : category,
    yAxis: spec.horizontal ? category : value,
    series: spec.series.map((series) => ({
      type: 'bar',
      name: series.name,
      data: series.values,
      barMaxWidth: 28,
      cursor: 'pointer',
      label: { show: true, position: spec.horizontal ? 'right' : 'top' },
    })),
  };
}
