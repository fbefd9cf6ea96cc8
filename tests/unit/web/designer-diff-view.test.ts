// The version diff view: the engine's structural diff marks nodes and edges added, changed or
// removed; the canvas shows the newer graph with removed elements put back at their old positions;
// the versions compared by default; compact value texts; changed properties named and their values
// read as people read them.
import i18next, { type TFunction } from 'i18next';
import designerEn from '../../../web/src/i18n/designer.en.json';
import designerZh from '../../../web/src/i18n/designer.zh-CN.json';
import en from '../../../web/src/i18n/en.json';
import zhCN from '../../../web/src/i18n/zh-CN.json';
import { diffDefinitions } from '../../../workflows/engine/definition-diff';
import type { ProcessDefinition } from '../../../workflows/engine/definition-schema';
import {
  defaultComparison,
  describeDiffProperty,
  describeDiffValue,
  diffMarksOf,
  formatDiffValue,
  mergeRemoved,
} from '../../../web/src/designer/history/diff-view';
import { withDefaults } from '../../../workflows/engine/definition-parts';
import { diffEntryName, diffRowsOf } from '../../../web/src/designer/history/diff-rows';

const older: ProcessDefinition = {
  key: 'volunteers',
  name: '社区志愿服务项目',
  version: 1,
  variables: [],
  stages: [],
  eventHandlers: [],
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
    { id: 'check', kind: 'gateway', name: '预算判断', position: { x: 200, y: 40 } },
    { id: 'end', kind: 'end', name: '结束', terminate: false, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'start-check', from: 'start', to: 'check' },
    { id: 'check-end', from: 'check', to: 'end' },
  ],
};

const newer: ProcessDefinition = {
  ...older,
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
    { id: 'end', kind: 'end', name: '完成', terminate: false, position: { x: 400, y: 0 } },
    {
      id: 'wait',
      kind: 'timer',
      name: '等待',
      timer: { type: 'duration', duration: 'P1D' },
      position: { x: 200, y: 120 },
    },
  ],
  edges: [
    { id: 'start-wait', from: 'start', to: 'wait' },
    { id: 'wait-end', from: 'wait', to: 'end' },
  ],
};

describe('version diff view', () => {
  const marks = diffMarksOf(diffDefinitions(older, newer));

  it('marks nodes and edges by how the diff found them, leaving unchanged ones out', () => {
    expect(Object.fromEntries(marks.nodes)).toEqual({ check: 'removed', end: 'changed', wait: 'added' });
    expect(Object.fromEntries(marks.edges)).toEqual({
      'start-check': 'removed',
      'check-end': 'removed',
      'start-wait': 'added',
      'wait-end': 'added',
    });
  });

  it('ignores definition-level and handler changes', () => {
    const renamed = diffMarksOf(diffDefinitions(older, { ...older, name: '新名称' }));
    expect([renamed.nodes.size, renamed.edges.size]).toEqual([0, 0]);
  });

  it('puts removed nodes back at their old positions and removed edges between shown nodes', () => {
    const shown = mergeRemoved(newer, older, marks);
    expect(shown.nodes.map((node) => node.id)).toEqual(['start', 'end', 'wait', 'check']);
    expect(shown.nodes.find((node) => node.id === 'check')?.position).toEqual({ x: 200, y: 40 });
    expect(shown.edges.map((edge) => edge.id)).toEqual([
      'start-wait',
      'wait-end',
      'start-check',
      'check-end',
    ]);
    // The newer graph itself is left as it was.
    expect(newer.nodes).toHaveLength(3);
  });

  it('leaves out a removed edge whose end is not on the canvas', () => {
    const onlyEdge = { nodes: new Map(), edges: new Map([['check-end', 'removed' as const]]) };
    expect(mergeRemoved(newer, older, onlyEdge).edges.map((edge) => edge.id)).toEqual([
      'start-wait',
      'wait-end',
    ]);
  });

  const draft = (version: number) => ({ version, status: 'draft' as const });
  const published = (version: number) => ({ version, status: 'published' as const });
  it.each([
    [
      'the draft against the latest published',
      [draft(3), published(2), published(1)],
      { from: 2, to: 'draft' },
    ],
    ['the latest published against the one before', [published(2), published(1)], { from: 1, to: 2 }],
    ['nothing with one published version', [published(1)], null],
    ['nothing with only a draft', [draft(1)], null],
  ])('compares by default %s', (_, versions, expected) => {
    expect(defaultComparison(versions)).toEqual(expected);
  });

  it.each([
    [undefined, '—'],
    ['准备材料', '准备材料'],
    [3, '3'],
    [{ type: 'quorum', n: 2 }, '{"type":"quorum","n":2}'],
    ['x'.repeat(80), `${'x'.repeat(59)}…`],
  ])('shows %p compactly as %p', (value, text) => {
    expect(formatDiffValue(value)).toBe(text);
  });
});

