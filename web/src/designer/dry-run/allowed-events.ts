// The dry run's menu: every event the engine's state allows next (open tasks and approval seats,
// reviews, timers, pending actions, running children, the definition's external events), each with
// a sample person allowed to act and sample values, and the engine event a choice becomes.
// Pure: the choices come from the `InstanceState`, never from guesses about the graph's shape.
import { startVariables } from '../../../../api/work/start-variables.js';
import {
  ZRole,
  type FormField,
  type ProcessDefinition,
  type ProcessNode,
  type Role,
  type ScalarFormField,
  type VariableDeclaration,
} from '../../../../workflows/engine/definition-schema.js';
import type { Actor, EngineEvent } from '../../../../workflows/engine/engine-events.js';
import type {
  InstanceState,
  OpenTask,
  ResolvedAssignee,
} from '../../../../workflows/engine/instance-state.js';
import type { TimedEvent } from '../../../../workflows/engine/simulate.js';

/** One value a choice asks for, prefilled with a sample the engine accepts. */
/** `text`: a text or date value, taken as typed (a 5 typed for a text stays the text 5). */
export type SampleInput = { name: string; label: string; required: boolean; sample: unknown; text: boolean };

const TEXT_FIELD_TYPES: ReadonlySet<string> = new Set(['text', 'textarea', 'date', 'select']);

/** Who acts in the dry run: the starter, a named user, or the n-th sample holder of a role. */
export type SamplePerson =
  | { type: 'starter'; actor: Actor }
  | { type: 'user'; actor: Actor }
  | { type: 'role'; role: Role; number: number; actor: Actor };

export type VoteChoice = 'approve' | 'reject' | 'return';

type OnNode = { key: string; nodeId: string; nodeName: string };

export type DryRunChoice =
  | { kind: 'start'; key: 'start'; inputs: SampleInput[] }
  | (OnNode & { kind: 'completeTask'; taskId: string; person: SamplePerson; inputs: SampleInput[] })
  | (OnNode & {
      kind: 'vote';
      taskId: string;
      seat: number;
      person: SamplePerson;
      votes: VoteChoice[];
    })
  | (OnNode & {
      kind: 'review';
      taskId: string;
      seat: number;
      person: SamplePerson;
      inputs: SampleInput[];
      subjects: string[] | null;
    })
  | (OnNode & {
      kind: 'timer';
      timerId: string;
      fireAt: string;
      purpose: 'timer' | 'reminder' | 'escalation';
    })
  | (OnNode & { kind: 'action'; actionId: string; action: string; canFail: boolean; inputs: SampleInput[] })
  /** `number`: the child's place among those its node started (1-based), to tell them apart. */
  | (OnNode & { kind: 'child'; childId: string; number: number; item: unknown })
  /** `label`: what the event's handlers call it (举报不当行为), else its name. */
  | { kind: 'external'; key: string; name: string; label: string; inputs: SampleInput[] }
  | { kind: 'cancel'; key: 'cancel' };

/** What the person answered: the values of the choice's inputs, and the vote or failure chosen. */
export type DryRunAnswer = { values?: Record<string, unknown>; vote?: VoteChoice; fail?: boolean };

/** The dry run's starter; role holders are `sample-<role>-<n>`, one per seat, so each votes once. */
export const DRY_RUN_STARTER = 'dry-run-starter';
/** Role assignments need a unit; tasks of an instance started without one accept any unit. */
const SAMPLE_UNIT = 'dry-run-unit';
/** The person a form's person field names. */
export const SAMPLE_USER = 'dry-run-user';
const SAMPLE_FILE = '00000000-0000-4000-8000-000000000000';
/** A sum of money a station's project might ask for; counts sample as 1. */
const SAMPLE_AMOUNT = 10_000;
/** The free payload of an external event whose handlers declare no fields. */
export const PAYLOAD_INPUT = 'payload';
/** The result an action reports. */
export const RESULT_INPUT = 'result';

/**
 * How a sample text reads in the interface's language: 示例项目名称, padded to a minimum length with
 * 。; in English `Sample 项目名称` with dots (the label is the definition's own, as written).
 */
