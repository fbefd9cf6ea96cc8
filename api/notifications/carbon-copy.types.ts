// Contracts of the 抄送 reads: a project's copies with their read receipts, and the copies to the caller.
import { z } from 'zod';
import { ZRole } from '../auth/auth.types';
import { pageOf, ZPageQuery } from '../http/pagination';
import { ZPersonRef } from '../work/work.types';

export const ZReadReceipt = z.object({ person: ZPersonRef, readAt: z.iso.datetime() });

/** One recipient of a copy: a person (read or not), or a role whose holders each read it alone. */
export const ZCopyRecipient = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), person: ZPersonRef, readAt: z.iso.datetime().nullable() }),
  z.object({
    type: z.literal('role'),
    role: ZRole,
    unitName: z.string().nullable(),
    reads: z.array(ZReadReceipt),
  }),
]);

export const ZProjectCopy = z
  .object({
    copyId: z.string(),
    taskId: z.string().nullable(),
    taskName: z.string(),
    /** Who copied it; null when the node's definition sent it on completion. */
    by: ZPersonRef.nullable(),
    note: z.string().nullable(),
    sentAt: z.iso.datetime(),
    recipients: z.array(ZCopyRecipient),
  })
  .meta({ id: 'ProjectCopy' });
export type TProjectCopy = z.infer<typeof ZProjectCopy>;

export const ZProjectCopies = z.object({ items: z.array(ZProjectCopy) }).meta({ id: 'ProjectCopies' });
export type TProjectCopies = z.infer<typeof ZProjectCopies>;

export const ZMyCopy = z
  .object({
    notificationId: z.string(),
    projectId: z.string(),
    projectTitle: z.string(),
    taskName: z.string(),
    by: ZPersonRef.nullable(),
    note: z.string().nullable(),
    sentAt: z.iso.datetime(),
    read: z.boolean(),
  })
  .meta({ id: 'MyCopy' });
export type TMyCopy = z.infer<typeof ZMyCopy>;

export const ZMyCopiesQuery = ZPageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TMyCopiesQuery = z.output<typeof ZMyCopiesQuery>;

/** One page of the copies to the caller, with the unread count over all of them. */
export const ZMyCopies = pageOf(ZMyCopy).extend({ unread: z.number().int() }).meta({ id: 'MyCopies' });
export type TMyCopies = z.infer<typeof ZMyCopies>;

export const ZCopiesMarkedRead = z.object({ marked: z.number().int() });
export type TCopiesMarkedRead = z.infer<typeof ZCopiesMarkedRead>;
