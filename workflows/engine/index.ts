// The process engine's public API: definition format, validator, interpreter, simulation, versions.
export {
  ZProcessDefinition,
  ZNode,
  ZEdge,
  ZEventHandler,
  ZAssigneeRule,
  ZFormField,
  ZApprovalPolicy,
  ZTimerSpec,
  ZRole,
  CASE_ROLES,
  ZStage,
  processDefinitionJsonSchema,
  type ProcessDefinition,
  type ProcessNode,
  type ProcessEdge,
  type NodeKind,
  type NodeOf,
  type EventHandler,
  type Stage,
  type AssigneeRule,
  type FormField,
  type VariableDeclaration,
  type RubricCriterion,
  type ApprovalPolicy,
  type Role,
} from './definition-schema';
export { validateDefinition, type ValidationResult } from './validate-definition';
export { knownVariables, writtenVariables } from './written-variables';
export type {
  ValidationProblem,
  ValidationCode,
  Rejection,
  RejectionCode,
  LocalizedMessage,
} from './localized-message';
export {
  ZEngineEvent,
  ZActor,
  ZTaskHolder,
  type TaskHolder,
  type EngineEvent,
  type EngineEventType,
  type Actor,
  type Effect,
  type TaskKind,
  type CarbonCopy,
} from './engine-events';
export {
  initialState,
  type InstanceState,
  type Token,
  type TokenWait,
  type OpenTask,
  type OpenTimer,
  type PendingAction,
  type ChildRecord,
  type Incident,
  type ResolvedAssignee,
} from './instance-state';
export { step, type StepOptions, type StepResult } from './interpreter';
export { addWorkingDays, isWorkingDay, WEEKDAYS_ONLY, type WorkingDayCalendar } from './iso-durations';
export { simulate, type TimedEvent, type TraceEntry, type Simulation } from './simulate';
export { contentHash, canonicalJson } from './content-hash';
export { migrateState, type MigrationResult, type MigrationReason } from './migrate-state';
export {
  suggestNodeMapping,
  mappingOf,
  mappingProblems,
  checkInstanceMigration,
  alreadyOnTarget,
  notOnSource,
  repointedTasks,
  type SuggestedTarget,
  type MappingProblem,
  type InstanceMigrationCheck,
} from './migration-plan';
export {
  actionCatalog,
  findAction,
  ZApprovalVotes,
  type ActionName,
  type ActionEntry,
  type ApprovalVotes,
} from './action-catalog';
export { formSchema, validateFormData } from './form-validation';
export { payloadFieldsOf } from './event-handlers';
export { decideApproval } from './nodes/approval';
export { childInstanceTitle, childTitlePlaceholders, renderChildTitle } from './child-title';
export { notificationKey, notificationPayload } from './notification-key';
export { weightedTotal, aggregateScores, rateScore } from './nodes/review';
export { holdsRoleOnLine, mayTakeOver, rolesToTakeOver, unitLineOf, type UnitLine } from './task-eligibility';
export {
  diffDefinitions,
  type DiffableDefinition,
  type DefinitionChange,
  type DiffTarget,
  type PropertyChange,
} from './definition-diff';
