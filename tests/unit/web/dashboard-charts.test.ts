// Each dashboard chart drills down to the project list with the filters its bar was counted with:
// the dashboard's own choices plus the category's stage, value, unit or month.
import type { TFunction } from 'i18next';
import type { TDashboard } from '../../../api/dashboards/dashboard.types';
import { dashboardCharts } from '../../../web/src/dashboards/dashboard-charts';

const t = ((key: string) => key) as unknown as TFunction;
const unit = { id: 'room-1', name: '一室', kind: 'room' };
const dashboard: TDashboard = {
  unit: null,
  totals: { projects: 3, running: 2, completed: 1, cancelled: 0, overdueTasks: 1, escalations: 0 },
  byStage: [
    {
      definitionKey: 'project-lifecycle',
      definitionName: '五阶段',
      stageId: 'plan',
      stageName: '计划',
      projects: 2,
    },
  ],
  byServiceDomain: [
    { value: '为老服务', projects: 2 },
    { value: null, projects: 1 },
  ],
  byFundingSource: [{ value: '公益创投', projects: 3 }],
  overdueByUnit: [{ unit, tasks: 1, projects: 1 }],
  stageDurations: [
    {
      definitionKey: 'project-lifecycle',
      definitionName: '五阶段',
      stageId: 'assess',
      stageName: '预估',
      projects: 2,
      medianHours: 84,
      p90Hours: 112.8,
    },
  ],
  throughput: [{ month: '2026-11', from: '2026-11-01', to: '2026-11-30', completed: 1 }],
};

describe('dashboard charts', () => {
  const charts = Object.fromEntries(
    dashboardCharts(dashboard, { unitId: 'station', startedFrom: '2026-01-01' }, t).map((chart) => [
      chart.key,
      chart,
    ]),
  );
  const base = { unitId: 'station', startedFrom: '2026-01-01' };

  it.each([
    ['byStage', 0, { ...base, definitionKey: 'project-lifecycle', stage: 'plan', status: 'running' }],
    ['byServiceDomain', 0, { ...base, serviceDomain: '为老服务' }],
    ['byServiceDomain', 1, undefined],
    ['byFundingSource', 0, { ...base, fundingSource: '公益创投' }],
    ['overdueByUnit', 0, { ...base, unitId: 'room-1', subunits: 'false', overdue: 'true' }],
    [
      'stageDurations',
      0,
      { ...base, definitionKey: 'project-lifecycle', stage: 'assess', status: 'running' },
    ],
    ['throughput', 0, { ...base, status: 'completed', endedFrom: '2026-11-01', endedTo: '2026-11-30' }],
    ['throughput', 5, undefined],
  ])('%s category %i drills down to %j', (key, index, filters) => {
    expect(charts[key]!.drill(index)).toEqual(filters);
  });

  it('shows time per stage in days, median beside the 90th percentile', () => {
    expect(charts.stageDurations!.series.map((series) => series.values)).toEqual([[3.5], [4.7]]);
  });

  it('names a category without a recorded value', () => {
    expect(charts.byServiceDomain!.categories).toEqual(['为老服务', 'dashboards.noValue']);
  });
});
