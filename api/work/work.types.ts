// Wire contracts of the officers' and supervisors' work: the process catalogue, projects
// (process instances) and the task inbox. The web imports them.
import { z } from 'zod';
import { ZRole } from '../auth/auth.types';
import { ZId, ZShortText } from '../admin/common.types';
import { pageOf, ZPageQuery } from '../http/pagination';
import { ZFormField, ZRubricCriterion } from '../../workflows/engine/definition-schema';

export const ZPersonRef = z.object({ id: z.string(), displayName: z.string() }).meta({ id: 'PersonRef' });
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZUnitRef = z
  .object({ id: z.string(), name: z.string(), kind: z.string() })
  .meta({ id: 'UnitRef' });
export type TUnitRef = z.infer<typeof ZUnitRef>;

/** A stage of a definition (预估, 计划 …) and where an instance stands in it. */
/** `returned`: reached once, then the work was sent back to an earlier stage; to be done again. */
export const ZStageView = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['done', 'current', 'pending', 'returned']),
  })
  .meta({ id: 'StageView' });
export type TStageView = z.infer<typeof ZStageView>;

/** A start-form field: a declared variable of the definition, shown when a project is started. */
export const ZStartField = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['string', 'number', 'integer', 'boolean', 'date', 'list', 'object', 'any']),
  required: z.boolean(),
});
export type TStartField = z.infer<typeof ZStartField>;

export const ZCatalogueEntry = z
  .object({
    definitionId: z.string(),
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    versionId: z.string(),
    version: z.number().int(),
    stages: z.array(z.object({ id: z.string(), name: z.string() })),
    /** The declared variables a start may supply (required ones must be supplied). */
    startFields: z.array(ZStartField),
    /** The units the caller may start this process at. */
    units: z.array(ZUnitRef),
  })
  .meta({ id: 'CatalogueEntry' });
export type TCatalogueEntry = z.infer<typeof ZCatalogueEntry>;
export const ZCatalogue = z.object({ items: z.array(ZCatalogueEntry) });
export type TCatalogue = z.infer<typeof ZCatalogue>;

export const ZInstanceStatus = z.enum(['running', 'completed', 'cancelled']);

export const ZProjectSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    definitionKey: z.string(),
    definitionName: z.string(),
    version: z.number().int(),
    unit: ZUnitRef,
    status: ZInstanceStatus,
    /** Names of the nodes the instance waits at now. */
    currentNodes: z.array(z.object({ nodeId: z.string(), name: z.string() })),
    /** Names of the stages those nodes belong to (empty for a definition without stages). */
    currentStages: z.array(z.string()),
    startedAt: z.string(),
    startedBy: ZPersonRef.nullable(),
    endedAt: z.string().nullable(),
    /** An open task of the project is past its due time. */
    overdue: z.boolean(),
  })
  .meta({ id: 'ProjectSummary' });
export type TProjectSummary = z.infer<typeof ZProjectSummary>;
export const ZProjectPage = pageOf(ZProjectSummary);
export type TProjectPage = z.infer<typeof ZProjectPage>;

/** A calendar day (YYYY-MM-DD), counted in China Standard Time. */
const ZDay = z.iso.date();

