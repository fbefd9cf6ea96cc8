// approval: one task per seat; votes are counted by the node's policy and the path leaves by the
// outcome edge (approve / reject / return). Any `return` vote sends the work back at once. Seats
// added by 加签 (add-signer.ts) are counted apart: each added signer must approve as well.
import type { ApprovalPolicy, NodeOf } from '../definition-schema';
import type { ParsedEngineEvent } from '../engine-events';
import { outgoingOf } from '../graph';
import type { Token, TokenWait, Vote } from '../instance-state';
import { rejectWith } from '../localized-message';
import { closeTask, leave, openTask, resolveAssignee, type Run } from '../run-context';
import { copyOnCompletion } from './carbon-copy';
import { openTaskFor } from './task-access';

export type ApprovalOutcome = 'approve' | 'reject' | 'return';

/** The decision once it is certain, or undefined while votes can still change it. */
export function decideApproval(
  policy: ApprovalPolicy,
  seats: number,
  votes: Array<Pick<Vote, 'vote'>>,
): ApprovalOutcome | undefined {
  if (votes.some((vote) => vote.vote === 'return')) return 'return';
  const approvals = votes.filter((vote) => vote.vote === 'approve').length;
  const open = seats - votes.length;
  const needed = approvalsNeeded(policy, seats);
  if (approvals >= needed) return 'approve';
  if (approvals + open < needed) return 'reject';
  return undefined;
}

/**
 * The node's decision with seats added by 加签: the policy decides over the definition's seats,
 * and an approval stands only once every added signer has approved; an added signer's rejection
 * rejects (as a co-signer's would on paper).
 */
function decideWithSigners(
  policy: ApprovalPolicy,
  wait: Extract<TokenWait, { kind: 'approval' }>,
): ApprovalOutcome | undefined {
  const signers = wait.votes.filter((vote) => vote.added);
  const own = wait.votes.filter((vote) => !vote.added);
  if (signers.some((vote) => vote.vote === 'return')) return 'return';
  if (signers.some((vote) => vote.vote === 'reject')) return 'reject';
  const added = wait.added ?? 0;
  const outcome = decideApproval(policy, wait.taskIds.length - added, own);
  return outcome === 'approve' && signers.length < added ? undefined : outcome;
}

function approvalsNeeded(policy: ApprovalPolicy, seats: number): number {
  switch (policy.type) {
    case 'any':
      return 1;
    case 'all':
      return seats;
    case 'majority':
      return Math.floor(seats / 2) + 1;
    case 'quorum':
      return policy.n;
  }
}

export function allowedVotes(run: Run, nodeId: string): ApprovalOutcome[] {
  const hasReturn = outgoingOf(run.graph, nodeId).some((edge) => edge.outcome === 'return');
  return hasReturn ? ['approve', 'reject', 'return'] : ['approve', 'reject'];
}

export function enterApproval(run: Run, node: NodeOf<'approval'>, token: Token): void {
  const taskIds: string[] = [];
  const votes = allowedVotes(run, node.id);
  for (const rule of node.approvers)
    for (let index = 0; index < rule.seats; index += 1)
      taskIds.push(
        openTask(run, node, token, taskIds.length, resolveAssignee(run, rule.assignee), { votes }).id,
      );
  token.wait = { kind: 'approval', taskIds, votes: [] };
}

export function voteApproval(run: Run, event: Extract<ParsedEngineEvent, { type: 'approvalVoted' }>): void {
  const { task, token } = openTaskFor(run, event.taskId, 'approval', event.actor);
  const node = run.graph.nodes.get(task.nodeId) as NodeOf<'approval'>;
  const wait = token.wait;
  if (wait?.kind !== 'approval') throw new Error(`token ${token.id} is not waiting for an approval`);
  if (!allowedVotes(run, node.id).includes(event.vote))
    rejectWith(
      'VOTE_NOT_ALLOWED',
      `此审批不能${event.vote === 'return' ? '退回' : event.vote}`,
      `this approval does not accept '${event.vote}'`,
    );
  if (wait.votes.some((vote) => vote.userId === event.actor.userId))
    rejectWith(
      'ALREADY_ACTED',
      '您已在此审批中投过票，每人只能投一票',
      'you have already voted in this approval: one vote per person',
    );
  wait.votes.push({
    taskId: task.id,
    seat: task.seat,
    userId: event.actor.userId,
    vote: event.vote,
    ...(event.comment === undefined ? {} : { comment: event.comment }),
    ...(task.addedBy === undefined ? {} : { added: true as const }),
  });
  closeTask(run, task.id, false);
  // 前加签: the seats held for this signer are their holders' again.
  for (const taskId of wait.taskIds) {
    const held = run.state.tasks[taskId];
    if (held?.heldFor === task.id) delete held.heldFor;
  }
  const outcome = decideWithSigners(node.policy, wait);
  if (!outcome) return;
  for (const taskId of wait.taskIds) closeTask(run, taskId, true);
  if (node.decisionVariable) run.state.variables[node.decisionVariable] = outcome;
  if (node.votesVariable)
    run.state.variables[node.votesVariable] = {
      outcome,
      votes: wait.votes.map(({ userId, vote, comment }) => ({
        userId,
        vote,
        ...(comment === undefined ? {} : { comment }),
      })),
    };
  copyOnCompletion(run, node, task);
  leave(run, token, outcome);
}
