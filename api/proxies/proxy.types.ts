// Contracts of the proxy routes (代理): periods in which a person's tasks go to a colleague.
import { z } from 'zod';
import { ZId, ZShortText } from '../admin/common.types';

const ZPerson = z.object({ id: z.string(), displayName: z.string() });

export const ZProxyStatus = z.enum(['upcoming', 'active', 'ended', 'cancelled']);

export const ZProxyPeriod = z.object({
  id: z.string(),
  principal: ZPerson,
  proxy: ZPerson,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  reason: z.string(),
  createdBy: ZPerson,
  createdAt: z.iso.datetime(),
  cancelledAt: z.iso.datetime().nullable(),
  status: ZProxyStatus,
  /** Whether the caller may cancel it (the principal, who set it, or a supervisor or admin over the principal). */
  canCancel: z.boolean(),
  /** Tasks the period could not move to the proxy (the engine refused), still open with the principal. */
  refusedTasks: z.array(
    z.object({
      instanceId: z.string(),
      projectTitle: z.string(),
      taskName: z.string(),
      reason: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
});
export type TProxyPeriod = z.infer<typeof ZProxyPeriod>;

export const ZProxyListQuery = z.object({
  /** mine: periods where the caller is away or the proxy; units: those of people in units the caller supervises or administers. */
  scope: z.enum(['mine', 'units']).default('mine'),
});

export const ZProxyList = z.object({ items: z.array(ZProxyPeriod) });

export const ZCreateProxyRequest = z.object({
  /** The person away; the caller when omitted. Someone else only for a supervisor or admin over them. */
  principalUserId: ZId.optional(),
  proxyUserId: ZId,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  reason: ZShortText(200),
});
export type TCreateProxyRequest = z.infer<typeof ZCreateProxyRequest>;

/** Someone who may be named as a proxy: an active person holding a role in the caller's units or above. */
export const ZProxyCandidates = z.object({
  /** `overseen`: the caller may also set this person's own proxy (supervisor or admin over them). */
  items: z.array(ZPerson.extend({ unitName: z.string(), overseen: z.boolean() })),
});
export type TProxyList = z.infer<typeof ZProxyList>;
export type TProxyCandidates = z.infer<typeof ZProxyCandidates>;
