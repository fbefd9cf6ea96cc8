// The project page's stage bar, computed from the real engine's state as the lifecycle runs: a return
// to an earlier stage must not leave the later stage ticked as done.
import { stageViews } from '../../api/work/stage-view';
import { projectLifecycle } from '../../workflows/definitions';
import { candidateOf, drive, type Driver } from './engine/drive';

const assessment = {
  targetGroup: '社区独居老人',
  serviceDomain: '为老服务',
  needsSummary: '独居老人四十余人，缺少日常探访与应急联络。',
};
const plan = {
  objectives: '为独居老人建立探访与应急联络机制。',
  activities: [{ title: '入户探访', plannedDate: '2026-12-01', participants: 40 }],
  budgetYuan: 12000,
  indicators: [{ indicator: '探访人次', target: 480 }],
};

const bar = (run: Driver) =>
  Object.fromEntries(stageViews(projectLifecycle, run.state).map((stage) => [stage.id, stage.status]));

/** A lifecycle project whose plan waits for the centre's approval. */
function atCentreApproval(): Driver {
  const run = drive(projectLifecycle, { projectName: '独居老人探访' });
  run.complete('assess', assessment);
  run.vote('headApproval', ['approve']);
  run.complete('plan', plan);
  return run;
}

function returnTo(run: Driver, nodeId: string, toNodeId: string): void {
  const task = run.task(nodeId);
  run.send({
    type: 'taskReturned',
    taskId: task.id,
    actor: candidateOf(task, 'centre-1', run.state),
    toNodeId,
  });
}

describe('stage bar', () => {
  it('ticks the stages passed and marks the one the work is in', () => {
    expect(bar(atCentreApproval())).toEqual({
      assess: 'done',
      plan: 'current',
      implement: 'pending',
      monitor: 'pending',
      evaluate: 'pending',
    });
  });

  it('shows a stage the centre sent the work back from as returned, not done (退回 to 项目预估)', () => {
    const run = atCentreApproval();
    returnTo(run, 'centreApproval', 'assess');
    expect(bar(run)).toEqual({
      assess: 'current',
      plan: 'returned',
      implement: 'pending',
      monitor: 'pending',
      evaluate: 'pending',
    });
    // Still returned while the assessment waits for the station head again (same stage).
    run.complete('assess', assessment);
    expect(bar(run).plan).toBe('returned');
    // Once the work is back in the plan, the plan is current and the assessment done again.
    run.vote('headApproval', ['approve']);
    expect(bar(run)).toMatchObject({ assess: 'done', plan: 'current' });
  });

  it('keeps a return within one stage from changing the others (退回 to 项目计划)', () => {
    const run = atCentreApproval();
    returnTo(run, 'centreApproval', 'plan');
    expect(bar(run)).toMatchObject({ assess: 'done', plan: 'current', implement: 'pending' });
  });

  it('counts both stages of the parallel implementation and monitoring as current', () => {
    const run = atCentreApproval();
    run.vote('centreApproval', ['approve']);
    expect(bar(run)).toEqual({
      assess: 'done',
      plan: 'done',
      implement: 'current',
      monitor: 'current',
      evaluate: 'pending',
    });
  });
});
