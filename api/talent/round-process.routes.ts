// The selection office's commands that move a round through its process (talent-selection-round
// v2): start screening, confirm the screening results, close the review (ranking follows), end the
// public notice. Each completes the process's open office task through the Orchestrator port.
import { randomUUID } from 'node:crypto';
import { ZIdParams } from '../admin/common.types';
import { readIdempotencyKey } from '../http/idempotency';
import { defineRoute, type AnyRoute } from '../http/route';
import type { Orchestrator } from '../orchestrator/orchestrator';
import type { Clock } from '../runtime/clock';
import { expectSelectionOfficeSubtree } from '../policy/route-expectations';
import { runtime } from '../work/work.routes';
import { advanceRound, type RoundStep } from './round-process-commands';
import { ZRound } from './talent.types';

const STEP_ROUTES: { step: RoundStep; path: string; summary: string }[] = [
  {
    step: 'startScreening',
    path: 'start-screening',
    summary: 'Start screening a closed round: every application is checked against the round’s rules',
  },
  {
    step: 'confirmScreening',
    path: 'confirm-screening',
    summary: 'Confirm the screening results (overrides included); the committee review begins',
  },
  {
    step: 'closeReview',
    path: 'close-review',
    summary:
      'Close the review and rank: 409 unless every eligible application has the round’s minimum of submitted reviews',
  },
  {
    step: 'endNotice',
    path: 'end-notice',
    summary:
      'End the public notice (409 before its last working day is over, or while an objection is undecided); upheld objections rank the list again; the leading group decides next',
  },
];

export function roundProcessRoutes(orchestrator: Orchestrator | undefined, clock: Clock): AnyRoute[] {
  return STEP_ROUTES.map(({ step, path, summary }) =>
    defineRoute({
      tag: 'talent',
      access: { kind: 'signedIn' },
      expect: expectSelectionOfficeSubtree,
      method: 'post',
      path: `/talent/rounds/:id/${path}`,
      summary,
      idempotent: true,
      changesThroughPort: true,
      params: ZIdParams,
      responses: { 200: { description: 'The round as it now stands', schema: ZRound } },
      handle: async ({ db, caller, params, req }) => {
        const { round, audit } = await advanceRound(
          db,
          runtime(orchestrator),
          caller,
          params.id,
          step,
          readIdempotencyKey(req) ?? randomUUID(),
          clock(),
        );
        return { status: 200, body: round, audit };
      },
    }),
  );
}
