// The selection office moves its round through the round process (talent-selection-round v2):
// opening the window the first time starts the process; starting screening, confirming it, closing
// the review and ending the public notice each complete the process's open office task through
// the Orchestrator port. The round's status moves by one conditional UPDATE, made only once the
// process is seen waiting at the step, and put back if the port refuses the completion, so a
// status never runs ahead of its process.
import { addDays, noticeHasRun, shanghaiDate, ZRoundConfig } from '../../workflows/talent';
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import type { AuditEntry } from '../http/audit-entry';
import { OrchestratorError, type Orchestrator } from '../orchestrator/orchestrator';
import { engineCall } from '../work/engine-errors';
import { COUNTED_APPLICATIONS, isoDate, ROUND_STATUS_ZH, toRound } from './round-view';
import type { TRound } from './talent.types';
import { roundInScope, type RoundRow } from './talent-scope';

export const ROUND_PROCESS_KEY = 'talent-selection-round';

/**
 * Starts the round's process when its window opens the first time. The instance id is the round's
 * own id, so a retried open (by anyone) finds the instance the first attempt started.
 */
export async function startRoundProcess(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  round: RoundRow,
): Promise<string> {
  if (round.instanceId) return round.instanceId;
  const versions = await db.$queryRaw<{ id: string }[]>`
    SELECT v.id FROM process_definition_version v JOIN process_definition d ON d.id = v.definition_id
    WHERE d.key = ${ROUND_PROCESS_KEY} AND v.status = 'published' ORDER BY v.version DESC LIMIT 1`;
  const versionId = versions[0]?.id;
  if (!versionId)
    throw new AppError('PROCESS_STATE_CONFLICT', 'The selection round process is not published.', [], {
      detailZh: '人才选拔流程尚未发布，不能开启申报',
    });
  try {
    await engineCall(() =>
      orchestrator.start({
        instanceId: round.id,
        versionId,
        unitId: round.unitId,
        title: round.title,
        input: { roundId: round.id, roundName: round.title },
        actor: { userId: caller.userId },
        idempotencyKey: `talent-round/${round.id}/start`,
      }),
    );
  } catch (error) {
    // Another office member's earlier attempt started it: the same instance serves.
    if (!(error instanceof OrchestratorError && error.code === 'INSTANCE_EXISTS')) throw error;
  }
  await db.talentRound.updateMany({
    where: { id: round.id, instanceId: null },
    data: { instanceId: round.id },
  });
  return round.id;
}

type Status = RoundRow['status'];

interface Step {
  /** The office task of the process this step completes. */
  nodeId: string;
  from: Status;
  to: Status;
  audit: AuditEntry['action'];
  doing: { en: string; zh: string };
}

export const ROUND_STEPS = {
  startScreening: {
    nodeId: 'awaitScreening',
    from: 'closed',
    to: 'screening',
    audit: 'talent_round.screening_started',
    doing: { en: 'start screening', zh: '开始资格审查' },
  },
  confirmScreening: {
    nodeId: 'confirmScreening',
    from: 'screening',
    to: 'review',
    audit: 'talent_round.screening_confirmed',
    doing: { en: 'confirm the screening results', zh: '确认资格审查结果' },
  },
  closeReview: {
    nodeId: 'committeeReview',
    from: 'review',
    to: 'ranking',
    audit: 'talent_round.review_closed',
    doing: { en: 'close the review', zh: '结束评审' },
  },
  endNotice: {
    nodeId: 'publicNotice',
    from: 'notice',
    to: 'approval',
    audit: 'talent_round.notice_ended',
    doing: { en: 'end the public notice', zh: '结束公示' },
  },
} as const satisfies Record<string, Step>;

export type RoundStep = keyof typeof ROUND_STEPS;

function stateConflict(status: Status, step: Step): AppError {
  return new AppError(
    'TALENT_ROUND_STATE',
    `The round is ${status}; only a round that is ${step.from} can ${step.doing.en}.`,
    [],
    {
      roundStatus: status,
      detailZh: `选拔批次当前为“${ROUND_STATUS_ZH[status]}”，不能${step.doing.zh}`,
    },
  );
}

/**
 * Applications effectively eligible (override ?? screening) with fewer submitted reviews than the
 * round's minimum: the review cannot close while any is left.
 */
async function underReviewed(db: DbClient, round: RoundRow) {
  const minimum = ZRoundConfig.parse(round.config).review.minReviewersPerCandidate;
  const rows = await db.$queryRaw<{ id: string; name: string; submitted: number }[]>`
    SELECT a.id, c.name, (SELECT count(*)::int FROM talent_reviewer_assignment ra
                          WHERE ra.application_id = a.id AND ra.submitted_at IS NOT NULL) AS submitted
    FROM talent_application a JOIN talent_candidate c ON c.id = a.candidate_id
    WHERE a.round_id = ${round.id}::uuid AND a.status <> 'withdrawn'
      AND COALESCE(a.override_result, a.screening_result) = 'eligible'
    ORDER BY a.created_at, a.id`;
  return { minimum, short: rows.filter((row) => row.submitted < minimum) };
}

