// What each dashboard chart shows, as plain data: its categories, its series and, per category,
// the project list filters it drills down to (the same filters the server counted with).
import type { TFunction } from 'i18next';
import type { ProjectFilters } from '../work/work-types.js';
import type { Dashboard, DashboardQuery } from './dashboard-types.js';

export type ChartKey =
  'byStage' | 'byServiceDomain' | 'byFundingSource' | 'overdueByUnit' | 'stageDurations' | 'throughput';

export interface ChartSpec {
  key: ChartKey;
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  /** The list filters of a category; undefined where the list cannot show it (no value recorded). */
  drill(index: number): ProjectFilters | undefined;
  /** Bars lie along the categories (long names read better horizontally). */
  horizontal: boolean;
}

const HOURS_PER_DAY = 24;
const days = (hours: number) => Math.round((hours / HOURS_PER_DAY) * 10) / 10;

export function dashboardCharts(dashboard: Dashboard, query: DashboardQuery, t: TFunction): ChartSpec[] {
  const base: ProjectFilters = {
    ...(query.unitId ? { unitId: query.unitId } : {}),
    ...(query.definitionKey ? { definitionKey: query.definitionKey } : {}),
    ...(query.startedFrom ? { startedFrom: query.startedFrom } : {}),
    ...(query.startedTo ? { startedTo: query.startedTo } : {}),
  };
  const processes = new Set(dashboard.byStage.map((row) => row.definitionKey));
  const stageLabel = (row: { definitionName: string; stageName: string }, several: boolean) =>
    several ? `${row.stageName}（${row.definitionName}）` : row.stageName;
  const noValue = t('dashboards.noValue');
  const durationProcesses = new Set(dashboard.stageDurations.map((row) => row.definitionKey));
  const at = <T>(rows: readonly T[], index: number): T | undefined => rows[index];

  return [
    {
      key: 'byStage',
      title: t('dashboards.charts.byStage'),
      categories: dashboard.byStage.map((row) => stageLabel(row, processes.size > 1)),
      series: [{ name: t('dashboards.projects'), values: dashboard.byStage.map((row) => row.projects) }],
      drill: (index) => {
        const row = at(dashboard.byStage, index);
        return row && { ...base, definitionKey: row.definitionKey, stage: row.stageId, status: 'running' };
      },
      horizontal: true,
    },
    {
      key: 'byServiceDomain',
      title: t('dashboards.charts.byServiceDomain'),
      categories: dashboard.byServiceDomain.map((row) => row.value ?? noValue),
      series: [
        { name: t('dashboards.projects'), values: dashboard.byServiceDomain.map((row) => row.projects) },
      ],
      drill: (index) => {
        const value = at(dashboard.byServiceDomain, index)?.value;
        return value ? { ...base, serviceDomain: value } : undefined;
      },
      horizontal: true,
    },
    {
      key: 'byFundingSource',
      title: t('dashboards.charts.byFundingSource'),
      categories: dashboard.byFundingSource.map((row) => row.value ?? noValue),
      series: [
        { name: t('dashboards.projects'), values: dashboard.byFundingSource.map((row) => row.projects) },
      ],
      drill: (index) => {
        const value = at(dashboard.byFundingSource, index)?.value;
        return value ? { ...base, fundingSource: value } : undefined;
      },
      horizontal: true,
    },
    {
      key: 'overdueByUnit',
      title: t('dashboards.charts.overdueByUnit'),
      categories: dashboard.overdueByUnit.map((row) => row.unit.name),
      series: [
        { name: t('dashboards.overdueTasks'), values: dashboard.overdueByUnit.map((row) => row.tasks) },
      ],
      drill: (index) => {
        const row = at(dashboard.overdueByUnit, index);
        return row && { ...base, unitId: row.unit.id, subunits: 'false', overdue: 'true' };
      },
      horizontal: true,
    },
    {
      key: 'stageDurations',
      title: t('dashboards.charts.stageDurations'),
      categories: dashboard.stageDurations.map((row) => stageLabel(row, durationProcesses.size > 1)),
      series: [
        {
          name: t('dashboards.median'),
          values: dashboard.stageDurations.map((row) => days(row.medianHours)),
        },
        { name: t('dashboards.p90'), values: dashboard.stageDurations.map((row) => days(row.p90Hours)) },
      ],
      // The projects waiting in that stage now: the ones whose time there is still running.
      drill: (index) => {
        const row = at(dashboard.stageDurations, index);
        return row && { ...base, definitionKey: row.definitionKey, stage: row.stageId, status: 'running' };
      },
      horizontal: true,
    },
    {
      key: 'throughput',
      title: t('dashboards.charts.throughput'),
      categories: dashboard.throughput.map((row) => row.month),
      series: [{ name: t('dashboards.completed'), values: dashboard.throughput.map((row) => row.completed) }],
      drill: (index) => {
        const row = at(dashboard.throughput, index);
        return row && { ...base, status: 'completed', endedFrom: row.from, endedTo: row.to };
      },
      horizontal: false,
    },
  ];
}
