// One ECharts chart in a div: drawn from an option, resized with its box, and reporting which
// category a click landed on (anywhere in its band of the grid, not only on the bar itself, so a
// short bar is as easy to hit as a long one), so the page can drill down.
import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts-setup';

interface EChartProps {
  option: EChartsCoreOption;
  /** Called with the index of the clicked category. */
  onPick?: (index: number) => void;
  /** The categories run down the side (bars lie horizontally). */
  horizontal: boolean;
  height: number;
  label: string;
}

export function EChart({ option, onPick, horizontal, height, label }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const pick = useRef({ onPick, horizontal });
  pick.current = { onPick, horizontal };

  useEffect(() => {
    if (!box.current) return undefined;
    const instance = echarts.init(box.current);
    chart.current = instance;
    instance.getZr().on('click', (event) => {
      const point = [event.offsetX, event.offsetY];
      if (!instance.containPixel('grid', point)) return;
      const [x, y] = instance.convertFromPixel('grid', point);
      const index = Math.round((pick.current.horizontal ? y : x) ?? -1);
      if (index >= 0) pick.current.onPick?.(index);
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // ECharts writes its own aria description on the box it draws in; the figure carries the title.
  return (
    <figure aria-label={label} className="sgf-dashboard-figure">
      <div ref={box} style={{ height, width: '100%' }} />
    </figure>
  );
}
