// The variables a starter provides: the declared ones the process does not write itself. The API's
// start (catalogue and start command) and the designer's dry run follow this one rule.
import { startVariables } from '../../api/work/start-variables';
import { ZProcessDefinition } from '../../workflows/engine/definition-schema';

const declared = (name: string) => ({ name, type: 'any' as const });

/** A process whose every kind of writer writes one declared variable; `brief` alone is the starter's. */
const definition = ZProcessDefinition.parse({
  key: 'writers',
  name: '写变量的流程',
  variables: [
    'brief',
    'plan',
    'planForm',
    'decision',
    'votes',
    'result',
    'score',
    'rating',
    'mapped',
    'report',
    'reports',
    'flag',
    'stage',
  ].map(declared),
  nodes: [
    { id: 'start', kind: 'start', name: '开始' },
    {
      id: 'write',
      kind: 'userTask',
      name: '填写计划',
      assignee: { type: 'starter' },
      form: [{ name: 'plan', label: '计划', type: 'text' }],
      outputs: { mapped: 'plan' },
    },
    {
      id: 'wrapped',
      kind: 'userTask',
      name: '整表',
      assignee: { type: 'starter' },
      form: [{ name: 'brief', label: '不写入同名变量', type: 'text' }],
      formVariable: 'planForm',
    },
    {
      id: 'approve',
      kind: 'approval',
      name: '审批',
      approvers: [{ assignee: { type: 'role', role: 'supervisor' }, seats: 1 }],
      decisionVariable: 'decision',
      votesVariable: 'votes',
    },
    {
      id: 'score',
      kind: 'review',
      name: '评审',
      reviewers: [{ assignee: { type: 'role', role: 'committee_member' }, seats: 1 }],
      rubric: [{ id: 'quality', label: '质量', weight: 1 }],
      resultVariable: 'score',
      ratingVariable: 'rating',
    },
    { id: 'act', kind: 'action', name: '动作', action: 'noop', resultVariable: 'result' },
    {
      id: 'set',
      kind: 'action',
      name: '记下阶段',
      action: 'setVariables',
      params: { values: { stage: '="计划"' } },
    },
    { id: 'end', kind: 'end', name: '结束' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'write' },
    { id: 'e2', from: 'write', to: 'wrapped' },
    { id: 'e3', from: 'wrapped', to: 'approve' },
    { id: 'e4', from: 'approve', to: 'score', outcome: 'approve' },
    { id: 'e5', from: 'approve', to: 'end', outcome: 'reject' },
    { id: 'e6', from: 'score', to: 'act' },
    { id: 'e7', from: 'act', to: 'set' },
    { id: 'e8', from: 'set', to: 'end' },
  ],
  eventHandlers: [
    {
      id: 'h1',
      event: 'reported',
      payloadVariable: 'report',
      appendPayloadTo: 'reports',
      setVariables: { flag: 'true' },
    },
  ],
});

describe('the variables a starter provides', () => {
  it('are the declared ones no node or event handler writes (an approval’s votes and setVariables’ values too)', () => {
    expect(startVariables(definition).map((variable) => variable.name)).toEqual(['brief']);
  });
});
