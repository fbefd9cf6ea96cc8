// The dry run in plain words: what each allowed event is called, who acts, what a step did and what
// it caused, from the engine's events and effects and the node names of the graph under test.
import type { TFunction } from 'i18next';
import { zhReasonOf } from '../../../../workflows/engine/zh-reasons.js';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import type { Effect, EngineEvent } from '../../../../workflows/engine/engine-events.js';
import { payloadFieldsOf } from '../../../../workflows/engine/event-handlers.js';
import { formSchema } from '../../../../workflows/engine/form-validation.js';
import type { InstanceState } from '../../../../workflows/engine/instance-state.js';
import type { Rejection } from '../../../../workflows/engine/localized-message.js';
import { formatDateTime } from '../../ui/format-time.js';
import type { DryRunChoice, SamplePerson } from './allowed-events.js';

export function personName(person: SamplePerson, t: TFunction): string {
  switch (person.type) {
    case 'starter':
      return t('designer.dryRun.person.starter');
    case 'user':
      return t('designer.dryRun.person.user', { id: person.actor.userId });
    case 'role':
      return t('designer.dryRun.person.role', { role: t(`roles.${person.role}`), number: person.number });
  }
}

/** The name of an allowed event, as its button or group says it. */
export function choiceTitle(choice: DryRunChoice, t: TFunction): string {
  switch (choice.kind) {
    case 'start':
    case 'cancel':
      return t(`designer.dryRun.choice.${choice.kind}`);
    case 'completeTask':
    case 'action':
      return t(`designer.dryRun.choice.${choice.kind}`, { name: choice.nodeName });
    case 'vote':
    case 'review':
      return t(`designer.dryRun.choice.${choice.kind}`, {
        name: choice.nodeName,
        seat: choice.seat + 1,
        person: personName(choice.person, t),
      });
    case 'timer':
      return t(`designer.dryRun.choice.${choice.purpose}`, {
        name: choice.nodeName,
        at: formatDateTime(choice.fireAt),
      });
    case 'child':
      return t('designer.dryRun.choice.child', { name: choice.nodeName, id: choice.childId });
    case 'external':
      return t('designer.dryRun.choice.external', { name: choice.name });
  }
}

/** A node's name; an id that names no node (a task or timer no longer open) is shown as it is. */
const nameOf = (def: ProcessDefinition, id: string) => def.nodes.find((node) => node.id === id)?.name ?? id;

/** One step of the trace; `before` is the state the event met, which names the task or timer. */
export function describeEvent(
  event: EngineEvent,
  before: InstanceState,
  def: ProcessDefinition,
  t: TFunction,
): string {
  switch (event.type) {
    case 'started':
      return t('designer.dryRun.event.started');
    case 'taskCompleted':
      return t('designer.dryRun.event.taskCompleted', {
        name: nameOf(def, before.tasks[event.taskId]?.nodeId ?? event.taskId),
      });
    case 'approvalVoted':
      return t('designer.dryRun.event.approvalVoted', {
        name: nameOf(def, before.tasks[event.taskId]?.nodeId ?? event.taskId),
        vote: t(`designer.dryRun.votes.${event.vote}`),
        user: event.actor.userId,
      });
    case 'reviewSubmitted':
      return t('designer.dryRun.event.reviewSubmitted', {
        name: nameOf(def, before.tasks[event.taskId]?.nodeId ?? event.taskId),
      });
    case 'timerFired':
      return t('designer.dryRun.event.timerFired', {
        name: nameOf(def, before.timers[event.timerId]?.nodeId ?? event.timerId),
      });
    case 'actionCompleted':
    case 'actionFailed':
      return t(`designer.dryRun.event.${event.type}`, {
        name: nameOf(def, before.pendingActions[event.actionId]?.nodeId ?? event.actionId),
      });
    case 'childCompleted':
      return t('designer.dryRun.event.childCompleted', { id: event.childId });
    case 'external':
      return t('designer.dryRun.event.external', { name: event.name });
    case 'cancelled':
      return t('designer.dryRun.event.cancelled');
    default:
      return event.type;
  }
}

export function describeEffect(effect: Effect, def: ProcessDefinition, t: TFunction): string {
  switch (effect.type) {
    case 'createTask':
      return t('designer.dryRun.effect.createTask', { name: effect.name, id: effect.taskId });
    case 'cancelTask':
    case 'cancelTimer':
    case 'cancelChild':
      return t(`designer.dryRun.effect.${effect.type}`, {
        id: 'taskId' in effect ? effect.taskId : 'timerId' in effect ? effect.timerId : effect.childId,
      });
    case 'scheduleTimer':
      return t('designer.dryRun.effect.scheduleTimer', {
        id: effect.timerId,
        at: formatDateTime(effect.fireAt),
      });
    case 'runAction':
      return t('designer.dryRun.effect.runAction', {
        name: nameOf(def, effect.nodeId),
        action: effect.action,
      });
    case 'startChild':
      return t('designer.dryRun.effect.startChild', { key: effect.definitionKey, name: effect.title ?? '' });
    case 'notify':
      return t('designer.dryRun.effect.notify', {
        name: nameOf(def, effect.nodeId),
        template: t(`designer.dryRun.templates.${effect.template}`),
      });
    case 'completed':
      return effect.outcome === undefined
        ? t('designer.dryRun.effect.completed')
        : t('designer.dryRun.effect.completedWith', { outcome: effect.outcome });
  }
}

/** A variable's value in one line: text as it is, anything else as JSON. */
export function showValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** What a person typed: JSON when it reads as JSON (numbers, lists, true), else the text; blank is nothing. */
export function parseValue(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A refused form or payload with each field's reason in Chinese as well: the engine words them in
 * English only, so the fields are checked again here and read as the API reads them.
 */
export function withFieldReasons(
  rejection: Rejection,
  def: ProcessDefinition,
  choice: DryRunChoice,
  data: unknown,
): Rejection {
  if (rejection.code !== 'FORM_INVALID' && rejection.code !== 'PAYLOAD_INVALID') return rejection;
  const node = 'nodeId' in choice ? def.nodes.find((candidate) => candidate.id === choice.nodeId) : undefined;
  const fields =
    choice.kind === 'external'
      ? payloadFieldsOf(def, choice.name)
      : node?.kind === 'userTask'
        ? node.form
        : undefined;
  const parsed = fields && formSchema(fields).safeParse(data);
  if (!parsed || parsed.success) return rejection;
  const details = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(form)',
    message: issue.message,
    messageZh: zhReasonOf(issue),
  }));
  return { ...rejection, details };
}