/** What the project list, its xlsx export and the dashboards filter by. */
export const ZProjectFilters = z.object({
  /** Only this unit and the units below it. */
  unitId: ZId.optional(),
  /** 'false': only projects of `unitId` itself, not of the units below it. */
  subunits: z.enum(['true', 'false']).optional(),
  definitionKey: z.string().max(100).optional(),
  status: ZInstanceStatus.optional(),
  /** Text search in the title. */
  q: z.string().trim().max(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** A stage id of the definition (assess, plan …) a running project waits in now. */
  stage: z.string().max(100).optional(),
  /** A node id a running project waits at now. */
  node: z.string().max(100).optional(),
  /** The instance variable `serviceDomain` (服务领域). */
  serviceDomain: z.string().max(100).optional(),
  /** The instance variable `fundingSource` (资金来源). */
  fundingSource: z.string().max(100).optional(),
  /** Started on or after this day / on or before this day. */
  startedFrom: ZDay.optional(),
  startedTo: ZDay.optional(),
  /** Ended on or after this day / on or before this day. */
  endedFrom: ZDay.optional(),
  endedTo: ZDay.optional(),
});
export type TProjectFilters = z.infer<typeof ZProjectFilters>;

export const ZProjectSort = z.enum(['startedAt', '-startedAt', 'title']).default('-startedAt');
export const ZProjectListQuery = ZPageQuery.extend(ZProjectFilters.shape).extend({ sort: ZProjectSort });
export type TProjectListQuery = z.input<typeof ZProjectListQuery>;

export const ZTaskKind = z.enum(['userTask', 'approval', 'review']);
export const ZTaskStatus = z.enum(['open', 'completed', 'cancelled']);

export const ZTaskSummary = z
  .object({
    id: z.string(),
    projectId: z.string(),
    projectTitle: z.string(),
    /** The web page that shows the task's process: its project's, or a talent round's. */
    projectPath: z.string(),
    definitionName: z.string(),
    unit: ZUnitRef,
    nodeId: z.string(),
    name: z.string(),
    kind: ZTaskKind,
    status: ZTaskStatus,
    /** The person the task is assigned to or claimed by; null while it waits for a candidate. */
    assignee: ZPersonRef.nullable(),
    candidateRole: ZRole.nullable(),
    dueAt: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    completedBy: ZPersonRef.nullable(),
    overdue: z.boolean(),
    /** An open task moved here from someone away (代理, docs/proxies.md): that person. */
    proxiedFor: ZPersonRef.nullable(),
  })
  .meta({ id: 'TaskSummary' });
export type TTaskSummary = z.infer<typeof ZTaskSummary>;

export const ZTaskView = z.enum(['mine', 'candidates', 'done']);
export type TTaskView = z.infer<typeof ZTaskView>;
export const ZTaskListQuery = ZPageQuery.extend({
  view: ZTaskView.default('mine'),
  sort: z.enum(['due', 'created', '-created']).default('due'),
});
export type TTaskListQuery = z.input<typeof ZTaskListQuery>;
export const ZTaskPage = pageOf(ZTaskSummary).extend({
  /** Open counts for the tabs (done: completed by the caller). */
  counts: z.object({ mine: z.number().int(), candidates: z.number().int(), done: z.number().int() }),
});
export type TTaskPage = z.infer<typeof ZTaskPage>;

/**
 * The latest form submitted at a node (its data, by whom and when) and how the work came back after
 * it: 退回 (a return vote or 退回到环节, with its comment) or 拿回 by the person who had submitted.
 */
export const ZPreviousSubmission = z
  .object({
    data: z.record(z.string(), z.unknown()),
    submittedBy: ZPersonRef.nullable(),
    submittedAt: z.string(),
    sentBack: z.object({
      how: z.enum(['returned', 'takenBack']),
      by: ZPersonRef.nullable(),
      at: z.string(),
      comment: z.string().nullable(),
    }),
  })
  .meta({ id: 'PreviousSubmission' });

export const ZTaskDetail = ZTaskSummary.extend({
  /** userTask: the fields to fill. */
  form: z.array(ZFormField),
  /** approval: the votes this task accepts. */
  votes: z.array(z.enum(['approve', 'reject', 'return'])),
  /** review: the rubric to score and, for multi-subject reviews, the subject ids. */
  rubric: z.array(ZRubricCriterion),
  subjects: z.array(z.string()),
  /** The stage the task's node belongs to, if the definition has stages. */
  stage: z.string().nullable(),
  /** The caller may act on it now (assigned to them, or a candidate of an unclaimed task). */
  canAct: z.boolean(),
  /** The caller may claim it (a candidate and nobody has claimed it yet). */
  canClaim: z.boolean(),
  /** The data submitted when it was completed, if it was completed with a form. */
  submitted: z.record(z.string(), z.unknown()).nullable(),
  /**
   * An open form task at a node that was submitted before (reopened by 退回 or 拿回, or a loop): the
   * latest form submitted there, which the page fills in; null otherwise.
   */
  previous: ZPreviousSubmission.nullable(),
  /** Display names of the people the submitted form's 人员选择 fields hold, by user id. */
  people: z.record(z.string(), z.string()),
  /** A step done from a page of its own (a talent round's office step): that page's path; else null. */
  hostedAt: z.string().nullable(),
}).meta({ id: 'TaskDetail' });
export type TTaskDetail = z.infer<typeof ZTaskDetail>;

/** A form submitted at a node, as the timeline and the project page show it. */
export const ZSubmittedForm = z.object({
  taskId: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  stage: z.string().nullable(),
  kind: ZTaskKind,
  submittedBy: ZPersonRef.nullable(),
  submittedAt: z.string(),
  fields: z.array(ZFormField),
  data: z.record(z.string(), z.unknown()),
  /** Display names of the people its 人员选择 fields hold, by user id. */
  people: z.record(z.string(), z.string()),
});
export type TSubmittedForm = z.infer<typeof ZSubmittedForm>;

export const ZProjectDetail = ZProjectSummary.extend({
  versionId: z.string(),
  stages: z.array(ZStageView),
  variables: z.record(z.string(), z.unknown()),
  forms: z.array(ZSubmittedForm),
  tasks: z.array(ZTaskSummary),
  /** Pending timers; `name` is the node's, `purpose` what the timer is for (timer, reminder, escalation). */
  timers: z.array(
    z.object({
      id: z.string(),
      nodeId: z.string(),
      name: z.string(),
      fireAt: z.string(),
      purpose: z.string(),
    }),
  ),
  incidents: z.array(
    z.object({
      id: z.string(),
      nodeId: z.string(),
      status: z.string(),
      error: z.string(),
      raisedAt: z.string(),
    }),
  ),
  outcome: z.string().nullable(),
  /** The name of the end the project reached (e.g. 项目结项), for people; `outcome` is its code. */
  outcomeLabel: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** The external events the definition declares handlers for (`name` is what to send). */
  /** `payload`: the fields the definition declares for the event's payload; absent, any JSON. */
  events: z.array(z.object({ name: z.string(), label: z.string(), payload: z.array(ZFormField).optional() })),
  /** What the caller may do to the project as a whole (sendEvent: send one of `events`). */
  can: z.object({ cancel: z.boolean(), sendEvent: z.boolean() }),
}).meta({ id: 'ProjectDetail' });
export type TProjectDetail = z.infer<typeof ZProjectDetail>;

export const ZTimelineEntry = z
  .object({
    sequence: z.number().int(),
    type: z.string(),
    occurredAt: z.string(),
    actor: ZPersonRef.nullable(),
    nodeId: z.string().nullable(),
    /** What happened, as a sentence. */
    text: z.object({ zh: z.string(), en: z.string() }),
    comment: z.string().nullable(),
  })
  .meta({ id: 'TimelineEntry' });
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;
export const ZTimeline = z.object({ items: z.array(ZTimelineEntry) });
export type TTimeline = z.infer<typeof ZTimeline>;

const ZStartValue = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);
export const ZStartProjectRequest = z.object({
  versionId: ZId,
  unitId: ZId,
  title: ZShortText(200),
  input: z.record(z.string().max(100), ZStartValue).default({}),
});
export type TStartProjectRequest = z.input<typeof ZStartProjectRequest>;

