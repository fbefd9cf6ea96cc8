// Projects and the task inbox: what officers, supervisors and the people who take part in a
// process (committee members scoring an evaluation, …) do all day. Every command goes through the
// Orchestrator port; the engine decides whether it fits the process.
import type { Request } from 'express';
import { ZIdParams } from '../admin/common.types';
import type { Db } from '../db/prisma-client';
import { readIdempotencyKey } from '../http/idempotency';
import { defineRoute } from '../http/route';
import type { Orchestrator } from '../orchestrator/orchestrator';
import { expectContentSubtree, expectSignedIn, expectSupervisorSubtree } from '../policy/route-expectations';
import { catalogueFor } from './catalogue';
import { cancelProject, sendProjectEvent, startProject } from './project-commands';
import { listProjects, projectDetail, projectTimeline } from './project-reads';
import { claimTask, completeTask, reviewTask, unclaimTask, voteOnTask, type Done } from './task-actions';
import { bulkApprove } from './bulk-vote';
import {
  ZAddSignerRequest,
  ZBulkVoteRequest,
  ZBulkVoteResult,
  ZCommentTaskRequest,
  ZCopyTaskRequest,
  ZHandOverTaskRequest,
  ZReassignTaskRequest,
  ZResolveTaskRequest,
  ZReturnTaskRequest,
  ZTaskActivity,
} from './task-action.types';
import { taskActivity } from './task-activity';
import {
  addSigner,
  commentOnTask,
  copyTask,
  handOverTask,
  reassignTask,
  resolveTask,
  returnTask,
  takeBackTask,
} from './task-handovers';
import { listTasks, taskDetail } from './task-inbox';
import {
  ZCancelProjectRequest,
  ZCatalogue,
  ZCompleteTaskRequest,
  ZProjectDetail,
  ZProjectListQuery,
  ZProjectPage,
  ZReviewRequest,
  ZSendEventRequest,
  ZStartProjectRequest,
  ZTaskDetail,
  ZTaskListQuery,
  ZTaskPage,
  ZTimeline,
  ZVoteRequest,
} from './work.types';

const signedIn = { kind: 'signedIn' } as const;
const keyOf = (req: Request) => readIdempotencyKey(req);

/** A task command's answer: the task as it now stands, with the audit entry of what was done. */
const answered = async (done: Promise<Done>) => {
  const { task, audit } = await done;
  return { status: 200, body: task, audit };
};

/** Commands need the runtime; the route table is also built without one (OpenAPI, the matrix). */
export function runtime(orchestrator: Orchestrator | undefined): Orchestrator {
  if (!orchestrator) throw new Error('This route table was built without an orchestrator.');
  return orchestrator;
}

