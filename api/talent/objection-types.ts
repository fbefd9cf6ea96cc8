// Contracts of the public-notice objections (公示异议): recording one against a selected candidate,
// the list, and the office's decision.
import { z } from 'zod';
import { ZId, ZShortText } from '../admin/common.types';
import { pageOf, ZPageQuery } from '../http/pagination';
import { ZApplicationStatus } from './talent.types';

export const ZRecordObjectionRequest = z.object({
  /** The application of a candidate on the published list (status selected). */
  applicationId: ZId,
  /** Who raised it, as they gave themselves (a name, an organisation, or 匿名). */
  raisedBy: ZShortText(120),
  content: ZShortText(2000),
  /** When the office received it (letter, phone, visit); not in the future. */
  receivedAt: z.iso.datetime({ offset: true }),
});
export type TRecordObjectionRequest = z.infer<typeof ZRecordObjectionRequest>;

export const ZDecideObjectionRequest = z.object({
  decision: z.enum(['upheld', 'dismissed']),
  /** Why: kept on the objection, and for an upheld one in the candidate's explanation once the list is redone. */
  reason: ZShortText(1000),
});
export type TDecideObjectionRequest = z.infer<typeof ZDecideObjectionRequest>;

const ZActor = z.object({ id: z.string(), displayName: z.string() });

export const ZObjection = z.object({
  id: z.string(),
  roundId: z.string(),
  applicationId: z.string(),
  candidateName: z.string(),
  /** Masked: 3701**********1234. */
  identityNumber: z.string(),
  applicationStatus: ZApplicationStatus,
  raisedBy: z.string(),
  content: z.string(),
  receivedAt: z.string(),
  recordedBy: ZActor,
  decision: z.enum(['pending', 'upheld', 'dismissed']),
  decisionReason: z.string().nullable(),
  decidedBy: ZActor.nullable(),
  decidedAt: z.string().nullable(),
});
export type TObjection = z.infer<typeof ZObjection>;
export const ZObjectionPage = pageOf(ZObjection);
export const ZObjectionQuery = ZPageQuery.extend({
  decision: z.enum(['pending', 'upheld', 'dismissed']).optional(),
});