export const ZCancelProjectRequest = z.object({ reason: ZShortText(500) });
export type TCancelProjectRequest = z.infer<typeof ZCancelProjectRequest>;

/**
 * An external event the project's definition declares a handler for, with its payload: an object of
 * the fields the definition declares for the event, or any JSON where it declares none.
 */
export const ZSendEventRequest = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  /** Why the supervisor steps into the process (an event may end it, as 终止 does): kept in the audit log. */
  reason: z.string().trim().min(1, 'required').max(500),
  payload: z.unknown().optional(),
});
export type TSendEventRequest = z.infer<typeof ZSendEventRequest>;

export const ZCompleteTaskRequest = z.object({
  data: z.record(z.string().max(100), z.unknown()).default({}),
});
export type TCompleteTaskRequest = z.input<typeof ZCompleteTaskRequest>;

export const ZVoteRequest = z.object({
  vote: z.enum(['approve', 'reject', 'return']),
  comment: z.string().trim().max(2000).optional(),
});
export type TVoteRequest = z.infer<typeof ZVoteRequest>;

const ZScores = z.record(z.string().max(100), z.number().min(0).max(1000));
export const ZReviewRequest = z.object({
  scores: ZScores.optional(),
  recused: z.boolean().optional(),
  subjects: z
    .record(z.string().max(200), z.object({ scores: ZScores.optional(), recused: z.boolean().optional() }))
    .optional(),
  comment: z.string().trim().max(2000).optional(),
});
export type TReviewRequest = z.infer<typeof ZReviewRequest>;
