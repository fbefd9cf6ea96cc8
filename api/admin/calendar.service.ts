// The working-day calendar's administration: the shipped table's days of a year beside the admins'
// own, and adding or removing one of theirs. Every change writes the whole set of admins' days as
// a new revision in the same transaction; the runtimes count working days over the latest one and
// record its number with each transition (activities/calendar-revisions.ts).
import { Prisma } from '../../prisma/generated/client';
import {
  shippedCalendar,
  shippedDayAt,
  shippedDaysOf,
  shippedYears,
} from '../../activities/working-day-calendar';
import { isWorkingDay } from '../../workflows/engine';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import type { TAddCalendarDayRequest, TCalendarDay, TCalendarDayKind, TCalendarYear } from './calendar.types';

type DayRow = Prisma.CalendarDayGetPayload<object>;

const isoDateOf = (date: Date) => date.toISOString().slice(0, 10);

/** The shipped kind an admin's day overrides: the table names the date as the other kind. */
function overriddenKind(date: string, kind: TCalendarDayKind): TCalendarDayKind | null {
  const shipped = shippedDayAt(date);
  return shipped && shipped.kind !== kind ? shipped.kind : null;
}

function toCalendarDay(row: DayRow, creators: Map<string, string>): TCalendarDay {
  const date = isoDateOf(row.date);
  return {
    id: row.id,
    date,
    kind: row.kind,
    name: row.name,
    overridesShipped: overriddenKind(date, row.kind),
    createdBy: creators.get(row.createdById) ?? '',
    createdAt: row.createdAt.toISOString(),
  };
}

async function creatorNames(prisma: DbClient, rows: readonly DayRow[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } },
    select: { id: true, displayName: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

async function latestRevision(prisma: DbClient): Promise<number> {
  const latest = await prisma.calendarRevision.findFirst({ orderBy: { revision: 'desc' } });
  return latest?.revision ?? 0;
}

export async function readCalendarYear(prisma: DbClient, year: number): Promise<TCalendarYear> {
  const rows = await prisma.calendarDay.findMany({
    where: { date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    orderBy: { date: 'asc' },
  });
  const creators = await creatorNames(prisma, rows);
  return {
    year,
    shippedYears,
    shipped: shippedDaysOf(year),
    additions: rows.map((row) => toCalendarDay(row, creators)),
    revision: await latestRevision(prisma),
  };
}

/** Changes take turns, so each revision holds exactly the days of the change that wrote it. */
async function lockRevisions(db: DbClient): Promise<void> {
  await db.$executeRaw`LOCK TABLE calendar_revision IN EXCLUSIVE MODE`;
}

/** Writes the admins' days as they now stand as the next revision. */
async function writeRevision(db: DbClient): Promise<number> {
  const days = await db.calendarDay.findMany({ orderBy: { date: 'asc' } });
  const datesOf = (kind: TCalendarDayKind) =>
    days.filter((d) => d.kind === kind).map((d) => isoDateOf(d.date));
  const written = await db.calendarRevision.create({
    data: { additions: { holidays: datesOf('holiday'), workdays: datesOf('workday') } },
  });
  return written.revision;
}

/** A day that would change nothing: the shipped table (or the weekday rule) says so already. */
function alreadySo(date: string, kind: TCalendarDayKind): boolean {
  return isWorkingDay(date, shippedCalendar) === (kind === 'workday');
}

export async function addCalendarDay(
  db: DbClient,
  caller: Caller,
  input: TAddCalendarDayRequest,
): Promise<{ item: TCalendarDay; audit: AuditEntry }> {
  await lockRevisions(db);
  const date = new Date(`${input.date}T00:00:00.000Z`);
  const existing = await db.calendarDay.findUnique({ where: { date } });
  if (existing) {
    throw new AppError(
      'CONFLICT',
      `${input.date} is in the calendar already.`,
      [
        {
          field: 'date',
          reason: `already added as “${existing.name}”`,
          reasonZh: `该日期已添加（${existing.name}）`,
        },
      ],
      { detailZh: `${input.date} 已在工作日历中（${existing.name}）` },
    );
  }
  if (alreadySo(input.date, input.kind)) {
    const working = input.kind === 'workday';
    throw new AppError(
      'VALIDATION_FAILED',
      `${input.date} is already a ${working ? 'working day' : 'day off'}.`,
      [
        {
          field: 'kind',
          reason: `${input.date} is already a ${working ? 'working day' : 'day off'}`,
          reasonZh: `${input.date} 本来就是${working ? '工作日' : '休息日'}`,
        },
      ],
      { detailZh: `${input.date} 本来就是${working ? '工作日' : '休息日'}，无需添加` },
    );
  }
  const row = await db.calendarDay.create({
    data: { date, kind: input.kind, name: input.name, createdById: caller.userId },
  });
  const revision = await writeRevision(db);
  const item = toCalendarDay(row, new Map([[caller.userId, caller.displayName]]));
  return {
    item,
    audit: {
      action: 'calendar.day_added',
      resourceType: 'calendar_day',
      resourceId: row.id,
      unitId: null,
      after: { ...item, revision },
    },
  };
}

export async function deleteCalendarDay(
  db: DbClient,
  id: string,
): Promise<{ item: TCalendarDay; audit: AuditEntry }> {
  await lockRevisions(db);
  const row = await db.calendarDay.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND', 'No such calendar day.');
  await db.calendarDay.delete({ where: { id } });
  const revision = await writeRevision(db);
  const item = toCalendarDay(row, await creatorNames(db, [row]));
  return {
    item,
    audit: {
      action: 'calendar.day_deleted',
      resourceType: 'calendar_day',
      resourceId: row.id,
      unitId: null,
      before: item,
      after: { revision },
    },
  };
}
