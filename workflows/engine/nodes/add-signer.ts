// 加签 on an approval: the holder of a seat adds a seat at the node for someone else, a co-signer
// who must approve as well (the node's policy still decides over the definition's seats, see
// approval.ts). 前加签 (`before`) holds the holder's own seat until the signer has voted; 后加签
// (`after`) leaves it free. Semantics: docs/task-actions.md.
import { CASE_ROLES, type NodeOf } from '../definition-schema';
import type { ParsedEngineEvent } from '../engine-events';
import { rejectWith } from '../localized-message';
import { openTask, type Run } from '../run-context';
import { allowedVotes } from './approval';
import { isCandidate, openTaskFor } from './task-access';
import { checkEligible } from './task-handover';

export function addSigner(run: Run, event: Extract<ParsedEngineEvent, { type: 'signerAdded' }>): void {
  // The holder may add a signer while they may answer the seat (not delegated, not already held).
  const { task, token } = openTaskFor(run, event.taskId, 'approval', event.actor);
  const wait = token.wait;
  if (wait?.kind !== 'approval') throw new Error(`token ${token.id} is not waiting for an approval`);
  if (event.to.userId === event.actor.userId)
    rejectWith('TARGET_NOT_ELIGIBLE', '不能给自己加签', 'one cannot add oneself as a signer');
  // A candidate of another open seat (a role seat not yet answered) would sit twice.
  const otherSeat = wait.taskIds.some((id) => {
    const other = run.state.tasks[id];
    return other !== undefined && id !== task.id && isCandidate(other.assignee, event.to, run.state);
  });
  if (otherSeat)
    rejectWith(
      'TARGET_NOT_ELIGIBLE',
      `${event.to.displayName ?? event.to.userId} 已持有此审批的另一席位`,
      `${event.to.userId} already holds a seat of this approval`,
    );
  // The signer brings another view, so any case role on the project's unit line will do (not the
  // seat's role); admins run the system and read no cases.
  checkEligible(run, task, event.to, undefined, CASE_ROLES);
  const node = run.graph.nodes.get(task.nodeId) as NodeOf<'approval'>;
  const signer = openTask(
    run,
    node,
    token,
    wait.taskIds.length,
    { type: 'user', userId: event.to.userId },
    { votes: allowedVotes(run, node.id) },
  );
  signer.addedBy = event.actor.userId;
  wait.taskIds.push(signer.id);
  wait.added = (wait.added ?? 0) + 1;
  if (event.position === 'before') task.heldFor = signer.id;
}
