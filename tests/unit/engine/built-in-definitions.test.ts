import {
  builtInDefinitions,
  projectLifecycle,
  talentSelectionRound,
  talentTerm,
  venturePhilanthropy,
} from '../../../workflows/definitions';
import { validateDefinition } from '../../../workflows/engine';
import { lifecycleReviewScores, lifecycleTaskData } from '../../fixtures/project-lifecycle-data';
import { candidateOf, type Driver, drive, effectsOf } from './drive';

describe('built-in definitions', () => {
  it.each(Object.entries(builtInDefinitions))('%s passes the validator', (_key, def) => {
    expect(validateDefinition(def).problems).toEqual([]);
  });
});

const { assess: assessment, plan } = lifecycleTaskData;
const fullMarks = lifecycleReviewScores;

/** The votes an approval's `votesVariable` holds after `run.vote(nodeId, votes)`: the driver's voters in seat order. */
const votesOf = (nodeId: string, votes: Array<'approve' | 'reject' | 'return'>) =>
  votes.map((vote, index) => ({ userId: `${nodeId}-voter-${index}`, vote }));

function lifecycleToImplementation(): Driver {
  const run = drive(projectLifecycle, { projectName: '银龄守护' });
  run.complete('assess', assessment);
  run.vote('headApproval', ['approve']);
  run.complete('plan', plan);
  run.vote('centreApproval', ['approve']);
  return run;
}

function reviewAll(run: Driver, nodeId: string, scores: Record<string, number>): void {
  for (const [index, task] of run.tasks(nodeId).entries())
    run.send({
      type: 'reviewSubmitted',
      taskId: task.id,
      actor: candidateOf(task, `${nodeId}-reviewer-${index}`, run.state),
      scores,
    });
}

describe('project lifecycle (项目化运行五阶段)', () => {
  it('runs assess → approvals → plan → implement ∥ monthly monitoring → evaluation → practice case', () => {
    const run = lifecycleToImplementation();
    expect(run.atNodes()).toEqual(['implement', 'monitorCycle']);
    const firstReport = Object.values(run.state.timers).find((timer) => timer.nodeId === 'monitorCycle');
    expect(firstReport?.fireAt).toBe('2025-04-01T01:00:00.000Z');
    run.fire((timer) => timer.nodeId === 'monitorCycle');
    run.complete('monthlyReport', { indicatorProgress: '已探访 50 人次' });
    run.complete('implement', { activitiesHeld: 12, peopleServed: 620, volunteers: 15, volunteerHours: 300 });
    run.fire((timer) => timer.nodeId === 'monitorCycle');
    run.complete('monthlyReport', { indicatorProgress: '完成全部探访' });
    run.complete('supervision', { supervisionNotes: '执行规范', correctiveActionRequired: false });
    expect(run.tasks('evaluate')).toHaveLength(3);
    reviewAll(run, 'evaluate', fullMarks);
    expect(run.state.variables).toMatchObject({ evaluationScore: 95.5, rating: '优秀' });
    run.complete('practiceCase', { caseTitle: '银龄守护实践', caseSummary: '以探访网络回应独居老人需求' });
    expect(run.state).toMatchObject({ status: 'completed', outcome: 'completed' });
  });

  it('lets the centre send the work back past the plan to the assessment (退回, returnTo)', () => {
    const run = drive(projectLifecycle, { projectName: '银龄守护' });
    run.complete('assess', assessment);
    run.vote('headApproval', ['approve']);
    run.complete('plan', plan);
    const seat = run.task('centreApproval');
    run.send({
      type: 'taskReturned',
      taskId: seat.id,
      actor: candidateOf(seat, 'zhongxin', run.state),
      toNodeId: 'assess',
    });
    expect(run.atNodes()).toEqual(['assess']);
    expect(run.task('assess').assignee).toEqual({ type: 'user', userId: 'officer-1' });
  });

  it('returns the assessment to the officer when the station head sends it back', () => {
    const run = drive(projectLifecycle, { projectName: '银龄守护' });
    run.complete('assess', assessment);
    run.vote('headApproval', ['return']);
    expect(run.atNodes()).toEqual(['assess']);
    expect(run.state.variables.headDecision).toBe('return');
  });

  it('ends as rejected when the guidance centre rejects the plan', () => {
    const run = drive(projectLifecycle, { projectName: '银龄守护' });
    run.complete('assess', assessment);
    run.vote('headApproval', ['approve']);
    run.complete('plan', plan);
    run.vote('centreApproval', ['reject']);
    expect(run.state).toMatchObject({ status: 'completed', outcome: 'rejected' });
  });

  it('sends the project back to implementation when supervision requires corrective action', () => {
    const run = lifecycleToImplementation();
    run.complete('implement', { activitiesHeld: 2, peopleServed: 40 });
    run.fire((timer) => timer.nodeId === 'monitorCycle');
    run.complete('monthlyReport', { indicatorProgress: '进度滞后' });
    run.complete('supervision', {
      supervisionNotes: '探访覆盖不足',
      correctiveActionRequired: true,
      correctiveActions: '增加志愿者',
    });
    expect(run.atNodes()).toEqual(['implement', 'monitorCycle']);
    expect(run.state.variables.implementationDone).toBe(false);
    expect(run.state.visits.implement).toBe(2);
  });

  it('reminds the officer of an overdue assessment and escalates it to the supervisor', () => {
    const run = drive(projectLifecycle, { projectName: '银龄守护' }, { unitId: 'station-7' });
    const reminder = run.fire((timer) => timer.purpose === 'reminder');
    expect(reminder).toEqual([
      expect.objectContaining({
        type: 'notify',
        template: 'task.reminder',
        to: { type: 'user', userId: 'officer-1' },
      }),
    ]);
    const escalation = run.fire((timer) => timer.purpose === 'escalation');
    expect(escalation).toEqual([
      expect.objectContaining({
        type: 'notify',
        template: 'task.escalated',
        to: { type: 'role', role: 'supervisor', unitId: 'station-7', scope: 'unitOrAncestors' },
      }),
    ]);
  });

  it('withdraws everything when the project is terminated', () => {
    const run = lifecycleToImplementation();
    const effects = run.send({ type: 'external', name: 'projectTerminated' });
    expect(
      effectsOf(effects, 'cancelTask').length + effectsOf(effects, 'cancelTimer').length,
    ).toBeGreaterThan(0);
    expect(run.state).toMatchObject({ status: 'completed', outcome: 'terminated', tasks: {}, timers: {} });
  });
});

