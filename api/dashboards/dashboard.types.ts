// Wire contracts of the dashboards over a unit subtree. The web imports them; each figure carries
// what its chart needs to drill down to the project list (stage ids, variable values, unit ids,
// month bounds).
import { z } from 'zod';
import { ZProjectFilters, ZUnitRef } from '../work/work.types';

/** The unit subtree (the caller's whole scope when absent), a process and a start-date range. */
export const ZDashboardQuery = ZProjectFilters.pick({
  unitId: true,
  definitionKey: true,
  startedFrom: true,
  startedTo: true,
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

const ZCount = z.number().int().min(0);

export const ZStageCount = z.object({
  definitionKey: z.string(),
  definitionName: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  /** Running projects waiting in the stage now. */
  projects: ZCount,
});

/** A value of an instance variable (服务领域, 资金来源); null for projects that do not carry it. */
export const ZValueCount = z.object({ value: z.string().nullable(), projects: ZCount });

export const ZUnitOverdue = z.object({
  unit: ZUnitRef,
  /** Open tasks past their due time in projects of exactly this unit. */
  tasks: ZCount,
  projects: ZCount,
});

export const ZStageDuration = z.object({
  definitionKey: z.string(),
  definitionName: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  /** Projects that have left the stage at least once (the spans measured). */
  projects: ZCount,
  medianHours: z.number(),
  p90Hours: z.number(),
});

export const ZMonthCount = z.object({
  /** YYYY-MM in China Standard Time. */
  month: z.string(),
  /** Its first and last day, as the project list's endedFrom / endedTo take them. */
  from: z.iso.date(),
  to: z.iso.date(),
  completed: ZCount,
});

export const ZDashboard = z
  .object({
    /** The unit whose subtree the figures cover; null: every unit the caller works in. */
    unit: ZUnitRef.nullable(),
    totals: z.object({
      projects: ZCount,
      running: ZCount,
      completed: ZCount,
      cancelled: ZCount,
      overdueTasks: ZCount,
      escalations: ZCount,
    }),
    byStage: z.array(ZStageCount),
    byServiceDomain: z.array(ZValueCount),
    byFundingSource: z.array(ZValueCount),
    overdueByUnit: z.array(ZUnitOverdue),
    stageDurations: z.array(ZStageDuration),
    /** Completed projects per month, oldest first, months without completions included (at most 24). */
    throughput: z.array(ZMonthCount),
  })
  .meta({ id: 'Dashboard' });
export type TDashboard = z.infer<typeof ZDashboard>;
