// The talent pool (人才库) for the selection office: published talents of the rounds its units ran
// (filters title status, field, round; identity numbers masked), and one talent's term with the
// allowance ledger read through the pure ledger (what is due per year, pro-rated after a stop) beside
// the rows written, the status events and the leading group's decisions. The leading group reads
// one talent too (read-only), as it approves the talent's revocation.
import { z } from 'zod';
import { termStopOf } from '../../activities/talent-term-actions';
import { Prisma } from '../../prisma/generated/client';
import { buildAllowanceLedger, ZRoundConfig, type AllowanceLedger } from '../../workflows/talent';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { decodeCursor, toPage } from '../http/pagination';
import { maskIdentityNumber } from './identity-number';
import { isoDate, isoDateOrNull } from './round-view';
import { isUnitWithin, scopeRoots } from '../policy/unit-scope';
import { peopleNames } from '../work/people-names';
import { leadingDecisionsOf } from './leading-decision-reads';
import { officeRoots, officeUnitIds } from './talent-scope';
import type { TPoolQuery, TPoolTalent, TTalentDetail } from './term-pool.types';

const withTerm = {
  candidate: true,
  round: { include: { unit: true } },
  application: { include: { dossier: true } },
  term: true,
} as const;
type TalentRow = Prisma.TalentGetPayload<{ include: typeof withTerm }>;

const ZPoolCursor = z.tuple([z.iso.datetime(), z.guid()]);

function toPoolTalent(row: TalentRow): TPoolTalent {
  const dossier = row.application.dossier;
  return {
    id: row.id,
    name: row.candidate.name,
    gender: row.candidate.gender,
    identityNumber: maskIdentityNumber(row.candidate.identityNumber),
    employerName: dossier.employerName,
    unitType: dossier.unitType as TPoolTalent['unitType'],
    field: dossier.field as TPoolTalent['field'],
    round: { id: row.round.id, title: row.round.title },
    unit: { id: row.round.unit.id, name: row.round.unit.name },
    titleStatus: row.titleStatus,
    publishedAt: row.publishedAt.toISOString(),
    term: row.term
      ? {
          startsOn: isoDate(row.term.startsOn),
          endsOn: isoDate(row.term.endsOn),
          benefitsStoppedOn: isoDateOrNull(row.term.benefitsStoppedOn),
          revokedOn: isoDateOrNull(row.term.revokedOn),
          finalRating: row.term.finalRating as NonNullable<TPoolTalent['term']>['finalRating'],
        }
      : null,
  };
}

export type PoolFilters = Pick<TPoolQuery, 'roundId' | 'titleStatus' | 'field'>;

/** The pool's filters over the talents of the rounds of `units` (the list and its export alike). */
export function poolFilter(units: string[], query: PoolFilters): Prisma.TalentWhereInput {
  return {
    round: { unitId: { in: units } },
    ...(query.roundId ? { roundId: query.roundId } : {}),
    ...(query.titleStatus ? { titleStatus: query.titleStatus } : {}),
    ...(query.field ? { application: { dossier: { field: query.field } } } : {}),
  };
}