async function assertReviewComplete(db: DbClient, round: RoundRow): Promise<void> {
  const { minimum, short } = await underReviewed(db, round);
  if (short.length === 0) return;
  throw new AppError(
    'TALENT_REVIEW_INCOMPLETE',
    `${short.length} eligible application(s) have fewer than ${minimum} submitted reviews.`,
    short.map((row) => ({
      field: `applications.${row.id}`,
      reason: `${row.name}: ${row.submitted} of ${minimum} reviews submitted`,
      reasonZh: `${row.name}：已提交评分 ${row.submitted} 份，至少需要 ${minimum} 份`,
    })),
    { detailZh: `尚有 ${short.length} 名资格审查合格的人选提交评分不足 ${minimum} 份，不能结束评审` },
  );
}

/**
 * Refused while the notice runs: it may end from the day after its last day. A round that entered
 * its notice before notices had a length (no last day recorded) may end at once.
 */
function assertNoticeHasRun(round: RoundRow, now: Date): void {
  if (!round.noticeEndsOn) return;
  const endsOn = isoDate(round.noticeEndsOn);
  if (noticeHasRun(endsOn, shanghaiDate(now))) return;
  const from = addDays(endsOn, 1);
  throw new AppError(
    'TALENT_NOTICE_RUNNING',
    `The public notice runs until ${endsOn}; it can be ended from ${from}.`,
    [],
    { noticeEndsOn: endsOn, detailZh: `公示期至 ${endsOn} 届满，${from} 起方可结束公示` },
  );
}

/** Whether an objection was upheld; refused while any is still undecided. */
async function noticeOutcome(db: DbClient, round: RoundRow): Promise<{ objectionsUpheld: boolean }> {
  const counts = await db.$queryRaw<{ pending: number; upheld: number }[]>`
    SELECT count(*) FILTER (WHERE decision = 'pending')::int AS pending,
           count(*) FILTER (WHERE decision = 'upheld')::int AS upheld
    FROM talent_objection WHERE round_id = ${round.id}::uuid`;
  const { pending, upheld } = counts[0] ?? { pending: 0, upheld: 0 };
  if (pending > 0)
    throw new AppError(
      'TALENT_OBJECTIONS_PENDING',
      `${pending} objection(s) are not decided yet; decide them before ending the notice.`,
      [],
      { detailZh: `尚有 ${pending} 件公示异议未作出处理决定，不能结束公示` },
    );
  return { objectionsUpheld: upheld > 0 };
}

/** How long a command waits for the process to reach its step after the action before it (screening, ranking). */
const ARRIVAL_WAIT_MS = 5_000;

/**
 * The process's open task at the step's node; none means the process is elsewhere. A round already
 * in the step's status whose process is still running the action before the step (screening a large
 * round, say) gets a few seconds to arrive.
 */
async function openStepTask(orchestrator: Orchestrator, round: RoundRow, step: Step) {
  if (!round.instanceId) throw stateConflict(round.status, step);
  const deadline = Date.now() + (round.status === step.from ? ARRIVAL_WAIT_MS : 0);
  for (;;) {
    const tasks = await orchestrator.listOpenTasks({ instanceId: round.instanceId });
    const task = tasks.find((candidate) => candidate.nodeId === step.nodeId);
    if (task || Date.now() >= deadline) return task;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function advanceRound(
  db: DbClient,
  orchestrator: Orchestrator,
  caller: Caller,
  roundId: string,
  stepName: RoundStep,
  idempotencyKey: string,
  now: Date,
): Promise<{ round: TRound; audit: AuditEntry }> {
  const step: Step = ROUND_STEPS[stepName];
  const before = await roundInScope(db, caller, roundId);
  const task = await openStepTask(orchestrator, before, step);
  // A retry after a completion that failed midway finds the status moved and the task still open.
  const resumed = before.status === step.to && task !== undefined;
  if (!task || (before.status !== step.from && !resumed)) throw stateConflict(before.status, step);
  if (stepName === 'closeReview') await assertReviewComplete(db, before);
  if (stepName === 'endNotice' && !resumed) assertNoticeHasRun(before, now);
  const data = stepName === 'endNotice' ? await noticeOutcome(db, before) : {};
  if (!resumed) {
    const moved = await db.talentRound.updateMany({
      where: { id: roundId, status: step.from },
      data: { status: step.to, revision: { increment: 1 } },
    });
    if (moved.count === 0) {
      const now = await db.talentRound.findUniqueOrThrow({ where: { id: roundId } });
      throw stateConflict(now.status, step);
    }
  }
  try {
    await engineCall(() =>
      orchestrator.send(
        before.instanceId!,
        { type: 'taskCompleted', taskId: task.engineTaskId, data },
        { userId: caller.userId },
        `api/talent-round/${idempotencyKey}`,
      ),
    );
  } catch (error) {
    await db.talentRound.updateMany({
      where: { id: roundId, status: step.to },
      data: { status: step.from, revision: { increment: 1 } },
    });
    throw error;
  }
  const after = await roundInScope(db, caller, roundId);
  return {
    round: toRound(after, await db.talentApplication.count({ where: { roundId, ...COUNTED_APPLICATIONS } })),
    audit: {
      action: step.audit,
      resourceType: 'talent_round',
      resourceId: roundId,
      unitId: after.unitId,
      before: { status: before.status },
      after: { status: after.status, ...data },
    },
  };
}
