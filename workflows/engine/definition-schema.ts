// The process definition format: a zod schema that is the single source of the TypeScript types,
// the designer's JSON Schema and the parse step every stored definition goes through.
import { z } from 'zod';
import { childTitlePlaceholders } from './child-title';
import { FEEL_KEYWORDS, IDENTIFIER, IDENTIFIER_REASONS } from './identifier';
import { zhFor } from './zh-reasons';

const identifier = z
  .string()
  .regex(IDENTIFIER, 'must be an identifier (letters, digits, underscore)')
  .refine(
    (name) => !FEEL_KEYWORDS.has(name),
    zhFor(IDENTIFIER_REASONS.keyword.en, IDENTIFIER_REASONS.keyword.zh),
  );
const elementId = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'ids use letters, digits, _ . -');
/** A FEEL expression (https://docs.camunda.io/docs/components/modeler/feel/what-is-feel/). */
const feel = z.string().min(1).describe('FEEL expression');
/** An ISO 8601 duration such as P14D or PT2H, or working days such as 5WD; checked by the validator. */
const duration = z.string().describe('ISO 8601 duration, e.g. P14D, or working days (工作日), e.g. 5WD');

export const ZRole = z.enum([
  'admin',
  'officer',
  'supervisor',
  'committee_member',
  'selection_office',
  'leading_group',
]);

/** The roles that take part in case work: everyone but admins, who run the system and read no cases. */
export const CASE_ROLES: readonly Role[] = ZRole.options.filter((role) => role !== 'admin');

/** Who a task goes to. Role rules are scoped to the instance's org unit, resolved by the host. */
export const ZAssigneeRule = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('role'),
    role: ZRole,
    /** unit: the instance's unit; ancestors: the nearest unit above it; unitOrAncestors: either. */
    scope: z.enum(['unit', 'ancestors', 'unitOrAncestors']).default('unit'),
  }),
  z.strictObject({ type: z.literal('user'), userId: z.string().min(1) }),
  z.strictObject({ type: z.literal('starter') }),
  /**
   * The person whose user id a variable holds when the task opens: a start input, or a `user` form
   * field of an earlier step (so the previous step's actor chooses who handles this one).
   */
  z.strictObject({ type: z.literal('variable'), name: identifier }),
  /**
   * The head (站长, 中心主任) of the instance's unit, or of the unit `levelsUp` above it (beyond the
   * top: the top unit), as the unit tree names them when the instance starts.
   */
  z.strictObject({ type: z.literal('unitHead'), levelsUp: z.number().int().min(0).max(10).default(0) }),
]);

const scalarFieldTypes = [
  'text',
  'textarea',
  'number',
  'integer',
  'boolean',
  'date',
  'select',
  'multiselect',
] as const;

const fieldCommon = {
  name: identifier,
  label: z.string().min(1),
  required: z.boolean().default(false),
  min: z.number().optional(),
  max: z.number().optional(),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  pattern: z.string().optional(),
  options: z.array(z.string().min(1)).optional(),
  help: z.string().optional(),
};

export const ZScalarFormField = z.strictObject({ ...fieldCommon, type: z.enum(scalarFieldTypes) });

/**
 * A typed form field; `list` holds rows of scalar item fields (e.g. indicators with targets);
 * `user` (人员选择) holds one user id, which the host checks names an active person.
 */
export const ZFormField = z.strictObject({
  ...fieldCommon,
  type: z.enum([...scalarFieldTypes, 'list', 'file', 'user']),
  itemFields: z.array(ZScalarFormField).optional(),
  minItems: z.number().int().nonnegative().optional(),
  maxItems: z.number().int().positive().optional(),
});

/** Seats of a multi-person node: `seats` people holding the rule's role each take one task. */
export const ZSeatRule = z.strictObject({
  assignee: ZAssigneeRule,
  seats: z.number().int().min(1).default(1),
});

/** Due date, reminder to the assignee and escalation to a supervisor role, all from task creation. */
const deadline = {
  due: duration.optional(),
  reminder: z.strictObject({ after: duration }).optional(),
  escalation: z
    .strictObject({
      after: duration,
      toRole: ZRole,
      scope: z.enum(['unit', 'ancestors', 'unitOrAncestors']).default('unitOrAncestors'),
      /** true: the open task is cancelled and recreated for the supervisor role. */
      reassign: z.boolean().default(false),
    })
    .optional(),
};

/**
 * 退回: the earlier task nodes the holder of this node's task may send the work back to, when the
 * instance has passed through them (not only along a drawn return edge). Absent: no free return.
 */
const returnTo = { returnTo: z.array(elementId).min(1).optional() };

/**
 * 抄送: people or role holders notified when the node completes, as a task's assignee rule names
 * them (a person, or a role at the instance's unit by scope); each recipient once.
 */
export const ZCarbonCopyRecipient = z.discriminatedUnion('type', [
  ZAssigneeRule.options[0],
  ZAssigneeRule.options[1],
]);
const cc = { cc: z.array(ZCarbonCopyRecipient).min(1).max(20).optional() };

const position = z.strictObject({ x: z.number(), y: z.number() });

