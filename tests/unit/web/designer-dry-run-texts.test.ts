// The dry run speaks the admin's language: steps and their effects name nodes by their names, people
// as the sample people they are (示例站长/督导 1), timers by their node and due time, outcomes as the
// designer's catalogue says them, and never show the engine's ids; in Chinese and in English.
import i18next, { type TFunction } from 'i18next';
import { ZProcessDefinition } from '../../../workflows/engine/definition-schema';
import type { EngineEvent } from '../../../workflows/engine/engine-events';
import { initialState, type InstanceState } from '../../../workflows/engine/instance-state';
import { simulate, type TimedEvent } from '../../../workflows/engine/simulate';
import { formatDateTime } from '../../../web/src/ui/format-time';
import { allowedEvents, eventOf, type DryRunChoice } from '../../../web/src/designer/dry-run/allowed-events';
import {
  actorName,
  describeEvent,
  describeIncident,
  parseValue,
  personName,
} from '../../../web/src/designer/dry-run/dry-run-texts';
import { describeEffect } from '../../../web/src/designer/dry-run/effect-sentences';
import { variableRows } from '../../../web/src/designer/dry-run/variable-rows';
import designerEn from '../../../web/src/i18n/designer.en.json';
import designerZh from '../../../web/src/i18n/designer.zh-CN.json';
import en from '../../../web/src/i18n/en.json';
import zhCN from '../../../web/src/i18n/zh-CN.json';
import { dryRunDefinition } from '../../fixtures/dry-run-definition';

const T0 = '2026-11-24T02:00:00.000Z';
const def = dryRunDefinition;

beforeAll(async () => {
  // As the app sets i18next up (web/src/i18n/index.ts): React escapes, so i18next does not.
  await i18next.init({
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
    resources: {
      'zh-CN': { translation: { ...zhCN, ...designerZh } },
      en: { translation: { ...en, ...designerEn } },
    },
  });
});

/** The texts of one language; dates follow i18next's language, as in the browser. */
async function textsIn(language: 'zh-CN' | 'en'): Promise<TFunction> {
  await i18next.changeLanguage(language);
  return i18next.t;
}

/** The fixture's run so far, step by step: start, 志愿者招募, two 同意, the timer. */
function run(steps: number) {
  const script: TimedEvent[] = [];
  const take = (kind: DryRunChoice['kind'], answer: Parameters<typeof eventOf>[1] = {}) => {
    const { final } = simulate(def, script);
    const choice = allowedEvents(def, final, T0).find((entry) => entry.kind === kind);
    if (!choice) throw new Error(`no ${kind} choice`);
    script.push(eventOf(choice, answer, T0));
  };
  const plan = [
    () => take('start', { values: { projectName: '社区志愿服务' } }),
    () => take('completeTask', { values: { budget: 8000 } }),
    () => take('vote', { vote: 'approve' }),
    () => take('vote', { vote: 'approve' }),
    () => take('timer'),
  ];
  for (const next of plan.slice(0, steps)) next();
  const { trace } = simulate(def, script);
  const last = trace.at(-1);
  const after = last?.state;
  const before = steps > 1 ? simulate(def, script.slice(0, -1)).final : initialState();
  if (!last || !after) throw new Error('the last step was refused');
  return { event: last.event, effects: last.effects ?? [], before, after };
}

const effectTexts = (steps: number, t: TFunction) => {
  const { effects, before, after } = run(steps);
  return effects.map((effect) => describeEffect(effect, { def, before, after }, t));
};

/** No engine id (task-1, timer-1, sample-supervisor-1, dry-run-starter) in any of the texts. */
const noEngineIds = (texts: string[]) =>
  expect(texts.filter((text) => /task-\d|timer-\d|sample-|dry-run-/.test(text))).toEqual([]);

