import { projectLifecycle, talentTerm, venturePhilanthropy } from '../../../workflows/definitions';
import talentTermV1Json from '../../fixtures/talent-term-v1.json';
import {
  contentHash,
  type ProcessDefinition,
  validateDefinition,
  ZProcessDefinition,
} from '../../../workflows/engine';

/** start -> fill (stage a) -> check (stage b) -> end, with the stages the test declares. */
function staged(stages: Array<{ id: string; name: string }>, fillStage = 'a'): Record<string, unknown> {
  return {
    key: 'staged',
    name: '分阶段流程',
    stages,
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      { id: 'fill', kind: 'userTask', name: '填写', stage: fillStage, assignee: { type: 'starter' } },
      {
        id: 'check',
        kind: 'approval',
        name: '审批',
        stage: 'b',
        approvers: [{ assignee: { type: 'role', role: 'supervisor' } }],
      },
      { id: 'end', kind: 'end', name: '结束' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'fill' },
      { id: 'e2', from: 'fill', to: 'check' },
      { id: 'e3', from: 'check', to: 'end', outcome: 'approve' },
      { id: 'e4', from: 'check', to: 'fill', outcome: 'reject' },
    ],
  };
}

const twoStages = [
  { id: 'a', name: '申报' },
  { id: 'b', name: '审批' },
];

describe('definition stages', () => {
  it('accepts nodes that name declared stages', () => {
    expect(validateDefinition(staged(twoStages)).problems).toEqual([]);
  });

  it('refuses a node whose stage is not declared, naming the node in zh and en', () => {
    const { problems } = validateDefinition(staged(twoStages, 'missing'));
    expect(problems).toEqual([
      {
        code: 'UNKNOWN_STAGE',
        nodeId: 'fill',
        message: {
          zh: '节点「填写」所属阶段「missing」未在 stages 中声明',
          en: 'node 「填写」 names stage 「missing」, which the definition does not declare',
        },
      },
    ]);
  });

  it('refuses a stage id declared twice', () => {
    const { problems } = validateDefinition(staged([...twoStages, { id: 'a', name: '重复' }]));
    expect(problems.map((problem) => problem.code)).toEqual(['DUPLICATE_STAGE_ID']);
  });

  it('refuses a stage without a name through the schema', () => {
    const { problems } = validateDefinition(staged([{ id: 'a', name: '' }, twoStages[1]!]));
    expect(problems.map((problem) => problem.code)).toEqual(['SCHEMA_INVALID']);
  });

  it('defaults to no stages, so a definition without them keeps the hash it had before stages existed', () => {
    expect(talentTerm.stages).toEqual([]);
    // Computed by the hash code of the commit before stages (9ccff38) over the same definition,
    // which did not yet declare its starter roles, where its approval may return (returnTo), nor
    // its events' payload fields.
    // Version 1 of the talent term (a fixture since version 2 replaced it) is that definition.
    const talentTermV1 = ZProcessDefinition.parse(talentTermV1Json);
    const { starterRoles: _declaredLater, ...withoutStarters } = talentTermV1;
    const asBefore = {
      ...withoutStarters,
      nodes: talentTermV1.nodes.map((node) => {
        if (!('returnTo' in node)) return node;
        const { returnTo: _alsoLater, ...rest } = node;
        return rest;
      }),
      eventHandlers: talentTermV1.eventHandlers.map(({ payload: _declaredLater, ...rest }) => rest),
    };
    expect(contentHash(asBefore)).toBe('fnv1a64:7b71d9d542aa4e76');
  });

  it('counts stages as content: renaming a stage changes the content hash', () => {
    const renamed = {
      ...projectLifecycle,
      stages: projectLifecycle.stages.map((stage) =>
        stage.id === 'plan' ? { ...stage, name: '规划' } : stage,
      ),
    };
    expect(contentHash(renamed)).not.toBe(contentHash(projectLifecycle));
  });
});

/** Nodes where a path waits or decides, which a stage bar must place; start and end belong to none. */
const placedNodes = (def: ProcessDefinition) =>
  def.nodes.filter((node) => node.kind !== 'start' && node.kind !== 'end');

describe('built-in stages', () => {
  it('declares the five lifecycle stages in order (DOMAIN.md §2)', () => {
    expect(projectLifecycle.stages).toEqual([
      { id: 'assess', name: '预估' },
      { id: 'plan', name: '计划' },
      { id: 'implement', name: '实施' },
      { id: 'monitor', name: '监测与管理' },
      { id: 'evaluate', name: '评估' },
    ]);
  });

  it('places each lifecycle task in its stage', () => {
    const stageOf = Object.fromEntries(projectLifecycle.nodes.map((node) => [node.id, node.stage]));
    expect(stageOf).toMatchObject({
      assess: 'assess',
      headApproval: 'assess',
      plan: 'plan',
      centreApproval: 'plan',
      implement: 'implement',
      monitorCycle: 'monitor',
      monthlyReport: 'monitor',
      supervision: 'monitor',
      correctiveGateway: 'monitor',
      evaluate: 'evaluate',
      practiceCase: 'evaluate',
    });
  });

  it('gives venture philanthropy its own stages, from call for projects to closing evaluation', () => {
    expect(venturePhilanthropy.stages.map((stage) => stage.name)).toEqual([
      '项目征集',
      '项目初审',
      '项目评审',
      '立项落地',
      '项目实施',
      '结项评估',
    ]);
  });

  it.each([
    ['project-lifecycle', projectLifecycle],
    ['venture-philanthropy', venturePhilanthropy],
  ])('%s places every node but start and end in a declared stage', (_key, def) => {
    const declared = new Set(def.stages.map((stage) => stage.id));
    const unplaced = placedNodes(def).filter((node) => node.stage === undefined || !declared.has(node.stage));
    expect(unplaced.map((node) => node.id)).toEqual([]);
    expect(validateDefinition(def).problems).toEqual([]);
  });
});