export type SampleWording = { named: (label: string) => string; filler: string };
/** The default: the designer opens in Chinese. */
export const CHINESE_SAMPLES: SampleWording = { named: (label) => `示例${label}`, filler: '。' };
/** What a sample value is made from: the day the simulated clock shows, and the wording. */
type SampleBasis = { today: string; wording: SampleWording };

const dayOf = (instant: string) => instant.slice(0, 10);
const within = (value: number, { min, max }: { min?: number | undefined; max?: number | undefined }) =>
  Math.min(Math.max(value, min ?? -Infinity), max ?? Infinity);

function scalarSample(field: ScalarFormField, basis: SampleBasis): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea': {
      // Padded to the field's minimum length (e.g. a summary of at least 10 characters).
      const text = basis.wording.named(field.label).padEnd(field.minLength ?? 0, basis.wording.filler);
      return field.maxLength === undefined ? text : text.slice(0, field.maxLength);
    }
    case 'number':
      return within(SAMPLE_AMOUNT, field);
    case 'integer':
      return within(1, field);
    case 'boolean':
      // 否: yes/no questions in forms mostly ask for the exception (是否需要整改), and 是 would
      // send the sample run round the same loop for ever.
      return false;
    case 'date':
      return basis.today;
    case 'select':
      return field.options?.[0] ?? null;
    case 'multiselect':
      return field.options?.slice(0, 1) ?? [];
  }
}

/** A value a form field accepts: bounds, options and row counts kept; files and people made up. */
export function fieldSample(field: FormField, basis: SampleBasis): unknown {
  switch (field.type) {
    case 'file':
      return field.required ? [SAMPLE_FILE] : [];
    case 'user':
      return SAMPLE_USER;
    case 'list': {
      const rows = Math.max(1, field.minItems ?? 0);
      const row = Object.fromEntries(
        (field.itemFields ?? []).map((item) => [item.name, scalarSample(item, basis)]),
      );
      return Array.from({ length: rows }, () => structuredClone(row));
    }
    default:
      return scalarSample({ ...field, type: field.type }, basis);
  }
}

const formInputs = (fields: FormField[], basis: SampleBasis): SampleInput[] =>
  fields.map((field) => ({
    name: field.name,
    label: field.label,
    required: field.required,
    sample: fieldSample(field, basis),
    text: TEXT_FIELD_TYPES.has(field.type),
  }));

function variableSample(declaration: VariableDeclaration, basis: SampleBasis): unknown {
  if (declaration.default !== undefined) return declaration.default;
  const label = declaration.label ?? declaration.name;
  switch (declaration.type) {
    case 'string':
      return basis.wording.named(label);
    case 'number':
      return SAMPLE_AMOUNT;
    case 'integer':
      return 1;
    case 'boolean':
      // 否: yes/no questions in forms mostly ask for the exception (是否需要整改), and 是 would
      // send the sample run round the same loop for ever.
      return false;
    case 'date':
      return basis.today;
    case 'list':
      return [];
    case 'object':
      return {};
    case 'any':
      return null;
  }
}

/**
 * The start form: the variables a starter provides, by the product's own rule (the process's own
 * state is never asked for); required ones are prefilled with a sample, optional ones only with
 * their default, so the run starts as a starter who fills in just what is required.
 */
export function startInputs(
  def: ProcessDefinition,
  clock: string,
  wording: SampleWording = CHINESE_SAMPLES,
): SampleInput[] {
  return startVariables(def).map((declaration) => ({
    name: declaration.name,
    label: declaration.label ?? declaration.name,
    required: declaration.required,
    sample: declaration.required
      ? variableSample(declaration, { today: dayOf(clock), wording })
      : declaration.default,
    text: declaration.type === 'string' || declaration.type === 'date',
  }));
}

