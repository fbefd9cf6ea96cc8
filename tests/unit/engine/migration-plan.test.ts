import {
  checkInstanceMigration,
  mappingOf,
  mappingProblems,
  repointedTasks,
  suggestNodeMapping,
  type ProcessDefinition,
} from '../../../workflows/engine';
import { definition, drive } from './drive';

/** The fields each kind needs beside id, kind and name. */
const needs: Record<string, object> = {
  userTask: { assignee: { type: 'starter' } },
  timer: { timer: { type: 'duration', duration: 'P1D' } },
  action: { action: 'setVariables' },
  approval: { approvers: [{ assignee: { type: 'starter' }, seats: 1 }] },
};
const nodes = (ids: Array<[string, string]>) =>
  ids.map(([id, kind]) => ({ id, kind, name: `节点${id}`, ...needs[kind] }));
const chain = (ids: string[]) => ids.slice(1).map((to, i) => ({ id: `e${i}`, from: ids[i]!, to }));

function linear(version: number, steps: Array<[string, string]>): ProcessDefinition {
  const all: Array<[string, string]> = [['start', 'start'], ...steps, ['end', 'end']];
  return definition({
    key: 'plan-test',
    name: '迁移计划测试',
    version,
    nodes: nodes(all),
    edges: chain(all.map(([id]) => id)),
  });
}

describe('migration plan', () => {
  const v1 = linear(1, [
    ['fill', 'userTask'],
    ['check', 'userTask'],
    ['wait', 'timer'],
  ]);

  it('keeps nodes with the same id and kind and suggests the one added node of a removed node’s kind', () => {
    const v2 = linear(2, [
      ['fill', 'userTask'],
      ['verify', 'userTask'],
      ['notify', 'action'],
    ]);
    const suggestion = suggestNodeMapping(v1, v2);
    expect(suggestion).toEqual({
      start: { to: 'start', kind: 'start', suggested: false },
      fill: { to: 'fill', kind: 'userTask', suggested: false },
      check: { to: 'verify', kind: 'userTask', suggested: true },
      end: { to: 'end', kind: 'end', suggested: false },
    });
    // The timer has no counterpart: no action is a timer.
    expect(mappingOf(suggestion)).not.toHaveProperty('wait');
  });

  it('guesses nothing when two removed nodes or two added nodes share the kind', () => {
    const twoAdded = linear(2, [
      ['a', 'userTask'],
      ['b', 'userTask'],
      ['wait', 'timer'],
    ]);
    expect(Object.keys(suggestNodeMapping(v1, twoAdded))).toEqual(['start', 'wait', 'end']);
    const oneAdded = linear(2, [
      ['a', 'userTask'],
      ['wait', 'timer'],
    ]);
    expect(suggestNodeMapping(v1, oneAdded)).not.toHaveProperty('fill');
  });

  it('does not keep a node whose kind changed under the same id', () => {
    const v2 = linear(2, [
      ['fill', 'approval'],
      ['check', 'userTask'],
      ['wait', 'timer'],
    ]);
    expect(suggestNodeMapping(v1, v2)).not.toHaveProperty('fill');
  });

  it('names each mapping entry that points outside either version', () => {
    const v2 = linear(2, [['fill', 'userTask']]);
    expect(mappingProblems(v1, v2, { fill: 'fill', ghost: 'fill', check: 'nowhere' })).toEqual([
      {
        field: 'mapping.ghost',
        reason: 'the source version has no node ghost',
        reasonZh: '源版本中没有节点 ghost',
      },
      {
        field: 'mapping.check',
        reason: 'the target version has no node nowhere',
        reasonZh: '目标版本中没有节点 nowhere',
      },
    ]);
  });

  it('tells per instance whether it can move, with the engine’s reasons in Chinese and English', () => {
    const v2 = linear(2, [['fill', 'userTask']]);
    const atCheck = drive(v1);
    atCheck.complete('fill');
    const blocked = checkInstanceMigration(atCheck.state, v1, v2, mappingOf(suggestNodeMapping(v1, v2)));
    expect(blocked.canMigrate).toBe(false);
    expect(blocked.reasons.map((reason) => reason.code)).toContain('NODE_UNMAPPED');
    expect(blocked.reasons[0]!.message.zh).toContain('check');
    expect(blocked.reasons[0]!.message.en).toContain('no counterpart');

    const atFill = drive(v1);
    expect(checkInstanceMigration(atFill.state, v1, v2, {})).toEqual({ canMigrate: true, reasons: [] });
  });

  it('gives the open tasks of a migrated state their new node and its name', () => {
    const v2 = linear(2, [
      ['fill', 'userTask'],
      ['verify', 'userTask'],
    ]);
    const run = drive(v1);
    run.complete('fill');
    const moved = checkInstanceMigration(run.state, v1, v2, { check: 'verify' });
    expect(moved.canMigrate).toBe(true);
    const renamed = {
      ...run.state,
      tasks: Object.fromEntries(
        Object.entries(run.state.tasks).map(([id, t]) => [id, { ...t, nodeId: 'verify' }]),
      ),
    };
    expect(repointedTasks(renamed, v2)).toEqual([
      { engineTaskId: run.task('check').id, nodeId: 'verify', name: '节点verify', form: [] },
    ]);
  });
});