/** The app's own catalogues, general and designer, as the designer chunk merges them. */
const translator = async (language: 'zh-CN' | 'en'): Promise<TFunction> => {
  const [general, designer] = language === 'zh-CN' ? [zhCN, designerZh] : [en, designerEn];
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: { [language]: { translation: { ...general, ...designer } } },
  });
  return i18n.t;
};

describe('changed properties as people read them', () => {
  it.each([
    ['name', '名称', 'name'],
    ['approvers[0].assignee.scope', '审批人第 1 项的办理人的范围', 'approvers 1 assignee scope'],
    ['outputs.budget', '输出「budget」', 'output “budget”'],
    ['escalation.toRole', '逾期上报的上报给', 'escalation to role'],
    ['returnTo', '退回目标', 'return targets'],
  ])('names %s %s (English: %s)', (path, zh, english) => {
    expect([describeDiffProperty(path, true), describeDiffProperty(path, false)]).toEqual([zh, english]);
  });

  it.each<[string, unknown, string, boolean]>([
    ['approvers[0].assignee.role', 'supervisor', '站长/督导', false],
    ['approvers[0].assignee.scope', 'unitOrAncestors', '本单位或上级', false],
    ['due', 'PT2H', '2 小时', false],
    ['escalation.reassign', true, '是', false],
    ['form[1].required', false, '否', false],
    ['form[1].type', 'select', '单选', false],
    ['policy.type', 'majority', '多数通过', false],
    ['condition', 'score > 60', 'score > 60', true],
    ['outputs.budget', 'form.amount * 2', 'form.amount * 2', true],
    ['params.message', '="第" + string(round)', '="第" + string(round)', true],
    ['params.message', '你好', '你好', false],
    ['starterRoles', ['officer', 'supervisor'], '项目社工、站长/督导', false],
    ['assignee', { type: 'role', role: 'officer', scope: 'unit' }, '项目社工 · 本单位', false],
    [
      'approvers[1]',
      { assignee: { type: 'starter' }, seats: 2 },
      '{"assignee":{"type":"starter"},"seats":2}',
      false,
    ],
    ['name', undefined, '—', false],
  ])('reads %s = %j as %s', async (path, value, text, code) => {
    expect(describeDiffValue(path, value, await translator('zh-CN'))).toEqual({ text, code });
  });

  it('reads values in English with the interface', async () => {
    const t = await translator('en');
    expect(
      [
        describeDiffValue('due', 'P3D', t),
        describeDiffValue('approvers[0].assignee.role', 'supervisor', t),
        describeDiffValue('terminate', true, t),
      ].map((reading) => reading.text),
    ).toEqual([expect.stringMatching(/^3 /), en.roles.supervisor, 'yes']);
  });
});