const application = {
  projectName: '骑手驿站',
  organisation: '瓯海社工服务社',
  serviceDomain: '社区发展',
  budgetYuan: 80000,
  fullTimeSocialWorker: '王芳',
  charityResources: 3,
  volunteers: 20,
  proposal: '为新就业群体提供驿站服务',
};

describe('venture philanthropy (公益创投)', () => {
  function toPanel(): Driver {
    const run = drive(venturePhilanthropy, { callTitle: '2025 年公益创投' });
    run.complete('callForProjects', application);
    run.vote('preliminaryReview', ['approve']);
    return run;
  }

  it('runs call → preliminary review → panel scores → approval → landing → implementation → closing evaluation', () => {
    const run = toPanel();
    const panel = run.tasks('panelReview');
    run.send({
      type: 'reviewSubmitted',
      taskId: panel[0]?.id ?? '',
      actor: candidateOf(panel[0]!, 'expert-1', run.state),
      scores: { necessity: 90, feasibility: 80, innovation: 70, budget: 80 },
    });
    run.send({
      type: 'reviewSubmitted',
      taskId: panel[1]?.id ?? '',
      actor: candidateOf(panel[1]!, 'expert-2', run.state),
      recused: true,
    });
    run.send({
      type: 'reviewSubmitted',
      taskId: panel[2]?.id ?? '',
      actor: candidateOf(panel[2]!, 'expert-3', run.state),
      scores: { necessity: 80, feasibility: 80, innovation: 80, budget: 80 },
    });
    expect(run.state.variables.panelScore).toBe(80.5);
    run.vote('approval', ['approve', 'approve']);
    expect(run.effects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'runAction',
          action: 'notify',
          params: {
            template: 'venture.landed',
            to: { starter: true },
            data: { callTitle: '2025 年公益创投', panelScore: 80.5 },
          },
        }),
      ]),
    );
    run.finishAction('landing');
    run.complete('implementation', { activitiesHeld: 24, peopleServed: 1300, volunteers: 40 });
    reviewAll(run, 'closingEvaluation', { outcomes: 80, management: 80, finance: 70 });
    expect(run.state).toMatchObject({
      status: 'completed',
      outcome: 'completed',
      variables: { closingScore: 77, closingRating: '良好' },
    });
  });

  it('ends as not selected when the panel score is below the passing line', () => {
    const run = toPanel();
    reviewAll(run, 'panelReview', { necessity: 50, feasibility: 50, innovation: 50, budget: 50 });
    expect(run.state.outcome).toBe('notSelected');
  });

  it('ends as not selected, not with an incident, when every panel member recuses and no score exists', () => {
    const run = toPanel();
    for (const [index, task] of run.tasks('panelReview').entries())
      run.send({
        type: 'reviewSubmitted',
        taskId: task.id,
        actor: candidateOf(task, `expert-${index}`, run.state),
        recused: true,
      });
    expect(run.state.variables.panelScore).toBeNull();
    expect(run.state).toMatchObject({ status: 'completed', outcome: 'notSelected' });
    expect(run.state.incidents).toBeUndefined();
  });

  it('returns the application for revision at preliminary review, and rejects when the quorum of 2 approvals is not reached', () => {
    const run = drive(venturePhilanthropy, { callTitle: '2025 年公益创投' });
    run.complete('callForProjects', application);
    run.vote('preliminaryReview', ['return']);
    run.complete('callForProjects', { ...application, budgetYuan: 60000 });
    run.vote('preliminaryReview', ['approve']);
    reviewAll(run, 'panelReview', { necessity: 90, feasibility: 90, innovation: 90, budget: 90 });
    run.vote('approval', ['approve', 'reject', 'reject']);
    expect(run.state).toMatchObject({ outcome: 'rejected', variables: { approvalDecision: 'reject' } });
  });

  it('stops at once when the organisation withdraws', () => {
    const run = toPanel();
    run.send({ type: 'external', name: 'projectWithdrawn', payload: { reason: '机构人员变动' } });
    expect(run.state).toMatchObject({
      outcome: 'withdrawn',
      variables: { withdrawReason: '机构人员变动' },
      tasks: {},
    });
  });
});