/** Newest published first; the office's units and below only. */
export async function listPool(db: DbClient, caller: Caller, query: TPoolQuery) {
  const units = await officeUnitIds(db, caller);
  const after = query.cursor ? decodeCursor(query.cursor, ZPoolCursor) : undefined;
  const rows = await db.talent.findMany({
    where: {
      ...poolFilter(units, query),
      ...(after
        ? {
            OR: [
              { publishedAt: { lt: new Date(after[0]) } },
              { publishedAt: new Date(after[0]), id: { lt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: withTerm,
  });
  return toPage(rows, query.limit, (row) => [row.publishedAt.toISOString(), row.id], toPoolTalent);
}

export const talentNotFound = () =>
  new AppError('NOT_FOUND', 'No such talent among those you may see.', [], {
    detailZh: '未找到该人才，或您无权查看',
  });

/**
 * Who may read a talent: the office (`office`, the reports' reach), or also the leading group,
 * read-only, over the talents of its subtree's rounds (`readers`: it approves their revocations).
 */
export type TalentReach = 'office' | 'readers';

/** The talent if its round's unit is in the caller's reach, else 404 (403 for a role with none). */
export async function talentInScope(
  db: DbClient,
  caller: Caller,
  talentId: string,
  reach: TalentReach = 'office',
): Promise<TalentRow & { officeReaches: boolean }> {
  const office = reach === 'office' ? officeRoots(caller) : scopeRoots(caller, ['selection_office']);
  const leading = reach === 'readers' ? scopeRoots(caller, ['leading_group']) : [];
  if (office.length === 0 && leading.length === 0)
    throw new AppError('FORBIDDEN', 'Only the selection office and the leading group read talents.', [], {
      detailZh: '仅选拔管理工作办公室和人才工作领导小组可以查看人才档案',
    });
  const row = await db.talent.findUnique({ where: { id: talentId }, include: withTerm });
  if (!row) throw talentNotFound();
  const officeReaches = await isUnitWithin(db, office, row.round.unitId);
  if (!officeReaches && !(await isUnitWithin(db, leading, row.round.unitId))) throw talentNotFound();
  return { ...row, officeReaches };
}

const yuan = (fen: number) => fen / 100;

/** The pure ledger of a term at `asOf`: the round's allowance options, the term's amount, its stop, the payments written. */
export function termLedger(
  row: TalentRow,
  payments: { termYear: number; amountYuan: Prisma.Decimal; recordedAt: Date }[],
  asOf: string,
): AllowanceLedger | null {
  const term = row.term;
  if (!term) return null;
  const stop = termStopOf({
    benefitsStoppedOn: isoDateOrNull(term.benefitsStoppedOn),
    revokedOn: isoDateOrNull(term.revokedOn),
  });
  return buildAllowanceLedger(
    {
      termStart: isoDate(term.startsOn),
      ...(stop ? { stop } : {}),
      payments: payments.map((p) => ({
        termYear: p.termYear,
        amountFen: Math.round(p.amountYuan.toNumber() * 100),
        paidOn: isoDate(p.recordedAt),
      })),
      asOf,
    },
    {
      ...ZRoundConfig.parse(row.round.config).allowance,
      monthlyAmountYuan: term.monthlyAmountYuan.toNumber(),
    },
  );
}

type Detail = { note?: unknown; termYear?: unknown; rating?: unknown } | null;

export async function talentDetail(
  db: DbClient,
  caller: Caller,
  talentId: string,
  asOf: string,
  reach: TalentReach = 'office',
): Promise<TTalentDetail> {
  const first = await talentInScope(db, caller, talentId, reach);
  // One after another: inside a route's transaction the client runs one statement at a time.
  // The term process's status first, the rows after it: a process's actions commit before it ends,
  // so a page never shows an ended process beside a term row read before its last action wrote.
  const instance = first.term?.instanceId
    ? await db.processInstance.findUnique({
        where: { id: first.term.instanceId },
        select: { status: true, state: true },
      })
    : null;
  const row =
    instance && instance.status !== 'running' ? await talentInScope(db, caller, talentId, reach) : first;
  const term = row.term;
  const entries = term
    ? await db.talentAllowanceEntry.findMany({ where: { termId: term.id }, orderBy: { id: 'asc' } })
    : [];
  const events = await db.talentStatusEvent.findMany({ where: { talentId }, orderBy: { id: 'asc' } });
  const decisions = await leadingDecisionsOf(db, { talentId });
  // What the term waits for (年度考核, 总体评价, 核实, the group's approval), linked to the task page.
  const openTasks =
    term?.instanceId && instance?.status === 'running'
      ? await db.task.findMany({
          where: { instanceId: term.instanceId, status: 'open' },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            name: true,
            kind: true,
            nodeId: true,
            createdAt: true,
            dueAt: true,
            assigneeId: true,
            candidateRole: true,
          },
        })
      : [];
  // An approval's seats opened together are one step to the reader (the group's three are one vote).
  const steps = new Map<string, { task: (typeof openTasks)[number]; seats: number }>();
  for (const task of openTasks) {
    const step = `${task.nodeId}|${task.createdAt.toISOString()}`;
    const seen = steps.get(step);
    if (seen) seen.seats += 1;
    else steps.set(step, { task, seats: 1 });
  }
  const holders = await peopleNames(
    db,
    openTasks.flatMap((task) => (task.assigneeId ? [task.assigneeId] : [])),
  );
  const ledger = termLedger(
    row,
    entries.filter((e) => e.kind === 'paid'),
    asOf,
  );
  const variables = (instance?.state as { variables?: Record<string, unknown> } | undefined)?.variables ?? {};
  const running = instance?.status === 'running';
  const base = toPoolTalent(row);
  return {
    ...base,
    term:
      term && base.term
        ? {
            ...base.term,
            monthlyAmountYuan: term.monthlyAmountYuan.toNumber(),
            instanceId: term.instanceId,
            processStatus: instance?.status ?? null,
          }
        : null,
    ledger: ledger && {
      asOf,
      years: ledger.rows.map((r) => ({
        termYear: r.termYear,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        dueOn: r.dueOn,
        monthsDue: r.monthsDue,
        amountDueYuan: yuan(r.amountDueFen),
        amountPaidYuan: yuan(r.amountPaidFen),
        outstandingYuan: yuan(r.outstandingFen),
        status: r.status,
        message: r.message,
      })),
      totals: {
        dueYuan: yuan(ledger.totals.dueFen),
        paidYuan: yuan(ledger.totals.paidFen),
        outstandingYuan: yuan(ledger.totals.outstandingFen),
      },
      entries: entries.map((e) => ({
        termYear: e.termYear,
        kind: e.kind,
        months: e.months,
        amountYuan: e.amountYuan.toNumber(),
        recordedAt: e.recordedAt.toISOString(),
        note: e.note,
      })),
    },
    statusEvents: events.map((event) => {
      const detail = event.detail as Detail;
      return {
        kind: event.kind,
        effectiveOn: isoDate(event.effectiveOn),
        recordedAt: event.recordedAt.toISOString(),
        note: typeof detail?.note === 'string' ? detail.note : null,
        termYear: typeof detail?.termYear === 'number' ? detail.termYear : null,
        rating: (typeof detail?.rating === 'string'
          ? detail.rating
          : null) as TTalentDetail['statusEvents'][number]['rating'],
      };
    }),
    leadingDecisions: decisions,
    openTasks: [...steps.values()].map(({ task, seats }) => ({
      id: task.id,
      name: task.name,
      kind: task.kind,
      dueAt: task.dueAt?.toISOString() ?? null,
      assignee:
        seats === 1 && task.assigneeId
          ? { id: task.assigneeId, displayName: holders[task.assigneeId] ?? '' }
          : null,
      candidateRole: task.candidateRole,
      seats,
    })),
    // The leading group reads the page; only the office reports.
    can: {
      stopBenefits: row.officeReaches && running && variables.benefitsActive === true,
      reportMisconduct:
        row.officeReaches && running && variables.titleActive === true && variables.misconductReport == null,
    },
  };
}
