// Steps a page of their own completes, not the 工作台: the talent round's office steps (开始资格审查,
// 确认审查结果, 结束评审, 结束公示) move the round's status with the step
// (api/talent/round-process-commands.ts). Done from the inbox they would move the process and leave
// the round's status behind, so the task commands refuse them and the task page links to the round.
import type { DbClient } from '../db/prisma-client';
import { AppError } from '../http/app-error';
import { ROUND_STEPS } from '../talent/round-process-commands';
import { definitionOf } from './definition-cache';
import { processPathOf, type TaskRow } from './task-rows';

/** Where the task's step is done instead, if it is such a step; the round's id is its process's. */
export function hostedPathOf(definitionKey: string, row: Pick<TaskRow, 'node_id' | 'instance_id'>) {
  return definitionKey === 'talent-selection-round' &&
    Object.values(ROUND_STEPS).some((step) => step.nodeId === row.node_id)
    ? processPathOf(definitionKey, row.instance_id)
    : null;
}

/** Refuses a task command on a step its own page completes (409, naming where to go). */
export async function assertNotHostedStep(db: DbClient, row: TaskRow): Promise<void> {
  const path = hostedPathOf((await definitionOf(db, row.version_id)).key, row);
  if (path)
    throw new AppError(
      'PROCESS_STATE_CONFLICT',
      'This step is done from the selection round’s page, which moves the round with it.',
      [],
      { detailZh: '此环节请在人才选拔批次页面办理（该页面会同时更新批次状态）', hostedAt: path },
    );
}