describe('talent selection round (高层次人才选拔)', () => {
  const round = { roundId: 'round-2025', roundName: '2025 年“海右”人才选拔' };
  const talents = [
    { talentId: 't1', personName: '张敏' },
    { talentId: 't2', personName: '李强' },
  ];

  /** The round's actions carry only the round id: screening, ranking and publishing read the rows. */
  function expectAction(
    run: Driver,
    action: string,
    params: Record<string, unknown> = { roundId: 'round-2025' },
  ) {
    expect(effectsOf(run.effects, 'runAction').map((effect) => [effect.action, effect.params])).toEqual([
      [action, params],
    ]);
  }

  /** From the office starting screening to the list confirmed by the office and in its public notice. */
  function toNotice(): Driver {
    const run = drive(talentSelectionRound, round, { unitId: 'city-office' });
    expect(run.tasks().map((task) => task.nodeId)).toEqual(['awaitScreening']);
    run.complete('awaitScreening');
    expectAction(run, 'computeEligibility');
    run.finishAction('computeEligibility', { screened: 3, eligible: 2, ineligible: 1 });
    run.complete('confirmScreening');
    run.complete('committeeReview');
    expectAction(run, 'rankAndAllocate');
    run.finishAction('rankAndAllocate', { ranked: 2, selected: 2 });
    run.vote('officeConfirmation', ['approve']);
    expectAction(run, 'setRoundStatus', { roundId: 'round-2025', from: ['ranking'], to: 'notice' });
    run.finishAction('beginNotice');
    return run;
  }

  it('publishes after a public notice without upheld objections and starts one talent term per talent', () => {
    const run = toNotice();
    run.complete('publicNotice', { objectionsUpheld: false });
    run.vote('leadingGroupApproval', ['approve', 'approve']);
    // The votes go to the action, which writes the leading group's decision with them.
    expectAction(run, 'publishRound', {
      roundId: 'round-2025',
      leadingDecision: { outcome: 'approve', votes: votesOf('leadingGroupApproval', ['approve', 'approve']) },
    });
    run.finishAction('publishRound', { talents });
    expect(
      effectsOf(run.effects, 'startChild').map((effect) => ({ input: effect.input, title: effect.title })),
    ).toEqual([
      {
        input: { talentId: 't1', personName: '张敏', roundName: '2025 年“海右”人才选拔' },
        title: '张敏·人才管理期',
      },
      {
        input: { talentId: 't2', personName: '李强', roundName: '2025 年“海右”人才选拔' },
        title: '李强·人才管理期',
      },
    ]);
    expect(run.state).toMatchObject({ status: 'completed', outcome: 'published' });
  });

  it('ranks again when an objection was upheld, before the leading group decides', () => {
    const run = toNotice();
    run.complete('publicNotice', { objectionsUpheld: true });
    expectAction(run, 'rankAndAllocate');
    run.finishAction('rerankAfterObjections', { ranked: 1, selected: 1, removed: 1 });
    run.vote('leadingGroupApproval', ['approve', 'reject', 'approve']);
    run.finishAction('publishRound', { talents: talents.slice(0, 1) });
    expect(effectsOf(run.effects, 'startChild')).toHaveLength(1);
  });

  it('goes back to review when the office returns the list, and to the office when the leading group does', () => {
    const run = drive(talentSelectionRound, round, { unitId: 'city-office' });
    run.complete('awaitScreening');
    run.finishAction('computeEligibility', {});
    run.complete('confirmScreening');
    run.complete('committeeReview');
    run.finishAction('rankAndAllocate', {});
    run.vote('officeConfirmation', ['return']);
    expectAction(run, 'setRoundStatus', { roundId: 'round-2025', from: ['ranking'], to: 'review' });
    run.finishAction('reopenReview');
    expect(run.tasks().map((task) => task.nodeId)).toEqual(['committeeReview']);
    run.complete('committeeReview');
    run.finishAction('rankAndAllocate', {});
    run.vote('officeConfirmation', ['approve']);
    run.finishAction('beginNotice');
    run.complete('publicNotice', { objectionsUpheld: false });
    run.vote('leadingGroupApproval', ['return']);
    expectAction(run, 'setRoundStatus', {
      roundId: 'round-2025',
      from: ['approval'],
      to: 'ranking',
      leadingDecision: { outcome: 'return', votes: votesOf('leadingGroupApproval', ['return']) },
    });
    run.finishAction('backToOffice');
    expect(run.tasks().map((task) => task.nodeId)).toEqual(['officeConfirmation']);
  });

  it('cancels the round when the leading group rejects the list', () => {
    const run = toNotice();
    run.complete('publicNotice', { objectionsUpheld: false });
    run.vote('leadingGroupApproval', ['reject', 'reject']);
    expectAction(run, 'setRoundStatus', {
      roundId: 'round-2025',
      from: ['approval'],
      to: 'cancelled',
      leadingDecision: { outcome: 'reject', votes: votesOf('leadingGroupApproval', ['reject', 'reject']) },
    });
    run.finishAction('cancelAfterLeadingGroup');
    expect(run.state.outcome).toBe('rejected');
  });
});