describe('diff rows as sentences', () => {
  const title = { name: 'title', label: '标题', type: 'text', required: true };
  const note = { name: 'note', label: '说明', type: 'textarea', required: false };
  const task = (extra: Record<string, unknown>) => ({
    id: 'fill',
    kind: 'userTask',
    name: '填写',
    assignee: { type: 'role', role: 'officer', scope: 'unit' },
    form: [title],
    position: { x: 0, y: 0 },
    ...extra,
  });
  const graph = (node: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({
    key: 'review-good',
    name: '项目评审',
    version: 1,
    variables: [{ name: 'budget', type: 'number', required: false }],
    stages: [{ id: 'assess', name: '预估' }],
    eventHandlers: [],
    nodes: [node],
    edges: [],
    ...rest,
  });
  /** The rows of every entry, each as the list shows it. */
  const rowsOf = (
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    t: TFunction,
    zh: boolean,
  ) =>
    diffDefinitions(before, after).flatMap((change) =>
      diffRowsOf(change, { before, after }, t, zh).map((row) =>
        row.kind === 'changed' ? `${row.name} ${row.before.text} → ${row.after.text}` : row.text,
      ),
    );

  it('says a form field added or removed whole in one sentence with its label and type', async () => {
    const [zh, english] = [await translator('zh-CN'), await translator('en')];
    const before = graph(task({}));
    const after = graph(task({ form: [title, note] }));
    expect(rowsOf(before, after, zh, true)).toEqual(['新增表单字段「说明」（多行文本）']);
    expect(rowsOf(after, before, zh, true)).toEqual(['删除表单字段「说明」（多行文本）']);
    expect(rowsOf(before, after, english, false)).toEqual([
      `Added form field “说明” (${designerEn.designer.form.types.textarea})`,
    ]);
  });

  it('names variables, stages and seat rules added whole, never as JSON', async () => {
    const t = await translator('zh-CN');
    const before = graph(task({}));
    const after = graph(task({}), {
      variables: [
        { name: 'budget', type: 'number', required: false },
        { name: 'score', type: 'integer', required: true },
      ],
      stages: [
        { id: 'assess', name: '预估' },
        { id: 'plan', name: '计划' },
      ],
    });
    expect(rowsOf(before, after, t, true)).toEqual(['新增流程变量「score」（整数）', '新增阶段「计划」']);
    const seats = (n: number) =>
      graph({
        id: 'ok',
        kind: 'approval',
        name: '审批',
        policy: { type: 'all' },
        approvers: [
          { assignee: { type: 'role', role: 'officer', scope: 'unit' }, seats: 1 },
          ...(n > 1 ? [{ assignee: { type: 'starter' }, seats: 1 }] : []),
        ],
        position: { x: 0, y: 0 },
      });
    expect(rowsOf(seats(1), seats(2), t, true)).toEqual(['新增审批人「发起人」']);
  });

  it('shows an assignee rule’s changed parts as one row, worded as the canvas words it', async () => {
    const [zh, english] = [await translator('zh-CN'), await translator('en')];
    const before = graph(task({}));
    const after = graph(task({ assignee: { type: 'starter' } }));
    expect(rowsOf(before, after, zh, true)).toEqual(['办理人 项目社工 · 本单位 → 发起人']);
    expect(rowsOf(before, after, english, false)).toEqual([
      `assignee ${en.roles.officer} · ${designerEn.designer.scope.unit} → ${designerEn.designer.assignee.starter}`,
    ]);
  });

  it('shows a timer’s and an escalation’s changed parts as one row each', async () => {
    const t = await translator('zh-CN');
    const timer = (spec: Record<string, unknown>) =>
      graph({ id: 'wait', kind: 'timer', name: '等待', timer: spec, position: { x: 0, y: 0 } });
    expect(
      rowsOf(
        timer({ type: 'duration', duration: 'P1D' }),
        timer({ type: 'cycle', cycle: 'R4/P1Y' }),
        t,
        true,
      ),
    ).toEqual(['定时 等待 1 天 → 每年一次，共 4 次']);
    const before = graph(task({ escalation: { after: 'P1D', toRole: 'supervisor' } }));
    const after = graph(task({ escalation: { after: 'P2D', toRole: 'officer' } }));
    expect(rowsOf(before, after, t, true)).toEqual([
      `逾期上报 时间 1 天，上报给 站长/督导 → 时间 2 天，上报给 项目社工`,
    ]);
  });

  it('names list items by their label or name instead of their position', async () => {
    const [zh, english] = [await translator('zh-CN'), await translator('en')];
    const before = graph(task({}));
    const after = graph(task({ form: [{ ...title, label: '项目标题', required: false }] }), {
      variables: [{ name: 'budget', type: 'number', required: true }],
      stages: [{ id: 'assess', name: '预估阶段' }],
    });
    expect(rowsOf(before, after, zh, true)).toEqual([
      '流程变量「budget」的必填 否 → 是',
      '阶段「预估阶段」的名称 预估 → 预估阶段',
      '表单字段「项目标题」的标题 标题 → 项目标题',
      '表单字段「项目标题」的必填 是 → 否',
    ]);
    expect(rowsOf(before, after, english, false)[0]).toBe('variable “budget” required no → yes');
  });

  it('compares a draft with schema problems on what it says, not on defaults it leaves out', () => {
    const stored = graph({
      id: 'end',
      kind: 'end',
      name: '结束',
      terminate: false,
      position: { x: 0, y: 0 },
    });
    // The draft leaves out defaults and has a broken task that the comparison keeps as it is.
    const broken = { id: 'fill', kind: 'userTask', name: '' };
    const draft = {
      ...graph({ id: 'end', kind: 'end', name: '结束', position: { x: 0, y: 0 } }),
      variables: [{ name: 'budget', type: 'number' }],
    };
    (draft.nodes as unknown[]).push(broken);
    expect(diffDefinitions(stored, draft).map((change) => change.properties.length)).toEqual([1, 1, 0]);
    const filled = (value: unknown) => withDefaults(value) as Record<string, unknown>;
    const changes = diffDefinitions(filled(stored), filled(draft));
    expect(changes.map((change) => [change.target, change.id, change.change])).toEqual([
      ['node', 'fill', 'added'],
    ]);
  });

  it('names the process by its name in the entry title, not its key', () => {
    const before = graph(task({}));
    const after = { ...graph(task({})), description: '新的说明' };
    const [change] = diffDefinitions(before, after);
    expect(change && diffEntryName(change, { before, after })).toBe('项目评审');
  });
});
