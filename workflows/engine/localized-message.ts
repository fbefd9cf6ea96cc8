// Bilingual messages: every problem and rejection the engine reports carries Chinese and English text.

export type LocalizedMessage = { zh: string; en: string };

/** One problem with one value the sender gave (`field` names it), in English and Chinese. */
export type FieldIssue = { field: string; message: string; messageZh: string };

export type ValidationProblem = {
  code: ValidationCode;
  nodeId?: string;
  edgeId?: string;
  /** The event handler (`eventHandlers[].id`) the problem is about; `nodeId` then names its target. */
  handlerId?: string;
  /** Where in the definition a schema problem lies (`['variables', 0, 'name']`). */
  path?: Array<string | number>;
  message: LocalizedMessage;
};

export type ValidationCode =
  | 'SCHEMA_INVALID'
  | 'DUPLICATE_NODE_ID'
  | 'DUPLICATE_EDGE_ID'
  | 'START_COUNT'
  | 'NO_END'
  | 'DANGLING_EDGE'
  | 'START_HAS_INCOMING'
  | 'END_HAS_OUTGOING'
  | 'MISSING_OUTGOING'
  | 'TOO_MANY_OUTGOING'
  | 'UNREACHABLE_NODE'
  | 'CANNOT_REACH_END'
  | 'LOOP_WITHOUT_EXIT'
  | 'GATEWAY_DEFAULT_MISSING'
  | 'GATEWAY_CONDITION_MISSING'
  | 'CONDITION_OUTSIDE_GATEWAY'
  | 'FEEL_SYNTAX'
  | 'FEEL_UNKNOWN_VARIABLE'
  | 'VARIABLE_UNKNOWN'
  | 'PARALLEL_SHAPE'
  | 'PARALLEL_UNMATCHED'
  | 'TIMER_INVALID'
  | 'DURATION_INVALID'
  | 'FORM_DUPLICATE_FIELD'
  | 'FORM_FIELD_INVALID'
  | 'UNKNOWN_ACTION'
  | 'ACTION_PARAMS_INVALID'
  | 'OUTCOME_EDGE_MISSING'
  | 'OUTCOME_INVALID'
  | 'SEATS_INSUFFICIENT'
  | 'HANDLER_TARGET_UNKNOWN'
  | 'FEEL_ALWAYS_FAILS'
  | 'DUPLICATE_STAGE_ID'
  | 'UNKNOWN_STAGE'
  | 'RETURN_TARGET_INVALID'
  | 'ASSIGNEE_VARIABLE_UNKNOWN'
  | 'CC_RECIPIENT_DUPLICATE'
  | 'EVENT_PAYLOAD_CONFLICT';

export type RejectionCode =
  | 'EVENT_INVALID'
  | 'ALREADY_STARTED'
  | 'NOT_RUNNING'
  | 'INPUT_INVALID'
  | 'TASK_NOT_FOUND'
  | 'TASK_KIND_MISMATCH'
  | 'NOT_A_CANDIDATE'
  | 'FORM_INVALID'
  /** An external event's payload does not fit the fields its definition declares for it. */
  | 'PAYLOAD_INVALID'
  | 'VOTE_NOT_ALLOWED'
  | 'ALREADY_ACTED'
  | 'REVIEW_INVALID'
  | 'TIMER_NOT_FOUND'
  | 'TIMER_NOT_DUE'
  | 'ACTION_NOT_FOUND'
  | 'ACTION_PARAMS_INVALID'
  | 'CHILD_NOT_FOUND'
  | 'EVENT_NOT_HANDLED'
  | 'FEEL_ERROR'
  | 'VARIABLE_NOT_LIST'
  | 'TIMER_DATE_INVALID'
  | 'LOOP_LIMIT'
  | 'VARIABLES_INVALID'
  | 'INCIDENT_NOT_FOUND'
  /** A retried action of the incident is still running: its outcome comes first. */
  | 'INCIDENT_RETRYING'
  | 'NOT_A_SUPERVISOR'
  | 'TARGET_NOT_ELIGIBLE'
  | 'TASK_DELEGATED'
  | 'NOT_DELEGATED'
  | 'RETURN_NOT_ALLOWED'
  | 'RETURN_TARGET_NOT_PASSED'
  | 'TAKE_BACK_NOT_POSSIBLE'
  | 'WAITING_FOR_SIGNER'
  | 'ASSIGNEE_UNRESOLVED'
  | 'NOT_THE_HOLDER'
  /** A unit's head changed, but the unit is not on the instance's unit line. */
  | 'UNIT_NOT_ON_LINE';

export type Rejection = { code: RejectionCode; message: LocalizedMessage; details?: unknown };

/** Thrown inside the interpreter to abandon the whole event; `step` turns it into a rejection. */
export class EngineRejection extends Error {
  constructor(readonly rejection: Rejection) {
    super(`${rejection.code}: ${rejection.message.en}`);
  }
}

export function rejectWith(code: RejectionCode, zh: string, en: string, details?: unknown): never {
  throw new EngineRejection({ code, message: { zh, en }, ...(details === undefined ? {} : { details }) });
}
