// What a step of the dry run caused, as sentences: 创建任务「项目计划」，办理人：示例项目社工 1;
// 定时器「等待 2 小时」将于 … 触发; 流程结束. Effects carry the engine's ids; the states before and
// after the step name the tasks, timers and children behind them.
import type { TFunction } from 'i18next';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import type { Effect } from '../../../../workflows/engine/engine-events.js';
import type { InstanceState, OpenTask } from '../../../../workflows/engine/instance-state.js';
import { formatDateTime } from '../../ui/format-time.js';
import { describeOutcome } from '../canvas/node-texts.js';
import { nodeName, samplePerson } from './allowed-events.js';
import { personName, quotedNames } from './dry-run-texts.js';

/** The graph and the states a step went from and to. */
export type StepScene = { def: ProcessDefinition; before: InstanceState; after: InstanceState };

/** A task by its id: open after the step (just created) or before it (just closed). */
const taskOf = ({ before, after }: StepScene, taskId: string): OpenTask | undefined =>
  after.tasks[taskId] ?? before.tasks[taskId];

/** Who holds a task: its seat's sample person. */
const holderOf = (task: OpenTask | undefined, t: TFunction) =>
  task ? personName(samplePerson(task.assignee, task.seat), t) : '';

/** 「项目立项」: the end nodes the step entered. */
function endsEntered({ def, before, after }: StepScene, t: TFunction): string {
  const entered = def.nodes.filter(
    (node) => node.kind === 'end' && (after.visits[node.id] ?? 0) > (before.visits[node.id] ?? 0),
  );
  return quotedNames(
    def,
    entered.map((node) => node.id),
    t,
  );
}

function createdTask(effect: Extract<Effect, { type: 'createTask' }>, scene: StepScene, t: TFunction) {
  const seat = scene.after.tasks[effect.taskId]?.seat ?? 0;
  const values = {
    name: effect.name,
    seat: seat + 1,
    person: personName(samplePerson(effect.assignee, seat), t),
  };
  const sentence = t(`designer.dryRun.effect.createTask.${effect.kind}`, values);
  return effect.dueAt === undefined
    ? sentence
    : t('designer.dryRun.effect.due', { sentence, at: formatDateTime(effect.dueAt) });
}

export function describeEffect(effect: Effect, scene: StepScene, t: TFunction): string {
  const { def, before, after } = scene;
  switch (effect.type) {
    case 'createTask':
      return createdTask(effect, scene, t);
    case 'cancelTask': {
      const task = taskOf(scene, effect.taskId);
      return t('designer.dryRun.effect.cancelTask', {
        name: nodeName(def, task?.nodeId ?? effect.taskId),
        person: holderOf(task, t),
      });
    }
    case 'scheduleTimer':
    case 'cancelTimer': {
      const timer = after.timers[effect.timerId] ?? before.timers[effect.timerId];
      return t(`designer.dryRun.effect.${effect.type}.${timer?.purpose ?? 'timer'}`, {
        name: nodeName(def, timer?.nodeId ?? effect.timerId),
        at: 'fireAt' in effect ? formatDateTime(effect.fireAt) : '',
      });
    }
    case 'runAction':
      return t('designer.dryRun.effect.runAction', { name: nodeName(def, effect.nodeId) });
    case 'startChild':
      return t('designer.dryRun.effect.startChild', {
        name: nodeName(def, effect.nodeId),
        title: effect.title || effect.definitionKey,
      });
    case 'cancelChild': {
      const child = after.children[effect.childId] ?? before.children[effect.childId];
      return t('designer.dryRun.effect.cancelChild', {
        name: nodeName(def, child?.nodeId ?? effect.childId),
      });
    }
    case 'notify': {
      const seat = taskOf(scene, effect.taskId)?.seat ?? 0;
      return t('designer.dryRun.effect.notify', {
        name: nodeName(def, effect.nodeId),
        person: personName(samplePerson(effect.to, seat), t),
        template: t(`designer.dryRun.templates.${effect.template}`),
      });
    }
    case 'completed': {
      const ends = endsEntered(scene, t);
      const sentence = ends
        ? t('designer.dryRun.effect.completedAt', { ends })
        : t('designer.dryRun.effect.completed');
      return effect.outcome === undefined
        ? sentence
        : t('designer.dryRun.effect.withOutcome', { sentence, outcome: describeOutcome(effect.outcome, t) });
    }
  }
}