/** Someone the engine takes as a candidate for the task: its user, or a holder of its role. */
export function samplePerson(assignee: ResolvedAssignee, seat: number): SamplePerson {
  if (assignee.type === 'user')
    return assignee.userId === DRY_RUN_STARTER
      ? { type: 'starter', actor: { userId: DRY_RUN_STARTER } }
      : { type: 'user', actor: { userId: assignee.userId } };
  const number = seat + 1;
  return {
    type: 'role',
    role: assignee.role,
    number,
    actor: {
      userId: `sample-${assignee.role}-${number}`,
      assignments: [{ role: assignee.role, unitId: assignee.unitId ?? SAMPLE_UNIT }],
    },
  };
}

/** The sample person an event's actor is (`samplePerson` read backwards); other ids are named users. */
export function personOfActor(actor: Actor): SamplePerson {
  if (actor.userId === DRY_RUN_STARTER) return { type: 'starter', actor };
  const [, named, number] = /^sample-(.+)-(\d+)$/.exec(actor.userId) ?? [];
  const role = ZRole.options.find((candidate) => candidate === named);
  return role ? { type: 'role', role, number: Number(number), actor } : { type: 'user', actor };
}

function taskChoice(
  def: ProcessDefinition,
  state: InstanceState,
  task: OpenTask,
  basis: SampleBasis,
): DryRunChoice[] {
  const node = def.nodes.find((candidate) => candidate.id === task.nodeId);
  if (!node) return [];
  const onNode = { key: task.id, nodeId: node.id, nodeName: node.name };
  const person = samplePerson(task.assignee, task.seat);
  switch (node.kind) {
    case 'userTask':
      return [
        { ...onNode, kind: 'completeTask', taskId: task.id, person, inputs: formInputs(node.form, basis) },
      ];
    case 'approval': {
      const canReturn = def.edges.some((edge) => edge.from === node.id && edge.outcome === 'return');
      const votes: VoteChoice[] = canReturn ? ['approve', 'reject', 'return'] : ['approve', 'reject'];
      return [{ ...onNode, kind: 'vote', taskId: task.id, seat: task.seat, person, votes }];
    }
    case 'review': {
      const wait = state.tokens[task.tokenId]?.wait;
      const inputs = node.rubric.map((criterion) => ({
        name: criterion.id,
        label: criterion.label,
        required: true,
        sample: Math.round(criterion.max * 0.8),
        text: false,
      }));
      const subjects = wait?.kind === 'review' ? wait.subjects : null;
      return [{ ...onNode, kind: 'review', taskId: task.id, seat: task.seat, person, inputs, subjects }];
    }
    default:
      return [];
  }
}

/** What an external event's handlers call it, else its name. */
export const eventLabel = (def: ProcessDefinition, event: string) =>
  def.eventHandlers.find((handler) => handler.event === event && handler.name)?.name ?? event;

/** A node's name; an id that names no node (a task or timer no longer open) is shown as it is. */
export const nodeName = (def: ProcessDefinition, nodeId: string) =>
  def.nodes.find((node: ProcessNode) => node.id === nodeId)?.name ?? nodeId;

/**
 * Every event the state allows next, in the order a person meets them: tasks, timers, actions, events;
 * sample texts worded by `wording`.
 */
