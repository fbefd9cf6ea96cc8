// The dry run in plain words: what each allowed event is called, who acts and what a step did, by
// the node names of the graph under test and the sample people, never by the engine's ids.
import type { TFunction } from 'i18next';
import { zhReasonOf } from '../../../../workflows/engine/zh-reasons.js';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import type { Actor, EngineEvent } from '../../../../workflows/engine/engine-events.js';
import { payloadFieldsOf } from '../../../../workflows/engine/event-handlers.js';
import { formSchema } from '../../../../workflows/engine/form-validation.js';
import type { Incident, InstanceState } from '../../../../workflows/engine/instance-state.js';
import type { Rejection } from '../../../../workflows/engine/localized-message.js';
import { formatDateTime } from '../../ui/format-time.js';
import {
  eventLabel,
  nodeName,
  PAYLOAD_INPUT,
  personOfActor,
  RESULT_INPUT,
  SAMPLE_USER,
  type DryRunChoice,
  type SampleInput,
  type SamplePerson,
} from './allowed-events.js';

export function personName(person: SamplePerson, t: TFunction): string {
  switch (person.type) {
    case 'starter':
      return t('designer.dryRun.person.starter');
    case 'user':
      return person.actor.userId === SAMPLE_USER
        ? t('designer.dryRun.person.sampleUser')
        : t('designer.dryRun.person.user', { id: person.actor.userId });
    case 'role':
      return t('designer.dryRun.person.role', { role: t(`roles.${person.role}`), number: person.number });
  }
}

/** Who acted in an event, as the sample person the dry run made them. */
export const actorName = (actor: Actor, t: TFunction) => personName(personOfActor(actor), t);

/** 预算（budget）: a name people read with the code behind it, once when they are the same. */
export const labelled = (label: string, code: string, t: TFunction) =>
  label === code ? code : t('designer.dryRun.labelled', { label, code });

/** 「项目立项」、「未通过」 (“…”, “…” in English): nodes named in a sentence. */
export const quotedNames = (def: ProcessDefinition, ids: Iterable<string>, t: TFunction) =>
  [...ids]
    .map((id) => t('designer.dryRun.quoted', { name: nodeName(def, id) }))
    .join(t('designer.dryRun.values.separator'));

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
      return t('designer.dryRun.choice.child', { name: choice.nodeName, number: choice.number });
    case 'external':
      return t('designer.dryRun.choice.external', { name: labelled(choice.label, choice.name, t) });
  }
}

/** An input's label: the field's label with its name, or what an action's result or a free payload is. */
export function inputLabel(choice: DryRunChoice, input: SampleInput, t: TFunction): string {
  if (choice.kind === 'action' && input.name === RESULT_INPUT) return t('designer.dryRun.input.result');
  if (choice.kind === 'external' && input.name === PAYLOAD_INPUT && choice.inputs.length === 1)
    return t('designer.dryRun.input.payload');
  return labelled(input.label, input.name, t);
}

/** The node of the task an event names, in the state it met (the task may have closed since). */
const taskNode = (def: ProcessDefinition, before: InstanceState, taskId: string) =>
  nodeName(def, before.tasks[taskId]?.nodeId ?? taskId);

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
    case 'reviewSubmitted':
      return t(`designer.dryRun.event.${event.type}`, {
        name: taskNode(def, before, event.taskId),
        person: actorName(event.actor, t),
      });
    case 'approvalVoted':
      return t('designer.dryRun.event.approvalVoted', {
        name: taskNode(def, before, event.taskId),
        vote: t(`designer.dryRun.votes.${event.vote}`),
        person: actorName(event.actor, t),
      });
    case 'timerFired': {
      const timer = before.timers[event.timerId];
      return t(`designer.dryRun.event.fired.${timer?.purpose ?? 'timer'}`, {
        name: nodeName(def, timer?.nodeId ?? event.timerId),
      });
    }
    case 'actionCompleted':
    case 'actionFailed':
      return t(`designer.dryRun.event.${event.type}`, {
        name: nodeName(def, before.pendingActions[event.actionId]?.nodeId ?? event.actionId),
      });
    case 'childCompleted':
      return t('designer.dryRun.event.childCompleted', {
        name: nodeName(def, before.children[event.childId]?.nodeId ?? event.childId),
      });
    case 'external':
      return t('designer.dryRun.event.external', {
        name: labelled(eventLabel(def, event.name), event.name, t),
      });
    case 'cancelled':
      return t('designer.dryRun.event.cancelled');
    default:
      // Events the dry run never makes itself, found in a loaded script (an operator's correction …).
      return t('designer.dryRun.event.other', { type: event.type });
  }
}

/** An open incident where the run is held: 「预算判断」条件无法判断：budget > 5000. */
export function describeIncident(incident: Incident, def: ProcessDefinition, t: TFunction): string {
  const action = incident.kind === 'action';
  return t('designer.dryRun.incident', {
    name: nodeName(def, incident.nodeId),
    kind: t(`incidents.kinds.${action ? 'action' : 'condition'}`),
    detail: action ? incident.error : (incident.expression ?? ''),
  });
}

/** A variable's value in one line: text as it is, anything else as JSON. */
export function showValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/**
 * What a person typed: for a text or date value the text itself; else JSON when it reads as JSON
 * (numbers, lists, true), else the text; blank is nothing.
 */
export function parseValue(text: string, asText = false): unknown {
  if (text.trim() === '') return undefined;
  if (asText) return text;
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
    label: fields.find((field) => field.name === issue.path[0])?.label,
    message: issue.message,
    messageZh: zhReasonOf(issue),
  }));
  return { ...rejection, details };
}
