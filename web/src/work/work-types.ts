// Wire types of the work API (process catalogue, projects, task inbox), inferred from the server's zod
// contracts so a change on either side fails the other's type-check. Type-only: no zod in the bundle.
import type {
  TCancelProjectRequest,
  TCatalogue,
  TCatalogueEntry,
  TCompleteTaskRequest,
  TPersonRef,
  TProjectDetail,
  TProjectListQuery,
  TProjectPage,
  TProjectSummary,
  TReviewRequest,
  TStartField,
  TStartProjectRequest,
  TStageView,
  TSubmittedForm,
  TTaskDetail,
  TTaskListQuery,
  TTaskPage,
  TTaskSummary,
  TTaskView,
  TTimeline,
  TTimelineEntry,
  TVoteRequest,
} from '../../../api/work/work.types.js';
import type {
  FormField,
  RubricCriterion,
  ScalarFormField,
} from '../../../workflows/engine/definition-schema.js';

export type PersonRef = TPersonRef;
export type Catalogue = TCatalogue;
export type CatalogueEntry = TCatalogueEntry;
export type StartField = TStartField;
export type StartProjectRequest = TStartProjectRequest;
export type CancelProjectRequest = TCancelProjectRequest;

export type ProjectSummary = TProjectSummary;
export type ProjectPage = TProjectPage;
export type ProjectDetail = TProjectDetail;
export type ProjectStatus = ProjectSummary['status'];
export type StageView = TStageView;
export type SubmittedForm = TSubmittedForm;
export type Timeline = TTimeline;
export type TimelineEntry = TTimelineEntry;
/** The list filters a person can set (and keep in the address); paging is separate. */
export type ProjectFilters = Omit<TProjectListQuery, 'limit' | 'cursor'>;
export type ProjectSort = NonNullable<ProjectFilters['sort']>;

export type TaskSummary = TTaskSummary;
export type TaskPage = TTaskPage;
export type TaskDetail = TTaskDetail;
export type TaskView = TTaskView;
export type TaskSort = NonNullable<TTaskListQuery['sort']>;
export type Vote = TVoteRequest['vote'];
export type VoteRequest = TVoteRequest;
export type ReviewRequest = TReviewRequest;
export type CompleteTaskRequest = TCompleteTaskRequest;

export type { FormField, RubricCriterion, ScalarFormField };