describe('talent term (人才管理期)', () => {
  const talentId = '0b7e4c52-8a1d-4c39-9f0e-3d2a6b1c5e71';
  const yearEnds = ['2026-03-01', '2027-03-01', '2028-03-01', '2029-03-01'];
  const start = () => {
    const run = drive(
      talentTerm,
      { talentId, personName: '张敏', roundName: '2025 年度' },
      { unitId: 'city-office' },
    );
    expect(effectsOf(run.effects, 'runAction')).toEqual([
      expect.objectContaining({ action: 'beginTerm', params: { talentId } }),
    ]);
    run.finishAction('beginTerm', { termYears: 4, yearEnds });
    return run;
  };
  const assess = (run: Driver, rating = '称职') => {
    run.complete('annualAssessment', { annualRating: rating });
    return run.finishAction('recordAssessment');
  };
  const actions = (effects: ReturnType<Driver['fire']>) =>
    effectsOf(effects, 'runAction').map(({ action, params }) => ({ action, params }));

  it('waits for each anniversary the term row gives, pays that year, assesses it, then rates the whole term', () => {
    const run = start();
    for (let year = 1; year <= 4; year += 1) {
      const timer = Object.values(run.state.timers).find((t) => t.nodeId === 'yearEnd');
      // 00:00 in Asia/Shanghai on the anniversary.
      expect(timer?.fireAt).toBe(`${String(2025 + year)}-02-${year === 3 ? '29' : '28'}T16:00:00.000Z`);
      expect(actions(run.fire())).toEqual([
        {
          action: 'payAllowance',
          params: { talentId, termYear: year, asOf: `${String(2025 + year)}-03-01` },
        },
      ]);
      run.finishAction('payAllowance', { paid: [{ termYear: year, months: 12, amountYuan: 12000 }] });
      expect(actions(assess(run))).toEqual(year < 4 ? [] : []);
    }
    run.complete('finalEvaluation', { finalRating: '优秀', summary: '表现突出' });
    expect(effectsOf(run.effects, 'runAction')[0]?.params).toMatchObject({
      termYear: 4,
      rating: '优秀',
      final: true,
    });
    run.finishAction('recordFinalRating', { rating: 'excellent', mayReapply: true });
    expect(run.state).toMatchObject({
      status: 'completed',
      outcome: 'termCompleted',
      variables: { eligibleToReapply: true, termYear: 5 },
    });
  });

  it.each(['leftSocialWork', 'movedOutOfCity'])(
    'stops benefits from the effective date but keeps the title and the assessments after %s',
    (event) => {
      const run = start();
      run.fire();
      run.finishAction('payAllowance');
      assess(run);
      run.now = '2027-01-25T02:00:00.000Z';
      run.send({ type: 'external', name: event, payload: { effectiveOn: '2027-01-20', note: '调往外地' } });
      expect(actions(run.effects)).toEqual([
        {
          action: 'stopBenefits',
          params: {
            talentId,
            reason: event,
            effectiveOn: '2027-01-20',
            note: '调往外地',
            asOf: '2027-01-25',
          },
        },
      ]);
      run.finishAction('stopBenefits');
      for (let year = 2; year <= 4; year += 1) {
        expect(actions(run.fire())).toEqual([]);
        assess(run);
      }
      run.complete('finalEvaluation', { finalRating: '称职', summary: '已离开岗位' });
      run.finishAction('recordFinalRating', { rating: 'competent', mayReapply: false });
      expect(run.state).toMatchObject({
        outcome: 'termCompleted',
        variables: { titleActive: true, benefitsActive: false, eligibleToReapply: false },
      });
      expect(run.reject({ type: 'external', name: event, payload: { effectiveOn: '2029-01-01' } }).code).toBe(
        'NOT_RUNNING',
      );
    },
  );

  it('refuses a stop without an effective date, one in the future, and a second stop', () => {
    const run = start();
    expect(run.reject({ type: 'external', name: 'movedOutOfCity', payload: { note: '无日期' } }).code).toBe(
      'PAYLOAD_INVALID',
    );
    expect(
      run.reject({ type: 'external', name: 'movedOutOfCity', payload: { effectiveOn: '2025-03-02' } }).code,
    ).toBe('EVENT_NOT_HANDLED');
    run.send({ type: 'external', name: 'movedOutOfCity', payload: { effectiveOn: '2025-03-01' } });
    expect(
      run.reject({ type: 'external', name: 'leftSocialWork', payload: { effectiveOn: '2025-03-01' } }).code,
    ).toBe('EVENT_NOT_HANDLED');
  });

  it('revokes the title after verified misconduct approved by a majority of the leading group, stopping benefits at the effective date', () => {
    const run = start();
    run.fire();
    run.finishAction('payAllowance');
    run.send({
      type: 'external',
      name: 'misconductReported',
      payload: { effectiveOn: '2026-03-01', note: '违规收费' },
    });
    expect(actions(run.effects)).toEqual([
      {
        action: 'recordTermEvent',
        params: { talentId, kind: 'misconduct_reported', effectiveOn: '2026-03-01', note: '违规收费' },
      },
    ]);
    run.finishAction('recordMisconductReport');
    expect(run.atNodes()).toEqual(['annualAssessment', 'verifyMisconduct']);
    run.complete('verifyMisconduct', { misconductVerified: true, findings: '经核实属实' });
    run.finishAction('recordVerified');
    expect(run.tasks('revocationApproval')).toHaveLength(3);
    run.vote('revocationApproval', ['approve', 'approve']);
    expect(actions(run.effects)).toEqual([
      {
        action: 'revokeTitle',
        params: {
          talentId,
          effectiveOn: '2026-03-01',
          note: '经核实属实',
          leadingDecision: {
            outcome: 'approve',
            votes: votesOf('revocationApproval', ['approve', 'approve']),
          },
        },
      },
    ]);
    run.finishAction('revokeTitle');
    expect(effectsOf(run.effects, 'runAction')[0]?.params).toMatchObject({
      reason: 'revoked',
      effectiveOn: '2026-03-01',
    });
    const effects = run.finishAction('stopBenefitsAfterRevocation');
    // The terminate end withdraws the still-open annual assessment of the running year.
    expect(effectsOf(effects, 'cancelTask')).toHaveLength(1);
    expect(effects).toContainEqual({ type: 'completed', outcome: 'revoked' });
    expect(run.state).toMatchObject({
      status: 'completed',
      outcome: 'revoked',
      tasks: {},
      timers: {},
      variables: { titleActive: false, benefitsActive: false },
    });
  });

  it('holds the payment of a year that ends while misconduct is being verified, and pays it when the report is dismissed', () => {
    const run = start();
    run.now = '2025-12-05T02:00:00.000Z';
    run.send({
      type: 'external',
      name: 'misconductReported',
      payload: { effectiveOn: '2025-12-01', note: '匿名举报' },
    });
    run.finishAction('recordMisconductReport');
    expect(
      run.reject({
        type: 'external',
        name: 'misconductReported',
        payload: { effectiveOn: '2025-12-02', note: '再次举报' },
      }).code,
    ).toBe('EVENT_NOT_HANDLED');
    expect(actions(run.fire((timer) => timer.nodeId === 'yearEnd'))).toEqual([]);
    expect(run.atNodes()).toEqual(['annualAssessment', 'verifyMisconduct']);
    run.complete('verifyMisconduct', { misconductVerified: false, findings: '查无实据' });
    expect(effectsOf(run.effects, 'runAction')[0]).toMatchObject({
      action: 'recordTermEvent',
      params: { kind: 'misconduct_dismissed' },
    });
    run.finishAction('dismissMisconduct');
    // Every year due and unpaid: no term year named.
    expect(actions(run.effects)).toEqual([
      { action: 'payAllowance', params: { talentId, asOf: '2026-03-01' } },
    ]);
    run.finishAction('payHeldAllowance');
    expect(run.state.status).toBe('running');
    expect(run.state.variables.misconductReport).toBeNull();
    expect(run.atNodes()).toEqual(['annualAssessment']);
  });

  it('dismisses the case when the leading group does not approve the revocation', () => {
    const run = start();
    run.send({
      type: 'external',
      name: 'misconductReported',
      payload: { effectiveOn: '2025-03-01', note: '举报' },
    });
    run.finishAction('recordMisconductReport');
    run.complete('verifyMisconduct', { misconductVerified: true, findings: '属实但情节轻微' });
    run.finishAction('recordVerified');
    run.vote('revocationApproval', ['reject', 'reject']);
    expect(effectsOf(run.effects, 'runAction')[0]).toMatchObject({
      params: {
        kind: 'misconduct_dismissed',
        leadingDecision: { outcome: 'reject', votes: votesOf('revocationApproval', ['reject', 'reject']) },
      },
    });
    run.finishAction('dismissMisconduct');
    run.finishAction('payHeldAllowance');
    // The votes are spent: a later case not verified by the office names no leading-group decision.
    expect(run.state.variables).toMatchObject({
      titleActive: true,
      revocationDecision: 'reject',
      revocationVotes: null,
    });
    expect(run.atNodes()).toEqual(['yearEnd']);
  });

  it('records the leading group’s return of a revocation and sends the case back to the office’s verification', () => {
    const run = start();
    run.send({
      type: 'external',
      name: 'misconductReported',
      payload: { effectiveOn: '2025-03-01', note: '举报' },
    });
    run.finishAction('recordMisconductReport');
    run.complete('verifyMisconduct', { misconductVerified: true, findings: '属实' });
    run.finishAction('recordVerified');
    // Any return vote sends it back at once.
    run.vote('revocationApproval', ['return']);
    expect(effectsOf(run.effects, 'runAction')[0]).toMatchObject({
      params: {
        kind: 'revocation_returned',
        // The day the group returned it, not the report's; its reason is the members' comments.
        effectiveOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        leadingDecision: { outcome: 'return', votes: votesOf('revocationApproval', ['return']) },
      },
    });
    run.finishAction('recordRevocationReturned');
    expect(run.state.variables.revocationVotes).toBeNull();
    expect(run.atNodes()).toEqual(['verifyMisconduct', 'yearEnd']);
  });

  it('escalates an overdue annual assessment to the leading group', () => {
    const run = start();
    run.fire();
    run.finishAction('payAllowance');
    const escalation = run.fire((timer) => timer.purpose === 'escalation');
    expect(escalation).toEqual([
      expect.objectContaining({
        template: 'task.escalated',
        to: expect.objectContaining({ role: 'leading_group' }),
      }),
    ]);
  });
});
