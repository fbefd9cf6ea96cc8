// The parts of ECharts the dashboards draw with, registered once: bar and line charts on a grid
// with tooltips, the aria description for screen readers, and the canvas renderer. Importing
// `echarts/core` and these parts (not `echarts`) keeps the lazily loaded chunk small.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export { echarts };