describe('the dry run’s sentences', () => {
  it.each([
    ['zh-CN', '创建任务「志愿者招募」，办理人：示例项目社工 1'],
    ['en', 'Creates task “志愿者招募” for sample Project officer 1'],
  ] as const)('names a created task by its node and its sample holder (%s)', async (language, expected) => {
    const texts = effectTexts(1, await textsIn(language));
    expect(texts).toEqual([expected]);
  });

  it.each([
    [
      'zh-CN',
      [1, 2, 3].map((n) => `开启审批「站长审批」第 ${n} 席，审批人：示例站长/督导 ${n}`),
      '表决「站长审批」：同意（示例站长/督导 1）',
    ],
    [
      'en',
      [1, 2, 3].map(
        (n) => `Opens seat ${n} of approval “站长审批” for sample Station head / supervisor ${n}`,
      ),
      'Vote on “站长审批”: Approve (sample Station head / supervisor 1)',
    ],
  ] as const)(
    'names approval seats and a vote by the seat’s sample person (%s)',
    async (language, seats, vote) => {
      const t = await textsIn(language);
      expect(effectTexts(2, t)).toEqual(seats);
      const { event, before } = run(3);
      expect(describeEvent(event, before, def, t)).toBe(vote);
    },
  );

  it.each([
    ['zh-CN', (at: string) => `定时器「公示三天」将于 ${at} 触发`, '触发定时器「公示三天」'],
    ['en', (at: string) => `Timer “公示三天” will fire at ${at}`, 'Fire timer “公示三天”'],
  ] as const)('names a timer by its node and due time (%s)', async (language, scheduled, fired) => {
    const t = await textsIn(language);
    const { after } = run(4);
    const timer = Object.values(after.timers)[0];
    expect(timer).toBeDefined();
    const texts = effectTexts(4, t);
    expect(texts).toContain(scheduled(formatDateTime(timer!.fireAt)));
    const step = run(5);
    expect(describeEvent(step.event, step.before, def, t)).toBe(fired);
    noEngineIds(texts);
  });

  it.each([
    [
      'zh-CN',
      '流程结束，到达「项目立项」，结果：已通过',
      '流程结束，结果：不通过',
      '流程结束，结果：handedOver',
    ],
    [
      'en',
      'The process ends at “项目立项”, outcome: Approved',
      'The process ends, outcome: Reject',
      'The process ends, outcome: handedOver',
    ],
  ] as const)(
    'says where the process ended, and a known outcome as the catalogue says it, else its code (%s)',
    async (language, end, rejected, unknown) => {
      const t = await textsIn(language);
      expect(effectTexts(5, t)).toEqual([end]);
      const state = run(5).after;
      const ended = (outcome: string) =>
        describeEffect({ type: 'completed', outcome }, { def, before: state, after: state }, t);
      expect(ended('reject')).toBe(rejected);
      expect(ended('handedOver')).toBe(unknown);
    },
  );

  it.each([
    ['zh-CN', ['发起人', '示例站长/督导 2', '示例人员', '用户 u-42']],
    ['en', ['the starter', 'sample Station head / supervisor 2', 'a sample person', 'user u-42']],
  ] as const)('names the sample people and the users an event names (%s)', async (language, names) => {
    const t = await textsIn(language);
    expect(
      ['dry-run-starter', 'sample-supervisor-2', 'dry-run-user', 'u-42'].map((userId) =>
        actorName({ userId }, t),
      ),
    ).toEqual(names);
    expect(personName({ type: 'role', role: 'officer', number: 1, actor: { userId: 'x' } }, t)).toBe(
      language === 'en' ? 'sample Project officer 1' : '示例项目社工 1',
    );
  });

  it('names each step of a whole run without an engine id', async () => {
    const t = await textsIn('zh-CN');
    const texts = [1, 2, 3, 4, 5].flatMap((steps) => {
      const { event, before } = run(steps);
      return [describeEvent(event, before, def, t), ...effectTexts(steps, t)];
    });
    expect(texts[0]).toBe('启动流程');
    expect(texts).toContain('完成「志愿者招募」（示例项目社工 1）');
    noEngineIds(texts);
  });

  it('tells an event the dry run never makes by its type', async () => {
    const t = await textsIn('zh-CN');
    const corrected: EngineEvent = { type: 'variablesUpdated', actor: { userId: 'u-1' }, variables: {} };
    const state: InstanceState = initialState();
    expect(describeEvent(corrected, state, def, t)).toBe('其他事件：variablesUpdated');
  });
});

describe('the dry run’s variables table', () => {
  it.each([
    [
      'zh-CN',
      ['项目名称（projectName）', '社区志愿服务'],
      ['审批结论（decision）', '通过（approve）'],
      ['预算（budget）', '8000'],
    ],
    [
      'en',
      ['项目名称 (projectName)', '社区志愿服务'],
      ['审批结论 (decision)', 'Approve (approve)'],
      ['预算 (budget)', '8000'],
    ],
  ] as const)(
    'names variables by their labels and an approval’s decision as its outcome (%s)',
    async (language, ...rows) => {
      const t = await textsIn(language);
      const shown = variableRows(def, run(4).after.variables, t).map((row) => [row.variable, row.value]);
      for (const row of rows) expect(shown).toContainEqual(row);
    },
  );

  it('reads yes/no, lists and nothing as people say them', async () => {
    const t = await textsIn('zh-CN');
    const rows = variableRows(
      def,
      { urgent: true, tags: ['助老', '助残'], none: [], note: null, row: { a: 1 } },
      t,
    );
    expect(rows.map((row) => row.value)).toEqual(['是', '助老、助残', '（无）', '（空）', '{"a":1}']);
  });
});

describe('an incident in the dry run', () => {
  const held = ZProcessDefinition.parse({
    key: 'held',
    name: '条件出错',
    variables: [{ name: 'amount', label: '金额', type: 'any' }],
    nodes: [
      { id: 'start', kind: 'start', name: '开始' },
      { id: 'check', kind: 'gateway', name: '金额判断' },
      { id: 'big', kind: 'end', name: '大额' },
      { id: 'small', kind: 'end', name: '小额' },
    ],
    edges: [
      { id: 'a', from: 'start', to: 'check' },
      { id: 'b', from: 'check', to: 'big', condition: 'amount > 1' },
      { id: 'c', from: 'check', to: 'small', default: true },
    ],
  });

  it.each([
    ['zh-CN', '「金额判断」条件无法判断：amount > 1'],
    ['en', '“金额判断”: Condition cannot decide: amount > 1'],
  ] as const)(
    'says where the run is held and which condition could not decide (%s)',
    async (language, expected) => {
      const t = await textsIn(language);
      // Started without an amount: `null > 1` is no boolean, so the gateway holds the token.
      const { final } = simulate(held, [
        { at: T0, event: { type: 'started', actor: { userId: 'dry-run-starter' } } },
      ]);
      const incidents = Object.values(final.incidents ?? {});
      expect(incidents).toHaveLength(1);
      expect(describeIncident(incidents[0]!, held, t)).toBe(expected);
    },
  );
});

describe('a value typed in the dry run', () => {
  it('keeps a text or date value as typed, and reads the others as JSON when they are', () => {
    expect(parseValue('5', true)).toBe('5');
    expect(parseValue('true', true)).toBe('true');
    expect(parseValue('5')).toBe(5);
    expect(parseValue('[1, 2]')).toEqual([1, 2]);
    expect(parseValue('甲类')).toBe('甲类');
    expect(parseValue('  ', true)).toBeUndefined();
  });
});