export function allowedEvents(
  def: ProcessDefinition,
  state: InstanceState,
  clock: string,
  wording: SampleWording = CHINESE_SAMPLES,
): DryRunChoice[] {
  if (state.status === 'created')
    return [{ kind: 'start', key: 'start', inputs: startInputs(def, clock, wording) }];
  if (state.status !== 'running') return [];
  const basis = { today: dayOf(clock), wording };
  const choices: DryRunChoice[] = Object.values(state.tasks)
    // A delegated or held seat is answered by no one until it is handed back or freed.
    .filter((task) => task.delegatedBy === undefined && task.heldFor === undefined)
    .flatMap((task) => taskChoice(def, state, task, basis));
  const timers = Object.values(state.timers).sort((a, b) => a.fireAt.localeCompare(b.fireAt));
  for (const timer of timers)
    choices.push({
      kind: 'timer',
      key: timer.id,
      nodeId: timer.nodeId,
      nodeName: nodeName(def, timer.nodeId),
      timerId: timer.id,
      fireAt: timer.fireAt,
      purpose: timer.purpose,
    });
  for (const action of Object.values(state.pendingActions))
    if (action.status === 'running')
      choices.push({
        kind: 'action',
        key: action.id,
        nodeId: action.nodeId,
        nodeName: nodeName(def, action.nodeId),
        actionId: action.id,
        action: action.action,
        canFail: def.edges.some((edge) => edge.from === action.nodeId && edge.outcome === 'error'),
        inputs: [{ name: RESULT_INPUT, label: RESULT_INPUT, required: false, sample: {}, text: false }],
      });
  const children = Object.values(state.children);
  for (const child of children)
    if (child.status === 'running')
      choices.push({
        kind: 'child',
        key: child.id,
        nodeId: child.nodeId,
        nodeName: nodeName(def, child.nodeId),
        childId: child.id,
        number: children.filter((other) => other.nodeId === child.nodeId).indexOf(child) + 1,
        item: child.item,
      });
  const atNodes = new Set(Object.values(state.tokens).map((token) => token.nodeId));
  const names = new Set(
    def.eventHandlers
      .filter((handler) => !handler.activeIn || handler.activeIn.some((id) => atNodes.has(id)))
      .map((handler) => handler.event),
  );
  for (const name of names) {
    const fields = def.eventHandlers.find((handler) => handler.event === name && handler.payload)?.payload;
    choices.push({
      kind: 'external',
      key: `external:${name}`,
      name,
      label: eventLabel(def, name),
      inputs: fields
        ? formInputs(fields, basis)
        : [{ name: PAYLOAD_INPUT, label: PAYLOAD_INPUT, required: false, sample: {}, text: false }],
    });
  }
  choices.push({ kind: 'cancel', key: 'cancel' });
  return choices;
}

const laterOf = (a: string, b: string) => (a.localeCompare(b) >= 0 ? a : b);
/** Inputs left empty are left out, so that the engine judges a missing value as a host would. */
const given = (values: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));

/** The timed engine event a choice and its answer make; a timer advances the clock to its due time. */
export function eventOf(choice: DryRunChoice, answer: DryRunAnswer, clock: string): TimedEvent {
  const values = given(answer.values);
  const event = ((): EngineEvent => {
    switch (choice.kind) {
      case 'start':
        return { type: 'started', input: values, actor: { userId: DRY_RUN_STARTER } };
      case 'completeTask':
        return { type: 'taskCompleted', taskId: choice.taskId, actor: choice.person.actor, data: values };
      case 'vote':
        return {
          type: 'approvalVoted',
          taskId: choice.taskId,
          actor: choice.person.actor,
          vote: answer.vote ?? 'approve',
        };
      case 'review': {
        const scores = values as Record<string, number>;
        return choice.subjects === null
          ? { type: 'reviewSubmitted', taskId: choice.taskId, actor: choice.person.actor, scores }
          : {
              type: 'reviewSubmitted',
              taskId: choice.taskId,
              actor: choice.person.actor,
              subjects: Object.fromEntries(choice.subjects.map((subject) => [subject, { scores }])),
            };
      }
      case 'timer':
        return { type: 'timerFired', timerId: choice.timerId };
      case 'action':
        return answer.fail
          ? { type: 'actionFailed', actionId: choice.actionId, error: '试运行：动作失败' }
          : { type: 'actionCompleted', actionId: choice.actionId, result: values[RESULT_INPUT] ?? null };
      case 'child':
        return { type: 'childCompleted', childId: choice.childId };
      case 'external': {
        const declared = !(choice.inputs.length === 1 && choice.inputs[0]?.name === PAYLOAD_INPUT);
        return { type: 'external', name: choice.name, payload: declared ? values : values[PAYLOAD_INPUT] };
      }
      case 'cancel':
        return { type: 'cancelled', actor: { userId: DRY_RUN_STARTER } };
    }
  })();
  return { at: choice.kind === 'timer' ? laterOf(clock, choice.fireAt) : clock, event };
}
