// A unit's head (负责人) changed while a project runs (`unitHeadChanged`): `unitHead` steps that
// open afterwards go to the new head, the step already open stays with the old one, no head at all
// sends later steps to the unit's supervisors, and a unit off the project's line is refused.
import { chain, drive } from './drive';

const twoHeadSteps = chain([
  { id: 'assess', kind: 'userTask', name: '项目预估', assignee: { type: 'starter' } },
  { id: 'first', kind: 'userTask', name: '站长审核', assignee: { type: 'unitHead', levelsUp: 0 } },
  { id: 'second', kind: 'userTask', name: '站长复核', assignee: { type: 'unitHead', levelsUp: 0 } },
]);

/** A project of station-1 (under county-1) whose head was old-head when it started, now at `first`. */
function atFirstHeadStep() {
  const run = drive(twoHeadSteps, {}, { unitId: 'station-1', starter: 'officer-1' });
  run.state.unitAncestors = ['county-1'];
  run.state.unitHeads = { 'station-1': 'old-head', 'county-1': 'centre-head' };
  run.complete('assess');
  expect(run.task('first').assignee).toEqual({ type: 'user', userId: 'old-head' });
  return run;
}

describe('unitHeadChanged', () => {
  it('gives later head steps to the new head and leaves the open one with the old head', () => {
    const run = atFirstHeadStep();
    const effects = run.send({ type: 'unitHeadChanged', unitId: 'station-1', headId: 'new-head' });
    expect(effects).toEqual([]);
    expect(run.task('first').assignee).toEqual({ type: 'user', userId: 'old-head' });
    expect(run.state.unitHeads).toEqual({ 'station-1': 'new-head', 'county-1': 'centre-head' });
    run.complete('first', {}, 'old-head');
    expect(run.task('second').assignee).toEqual({ type: 'user', userId: 'new-head' });
  });

  it("sends later head steps to the unit's supervisors when the unit has no head any more", () => {
    const run = atFirstHeadStep();
    run.send({ type: 'unitHeadChanged', unitId: 'station-1', headId: null });
    expect(run.state.unitHeads).toEqual({ 'county-1': 'centre-head' });
    run.complete('first', {}, 'old-head');
    expect(run.task('second').assignee).toEqual({
      type: 'role',
      role: 'supervisor',
      unitId: 'station-1',
      scope: 'unitOrAncestors',
    });
  });

  it("refuses a unit that is not on the project's line, changing nothing", () => {
    const run = atFirstHeadStep();
    const rejection = run.reject({ type: 'unitHeadChanged', unitId: 'station-2', headId: 'someone' });
    expect(rejection.code).toBe('UNIT_NOT_ON_LINE');
    expect(rejection.message.zh).toContain('station-2');
  });
});
