// A round row as the API shows it: dates as `YYYY-MM-DD`, instants as ISO, the stored
// configuration parsed again (so an answer always carries every option with its value).
import { shanghaiDate, ZRoundConfig } from '../../workflows/talent';
import type { TRound } from './talent.types';
import type { RoundRow } from './talent-scope';

/** How the office names a round's status (problem messages, the export). */
export const ROUND_STATUS_ZH: Record<TRound['status'], string> = {
  draft: '未开始申报',
  open: '申报中',
  closed: '申报已截止',
  screening: '资格审查',
  review: '专家评审',
  ranking: '排名遴选',
  notice: '公示中',
  approval: '报领导小组审批',
  published: '已公布',
  cancelled: '已取消',
};

export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
export const isoDateOrNull = (date: Date | null): string | null => (date ? isoDate(date) : null);
export const isoInstant = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** The applications a round's 申报人数 counts: a withdrawn one is listed, not counted. */
export const COUNTED_APPLICATIONS = { status: { not: 'withdrawn' } } as const;

export function toRound(row: RoundRow, applicationCount: number): TRound {
  return {
    id: row.id,
    unit: { id: row.unit.id, name: row.unit.name },
    title: row.title,
    status: row.status,
    config: ZRoundConfig.parse(row.config),
    windowStartsOn: isoDate(row.windowStartsOn),
    windowEndsOn: isoDate(row.windowEndsOn),
    referenceDate: isoDate(row.referenceDate),
    openedAt: isoInstant(row.openedAt),
    closedAt: isoInstant(row.closedAt),
    noticeStartsOn: row.noticeStartsAt ? shanghaiDate(row.noticeStartsAt) : null,
    noticeEndsOn: isoDateOrNull(row.noticeEndsOn),
    instanceId: row.instanceId,
    createdAt: row.createdAt.toISOString(),
    applicationCount,
    revision: row.revision,
  };
}
