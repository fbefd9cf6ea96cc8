// A task's remarks (comments, vote comments, hand-over notes) from the instance's event log, its
// hand-over state, what the caller may do about it, and who may take it over.
import type { Caller } from '../auth/caller';
import type { DbClient } from '../db/prisma-client';
import type { TTaskActivity, TTaskRemark } from './task-action.types';
import { definitionOf } from './definition-cache';
import { visibleTask } from './task-inbox';
import { mayTakeBack, supervisesProject } from './task-handovers';
import type { TaskRow } from './task-rows';
import { WORKBENCH_ROLES } from '../policy/unit-scope';
import { choosablePeople, peopleOnUnitLine } from './unit-line-people';

/** Events that may carry a remark about a task. */
const REMARK_TYPES = [
  'taskCommented',
  'approvalVoted',
  'reviewSubmitted',
  'taskReassigned',
  'taskDelegated',
  'taskTransferred',
  'taskResolved',
  'taskReturned',
  'signerAdded',
];

interface RemarkRow {
  sequence: number;
  type: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  payload: { comment?: string; reason?: string; to?: { userId: string; displayName?: string } };
}

/** The task and those it took over from by hand-overs: their remarks belong to it. */
function taskChain(row: TaskRow): string[] {
  const open = row.instance_state.tasks[row.engine_task_id];
  return [...(open?.handedFrom ?? []), row.engine_task_id];
}

async function remarksOf(db: DbClient, row: TaskRow): Promise<TTaskRemark[]> {
  const chain = taskChain(row);
  const rows = await db.$queryRaw<RemarkRow[]>`
    SELECT e.sequence, e.type, e.occurred_at, e.actor_id, u.display_name AS actor_name, e.payload
    FROM instance_event e LEFT JOIN app_user u ON u.id = e.actor_id
    WHERE e.instance_id = ${row.instance_id}::uuid AND e.type = ANY(${REMARK_TYPES}::text[])
      AND COALESCE(e.payload ->> 'taskId', e.payload ->> 'fromTaskId') = ANY(${chain}::text[])
    ORDER BY e.sequence`;
  return rows.flatMap((r) => {
    const comment = r.payload.comment ?? r.payload.reason ?? null;
    const to = r.payload.to;
    // A vote or review without a comment says nothing here; the timeline shows it.
    if (comment === null && to === undefined && r.type !== 'taskResolved' && r.type !== 'taskReturned')
      return [];
    return [
      {
        sequence: r.sequence,
        type: r.type,
        occurredAt: r.occurred_at.toISOString(),
        author: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
        to: to ? { id: to.userId, displayName: to.displayName ?? '' } : null,
        comment,
      },
    ];
  });
}

/** The people holding the approval's other seats by name or having voted there: the engine refuses them as signers. */
function seatedAt(row: TaskRow): string[] {
  const state = row.instance_state;
  const token = state.tasks[row.engine_task_id]?.tokenId;
  const wait = token === undefined ? undefined : state.tokens[token]?.wait;
  const voted = wait?.kind === 'approval' ? wait.votes.map((vote) => vote.userId) : [];
  const holders = Object.values(state.tasks).flatMap((task) =>
    task.tokenId === token && task.assignee.type === 'user' ? [task.assignee.userId] : [],
  );
  return [...voted, ...holders];
}

/** The engine gives no approval to the person who started the process (task-handover.ts). */
const starterOfApproval = (row: TaskRow): string[] =>
  row.kind === 'approval' && row.instance_state.startedBy ? [row.instance_state.startedBy] : [];

const nameOf = async (db: DbClient, userId: string | undefined): Promise<string | undefined> =>
  userId === undefined
    ? undefined
    : ((
        await db.$queryRaw<{ display_name: string }[]>`
          SELECT display_name FROM app_user WHERE id = ${userId}::uuid`
      )[0]?.display_name ?? '');

/** The nodes the task's node lists in `returnTo` that the instance has passed through (the engine's rule). */
async function returnTargetsOf(db: DbClient, row: TaskRow): Promise<{ nodeId: string; name: string }[]> {
  const definition = await definitionOf(db, row.version_id);
  const node = definition.nodes.find((candidate) => candidate.id === row.node_id);
  const listed = node && 'returnTo' in node ? (node.returnTo ?? []) : [];
  const visits = row.instance_state.visits;
  return listed.flatMap((nodeId) => {
    const target = definition.nodes.find((candidate) => candidate.id === nodeId);
    return target && (visits[nodeId] ?? 0) > 0 ? [{ nodeId, name: target.name }] : [];
  });
}

export async function taskActivity(db: DbClient, caller: Caller, taskId: string): Promise<TTaskActivity> {
  const { row, candidate } = await visibleTask(db, caller, taskId);
  const open = row.status === 'open';
  const engineTask = open ? row.instance_state.tasks[row.engine_task_id] : undefined;
  const owner = engineTask?.delegatedBy;
  const ownerName = await nameOf(db, owner);
  const signerSeat = engineTask?.heldFor ? row.instance_state.tasks[engineTask.heldFor]?.assignee : undefined;
  const signer = signerSeat?.type === 'user' ? signerSeat.userId : undefined;
  const signerName = await nameOf(db, signer);
  const holds = open && (row.assignee_id === caller.userId || candidate);
  const may = {
    reassign: open && supervisesProject(caller, row),
    delegate: holds && owner === undefined,
    transfer: holds && owner === undefined,
    resolve: holds && owner !== undefined,
    comment: open,
    addSigner: holds && owner === undefined && row.kind === 'approval' && signer === undefined,
    copy: holds || (open && owner === caller.userId),
  };
  const returnTargets = holds && owner === undefined ? await returnTargetsOf(db, row) : [];
  return {
    remarks: await remarksOf(db, row),
    may: { ...may, return: returnTargets.length > 0, takeBack: mayTakeBack(row, caller) },
    returnTargets,
    delegatedBy: owner ? { id: owner, displayName: ownerName ?? '' } : null,
    waitingFor: signer ? { id: signer, displayName: signerName ?? '' } : null,
    // Who may take the task over, as the engine's rule has it (any role for a task assigned to a person).
    eligible:
      may.reassign || may.delegate || may.transfer
        ? await peopleOnUnitLine(db, row, {
            roles: row.candidate_role === null ? [...WORKBENCH_ROLES] : [row.candidate_role],
            // The engine refuses the task's own holder; a supervisor may take a task themself.
            excluded: [
              ...(row.assignee_id ? [row.assignee_id] : []),
              ...(holds ? [caller.userId] : []),
              ...starterOfApproval(row),
            ],
          })
        : [],
    choosable:
      holds && owner === undefined && (row.form ?? []).some((field) => field.type === 'user')
        ? await choosablePeople(db, row)
        : [],
    // A signer gives another view, so anyone with a 工作台 on the unit line will do.
    signers: may.addSigner
      ? await peopleOnUnitLine(db, row, {
          roles: [...WORKBENCH_ROLES],
          excluded: [caller.userId, ...seatedAt(row), ...starterOfApproval(row)],
        })
      : [],
    copyTo: may.copy
      ? await peopleOnUnitLine(db, row, { roles: [...WORKBENCH_ROLES], excluded: [caller.userId] })
      : [],
  };
}