const nodeCommon = {
  id: elementId,
  name: z.string().min(1),
  description: z.string().optional(),
  /** Layout position for the designer; not part of the content hash. */
  position: position.optional(),
  /** The declared stage (`stages[].id`) this node belongs to, for the stage bar of a project. */
  stage: elementId.optional(),
};

/** FEEL output mappings: variable name -> expression evaluated when the node completes. */
const outputs = z.record(identifier, feel);

export const ZStartNode = z.strictObject({ ...nodeCommon, kind: z.literal('start') });

export const ZEndNode = z.strictObject({
  ...nodeCommon,
  kind: z.literal('end'),
  outcome: z.string().min(1).optional(),
  /** Terminate end: cancels every other path of the instance when reached. */
  terminate: z.boolean().default(false),
});

export const ZUserTaskNode = z.strictObject({
  ...nodeCommon,
  kind: z.literal('userTask'),
  assignee: ZAssigneeRule,
  form: z.array(ZFormField).default([]),
  /** Store submitted data under this variable instead of merging fields into the variables. */
  formVariable: identifier.optional(),
  outputs: outputs.optional(),
  ...deadline,
  ...returnTo,
  ...cc,
});

export const ZApprovalPolicy = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('any') }),
  z.strictObject({ type: z.literal('all') }),
  z.strictObject({ type: z.literal('majority') }),
  z.strictObject({ type: z.literal('quorum'), n: z.number().int().min(1) }),
]);

export const ZApprovalNode = z.strictObject({
  ...nodeCommon,
  kind: z.literal('approval'),
  approvers: z.array(ZSeatRule).min(1),
  policy: ZApprovalPolicy.default({ type: 'any' }),
  /** Variable that receives 'approve' | 'reject' | 'return'. */
  decisionVariable: identifier.optional(),
  /**
   * Variable that receives the decision with the votes that made it, `{ outcome, votes: [{ userId,
   * vote, comment? }] }`, so an action after the approval can record who decided what.
   */
  votesVariable: identifier.optional(),
  ...deadline,
  ...returnTo,
  ...cc,
});

export const ZRubricCriterion = z.strictObject({
  id: identifier,
  label: z.string().min(1),
  weight: z.number().positive(),
  max: z.number().positive().default(100),
});

export const ZReviewNode = z.strictObject({
  ...nodeCommon,
  kind: z.literal('review'),
  reviewers: z.array(ZSeatRule).min(1),
  rubric: z.array(ZRubricCriterion).min(1),
  /** all: every seat responds; count: n seats with at least one non-recused score suffice. */
  completion: z
    .discriminatedUnion('type', [
      z.strictObject({ type: z.literal('all') }),
      z.strictObject({ type: z.literal('count'), n: z.number().int().min(1) }),
    ])
    .default({ type: 'all' }),
  /** When set, every reviewer scores each subject of this list (ids or objects with `id`). */
  subjectsVariable: identifier.optional(),
  /** Receives the mean weighted score (0-100) or, with subjects, a map subject id -> score. */
  resultVariable: identifier,
  /** Bands from the best down: the first band whose min the score reaches names the rating. */
  ratingBands: z.array(z.strictObject({ min: z.number(), rating: z.string().min(1) })).optional(),
  ratingVariable: identifier.optional(),
  ...deadline,
  ...returnTo,
});

export const ZGatewayNode = z.strictObject({ ...nodeCommon, kind: z.literal('gateway') });

export const ZParallelNode = z.strictObject({ ...nodeCommon, kind: z.literal('parallel') });

export const ZTimerSpec = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('duration'), duration }),
  /** A fixed date(-time) or a variable holding one; dates mean 00:00 Asia/Shanghai. */
  z.strictObject({
    type: z.literal('date'),
    date: z.string().optional(),
    dateVariable: identifier.optional(),
  }),
  /**
   * ISO repeating interval `Rn/<duration>`: the outgoing edge is taken on each firing; the token
   * that comes back after the n-th firing (or when `until` holds) leaves by the `done` edge.
   */
  z.strictObject({ type: z.literal('cycle'), cycle: z.string(), until: feel.optional() }),
]);

export const ZTimerNode = z.strictObject({ ...nodeCommon, kind: z.literal('timer'), timer: ZTimerSpec });

export const ZActionNode = z.strictObject({
  ...nodeCommon,
  kind: z.literal('action'),
  action: z.string().min(1),
  /** Static values; a string starting with '=' is a FEEL expression over the variables. */
  params: z.record(z.string(), z.unknown()).default({}),
  resultVariable: identifier.optional(),
  /** FEEL mappings evaluated with `result` in scope, e.g. { "selected": "result.selected" }. */
  outputs: outputs.optional(),
});