export function workRoutes(prisma: Db, orchestrator: Orchestrator | undefined) {
  const taskCommand = {
    tag: 'tasks',
    access: signedIn,
    expect: expectContentSubtree,
    idempotent: true,
  } as const;
  // Every task command but claiming and releasing changes the task only through the port.
  const portCommand = { ...taskCommand, changesThroughPort: true } as const;
  const taskAnswer = { 200: { description: 'The task after the action', schema: ZTaskDetail } };
  return [
    defineRoute({
      method: 'get',
      path: '/processes',
      tag: 'projects',
      summary: 'The published processes the caller may start, with the units where they may start them',
      access: signedIn,
      expect: expectSignedIn,
      responses: { 200: { description: 'The catalogue', schema: ZCatalogue } },
      handle: async ({ caller }) => ({ status: 200, body: await catalogueFor(prisma, caller) }),
    }),
    defineRoute({
      method: 'get',
      path: '/projects',
      tag: 'projects',
      summary: 'Projects in the caller’s unit subtree or that the caller takes part in, with filters',
      access: signedIn,
      expect: expectContentSubtree,
      query: ZProjectListQuery,
      responses: { 200: { description: 'One page', schema: ZProjectPage } },
      handle: async ({ caller, query }) => ({ status: 200, body: await listProjects(prisma, caller, query) }),
    }),
    defineRoute({
      method: 'post',
      path: '/projects',
      tag: 'projects',
      summary: 'Start a project: a published process at a unit where the caller may start it',
      access: signedIn,
      expect: expectContentSubtree,
      idempotent: true,
      body: ZStartProjectRequest,
      responses: { 201: { description: 'Started', schema: ZProjectDetail } },
      handle: async ({ db, caller, body, req }) => {
        const { project, audit } = await startProject(db, runtime(orchestrator), caller, body, keyOf(req));
        return { status: 201, body: project, audit };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/projects/:id',
      tag: 'projects',
      summary: 'One project: stages, submitted forms, open tasks, timers and incidents',
      access: signedIn,
      expect: expectContentSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'The project', schema: ZProjectDetail } },
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await projectDetail(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/projects/:id/timeline',
      tag: 'projects',
      summary: 'What happened in a project, oldest first, each event as a sentence in zh and en',
      access: signedIn,
      expect: expectContentSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'The timeline', schema: ZTimeline } },
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await projectTimeline(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/projects/:id/cancel',
      tag: 'projects',
      summary: 'Terminate a running project with a reason (supervisors over its unit)',
      access: signedIn,
      expect: expectSupervisorSubtree,
      idempotent: true,
      params: ZIdParams,
      body: ZCancelProjectRequest,
      responses: { 200: { description: 'The project, terminated', schema: ZProjectDetail } },
      handle: async ({ db, caller, params, body, req }) => {
        const { project, audit } = await cancelProject(
          db,
          runtime(orchestrator),
          caller,
          params.id,
          body.reason,
          keyOf(req),
        );
        return { status: 200, body: project, audit };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/projects/:id/events',
      tag: 'projects',
      summary: 'Send a running project an external event its definition declares (supervisors over its unit)',
      access: signedIn,
      expect: expectSupervisorSubtree,
      idempotent: true,
      params: ZIdParams,
      body: ZSendEventRequest,
      responses: { 200: { description: 'The project after the event', schema: ZProjectDetail } },
      handle: async ({ db, caller, params, body, req }) => {
        const { project, audit } = await sendProjectEvent(
          db,
          runtime(orchestrator),
          caller,
          params.id,
          body,
          keyOf(req),
        );
        return { status: 200, body: project, audit };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/tasks',
      tag: 'tasks',
      summary: 'The caller’s inbox: assigned to me, waiting for one of my roles, done by me; with counts',
      access: signedIn,
      // The inbox holds only the caller's own work, so every signed-in caller may read it.
      expect: expectSignedIn,
      query: ZTaskListQuery,
      responses: { 200: { description: 'One page and the tab counts', schema: ZTaskPage } },
      handle: async ({ caller, query }) => ({ status: 200, body: await listTasks(prisma, caller, query) }),
    }),
    defineRoute({
      ...portCommand,
      method: 'post',
      path: '/tasks/bulk-vote',
      summary:
        '批量同意: approve many approval tasks with one comment; a result per task, never all-or-nothing',
      // Each task is checked as one vote would be; the list itself belongs to the caller.
      expect: expectSignedIn,
      body: ZBulkVoteRequest,
      responses: { 200: { description: 'One result per task', schema: ZBulkVoteResult } },
      handle: async ({ db, caller, body, req }) => {
        const { result, audit } = await bulkApprove(db, runtime(orchestrator), caller, body, keyOf(req));
        return { status: 200, body: result, audit };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/tasks/:id',
      tag: 'tasks',
      summary: 'One task with its form, votes or rubric, and what the caller may do with it',
      access: signedIn,
      expect: expectContentSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'The task', schema: ZTaskDetail } },
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await taskDetail(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      ...taskCommand,
      method: 'post',
      path: '/tasks/:id/claim',
      summary: 'Claim a task waiting for one of the caller’s roles (exactly one of two claims at once wins)',
      params: ZIdParams,
      responses: taskAnswer,
      handle: ({ db, caller, params }) => answered(claimTask(db, caller, params.id)),
    }),
    defineRoute({
      ...taskCommand,
      method: 'post',
      path: '/tasks/:id/unclaim',
      summary: 'Release a claimed task back to the candidates',
      params: ZIdParams,
      responses: taskAnswer,
      handle: ({ db, caller, params }) => answered(unclaimTask(db, caller, params.id)),
    }),
    defineRoute({
      ...portCommand,
      method: 'post',
      path: '/tasks/:id/complete',
      summary: 'Complete a form task (422 with field errors in zh and en when the form does not validate)',
      params: ZIdParams,
      body: ZCompleteTaskRequest,
      responses: taskAnswer,
      handle: ({ db, caller, params, body, req }) =>
        answered(completeTask(db, runtime(orchestrator), caller, params.id, body, keyOf(req))),
    }),
    defineRoute({
      ...portCommand,
      method: 'post',
      path: '/tasks/:id/vote',
      summary: 'Vote on an approval: approve, reject or return, with a comment',
      params: ZIdParams,
      body: ZVoteRequest,
      responses: taskAnswer,
      handle: ({ db, caller, params, body, req }) =>
        answered(voteOnTask(db, runtime(orchestrator), caller, params.id, body, keyOf(req))),
    }),
    defineRoute({
      ...portCommand,
      method: 'post',
      path: '/tasks/:id/review',
      summary: 'Submit a review: rubric scores, or a recusal',
      params: ZIdParams,
      body: ZReviewRequest,
      responses: taskAnswer,
      handle: ({ db, caller, params, body, req }) =>
        answered(reviewTask(db, runtime(orchestrator), caller, params.id, body, keyOf(req))),
    }),
    defineRoute({
      method: 'get',
      path: '/tasks/:id/activity',
      tag: 'tasks',
      summary:
        'A task’s remarks and hand-over state, what the caller may do about them, and who may take it over',
      access: signedIn,
      expect: expectContentSubtree,
      params: ZIdParams,
      responses: { 200: { description: 'The activity', schema: ZTaskActivity } },
      handle: async ({ caller, params }) => ({
        status: 200,
        body: await taskActivity(prisma, caller, params.id),
      }),
    }),
    defineRoute({
      ...portCommand,
      method: 'post',
      path: '/tasks/:id/reassign',
      summary:
        '改派: a supervisor over the project’s unit moves the task to someone who may do it, with a reason',
      expect: expectSupervisorSubtree,
      params: ZIdParams,
      body: ZReassignTaskRequest,
      responses: taskAnswer,
      handle: ({ db, caller, params, body, req }) =>
        answered(reassignTask(db, runtime(orchestrator), caller, params.id, body, keyOf(req))),
    }),
    ...(['delegate', 'transfer'] as const).map((kind) =>
      defineRoute({
        ...portCommand,
        method: 'post',
        path: `/tasks/:id/${kind}`,
        summary:
          kind === 'delegate'
            ? '委派: ask a colleague to handle the task; it returns to the caller when they hand it back'
            : '转办: hand the task over to a colleague for good',
        params: ZIdParams,
        body: ZHandOverTaskRequest,
        responses: taskAnswer,
        handle: ({ db, caller, params, body, req }) =>
          answered(handOverTask(kind, db, runtime(orchestrator), caller, params.id, body, keyOf(req))),
      }),
    ),
    defineRoute({
      ...portCommand,
      method: 'post',
      path: '/tasks/:id/resolve',
      summary: '交回: the delegate returns a delegated task to its owner, with a comment',
      params: ZIdParams,
      body: ZResolveTaskRequest,
      responses: taskAnswer,
      handle: ({ db, caller, params, body, req }) =>
        answered(resolveTask(db, runtime(orchestrator), caller, params.id, body, keyOf(req))),
    }),
    defineRoute({
      ...portCommand,
      method: 'post',
      path: '/tasks/:id/return',
      summary:
        '退回: send the work back to an earlier node the instance passed through, where the node allows it',
      params: ZIdParams,
      body: ZReturnTaskRequest,
      responses: taskAnswer,
      handle: ({ db, caller, params, body, req }) =>
        answered(returnTask(db, runtime(orchestrator), caller, params.id, body, keyOf(req))),
    }),
    defineRoute({
      ...portCommand,
      method: 'post',
      path: '/tasks/:id/take-back',
      summary: '拿回: take back a step the caller completed, while the next person has not acted',
      params: ZIdParams,
      responses: taskAnswer,
      handle: ({ db, caller, params, req }) =>
        answered(takeBackTask(db, runtime(orchestrator), caller, params.id, keyOf(req))),
    }),
    defineRoute({
      ...portCommand,
      method: 'post',
      path: '/tasks/:id/cc',
      summary:
        '抄送: whoever may act on the open task copies it to 1–20 people; each is notified and may read the project',
      params: ZIdParams,
      body: ZCopyTaskRequest,
      responses: taskAnswer,
      handle: ({ db, caller, params, body, req }) =>
        answered(copyTask(db, runtime(orchestrator), caller, params.id, body, keyOf(req))),
    }),
    defineRoute({
      ...taskCommand,
      method: 'post',
      path: '/tasks/:id/add-signer',
      summary:
        '加签: the holder of an approval seat adds a signer before themself (their seat waits for the signer’s vote) or after',
      params: ZIdParams,
      body: ZAddSignerRequest,
      responses: taskAnswer,
      handle: ({ db, caller, params, body, req }) =>
        answered(addSigner(db, runtime(orchestrator), caller, params.id, body, keyOf(req))),
    }),
    defineRoute({
      ...taskCommand,
      method: 'post',
      path: '/tasks/:id/comments',
      summary: 'Remark on an open task; the remark shows on the task and in the project timeline',
      params: ZIdParams,
      body: ZCommentTaskRequest,
      responses: taskAnswer,
      handle: ({ db, caller, params, body, req }) =>
        answered(commentOnTask(db, runtime(orchestrator), caller, params.id, body, keyOf(req))),
    }),
  ];
}
