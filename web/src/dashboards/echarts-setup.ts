// The parts of ECharts the dashboards draw with, registered once: bar charts on a grid with
// tooltips, the aria description for screen readers, and the canvas renderer. Importing
// `echarts/core` and these parts (not `echarts`) keeps the lazily loaded chunk small.
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export { echarts };
