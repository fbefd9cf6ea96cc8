// Wire contract of every error response (RFC 9457 problem+json), shared by the OpenAPI document
// and the web client.
import { z } from 'zod';
import { errorStatus, type ErrorCode } from './app-error';

export const ZFieldError = z.object({
  field: z.string(),
  reason: z.string(),
  reasonZh: z.string().optional(),
});

export const ZProblem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    detailZh: z.string(),
    code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    instance: z.string().optional(),
    errors: z.array(ZFieldError).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
export type TProblem = z.infer<typeof ZProblem>;