export const ZSubprocessNode = z
  .strictObject({
    ...nodeCommon,
    kind: z.literal('subprocess'),
    definitionKey: z.string().min(1),
    /** One child per item of this list; without it, exactly one child. */
    itemsVariable: identifier.optional(),
    /** Child input: name -> FEEL over the variables and `item`. */
    input: z.record(identifier, feel).default({}),
    wait: z.boolean().default(true),
    /** Receives [{ childId, item, outcome, variables }] once every child completed (wait only). */
    resultVariable: identifier.optional(),
    /**
     * The child instance's title: text with `{name}` placeholders for the child's input, e.g.
     * "{personName}·人才管理期". Without it (or when it renders blank) the title is the parent's
     * title and the child definition's name (child-title.ts).
     */
    childTitle: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((node, ctx) => {
    for (const name of childTitlePlaceholders(node.childTitle ?? ''))
      if (!(name in node.input))
        ctx.addIssue({
          code: 'custom',
          path: ['childTitle'],
          message: `childTitle names {${name}}, which is not one of the node's inputs`,
        });
  });

export const ZNode = z.discriminatedUnion('kind', [
  ZStartNode,
  ZEndNode,
  ZUserTaskNode,
  ZApprovalNode,
  ZReviewNode,
  ZGatewayNode,
  ZParallelNode,
  ZTimerNode,
  ZActionNode,
  ZSubprocessNode,
]);

export const ZEdge = z.strictObject({
  id: elementId,
  from: elementId,
  to: elementId,
  label: z.string().optional(),
  /** Gateway edges: FEEL condition over the variables; exactly one gateway edge is the default. */
  condition: feel.optional(),
  default: z.boolean().optional(),
  /** approval: approve | reject | return; cycle timer: done; action: error. */
  outcome: z.string().optional(),
});

/** Instance-level handler for a named external event (e.g. `misconductReported`). */
export const ZEventHandler = z.strictObject({
  id: elementId,
  event: z.string().min(1),
  name: z.string().optional(),
  /** Interrupting: cancels every open path first. Non-interrupting: opens a path beside them. */
  interrupting: z.boolean().default(false),
  /** Node where the new path starts; without it the handler only records variables. */
  target: elementId.optional(),
  /** Only accepted while a path waits at one of these nodes. */
  activeIn: z.array(elementId).optional(),
  /** FEEL over the variables and `payload`; the event is not handled when false. */
  condition: feel.optional(),
  payloadVariable: identifier.optional(),
  /** Append the payload to this list variable (e.g. objections during a public notice). */
  appendPayloadTo: identifier.optional(),
  setVariables: z.record(identifier, feel).optional(),
  /**
   * The payload's fields, as a form's (types, required, limits, options): a declared payload must
   * be an object of these fields, checked before any handler reads it. Handlers of one event
   * declare the same fields or none; undeclared, the payload is any JSON.
   */
  payload: z.array(ZFormField).optional(),
});

export const ZVariableDeclaration = z.strictObject({
  name: identifier,
  label: z.string().optional(),
  type: z.enum(['string', 'number', 'integer', 'boolean', 'date', 'list', 'object', 'any']),
  /** Must be supplied in the `started` input. */
  required: z.boolean().default(false),
  default: z.unknown().optional(),
});

/** A phase of the process as people name it (预估, 计划 …); nodes say which one they belong to. */
export const ZStage = z.strictObject({ id: elementId, name: z.string().min(1) });

export const ZProcessDefinition = z.strictObject({
  $schema: z.string().optional(),
  key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'keys are kebab-case'),
  name: z.string().min(1),
  description: z.string().optional(),
  version: z.number().int().min(1).default(1),
  /**
   * The roles whose holders may start the process at their units (and below) from the catalogue;
   * absent: officers and supervisors. Processes only other processes start declare none ([]).
   */
  starterRoles: z.array(ZRole).optional(),
  variables: z.array(ZVariableDeclaration).default([]),
  /** In the order a stage bar shows them. */
  stages: z.array(ZStage).default([]),
  nodes: z.array(ZNode).min(1),
  edges: z.array(ZEdge).default([]),
  eventHandlers: z.array(ZEventHandler).default([]),
});

export type ProcessDefinition = z.infer<typeof ZProcessDefinition>;
export type ProcessNode = z.infer<typeof ZNode>;
export type NodeKind = ProcessNode['kind'];
export type NodeOf<K extends NodeKind> = Extract<ProcessNode, { kind: K }>;
export type ProcessEdge = z.infer<typeof ZEdge>;
export type EventHandler = z.infer<typeof ZEventHandler>;
export type Stage = z.infer<typeof ZStage>;
export type AssigneeRule = z.infer<typeof ZAssigneeRule>;
export type FormField = z.infer<typeof ZFormField>;
export type ScalarFormField = z.infer<typeof ZScalarFormField>;
export type VariableDeclaration = z.infer<typeof ZVariableDeclaration>;
export type RubricCriterion = z.infer<typeof ZRubricCriterion>;
export type ApprovalPolicy = z.infer<typeof ZApprovalPolicy>;
export type Role = z.infer<typeof ZRole>;

/** Edge outcomes each node kind may route by. */
export const outcomesByKind: Partial<Record<NodeKind, readonly string[]>> = {
  approval: ['approve', 'reject', 'return'],
  timer: ['done'],
  action: ['error'],
};

/** The JSON Schema of the definition format, as the designer and `docs/engine` publish it. */
export function processDefinitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ZProcessDefinition, { io: 'input', unrepresentable: 'any' });
}
