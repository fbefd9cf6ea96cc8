// Proxy periods (代理): list, set, cancel, and the people one may name. Persons only: a service
// account is never away. Setting a period asks the sweeper to move the tasks at once when it has begun.
import { ZIdParams } from '../admin/common.types';
import type { Db } from '../db/prisma-client';
import { defineRoute } from '../http/route';
import { expectPersonOnly, expectProxyOverseer, expectProxySetter } from '../policy/route-expectations';
import type { Clock } from '../runtime/clock';
import { cancelProxy, createProxy, listProxies, proxyCandidates } from './proxy-periods';
import type { ProxySweeper } from './proxy-sweeper';
import {
  ZCreateProxyRequest,
  ZProxyCandidates,
  ZProxyList,
  ZProxyListQuery,
  ZProxyPeriod,
} from './proxy.types';

const person = { kind: 'signedIn', personOnly: true } as const;

export function proxyRoutes(prisma: Db, clock: Clock, sweeper: Pick<ProxySweeper, 'sweepSoon'> | undefined) {
  return [
    defineRoute({
      method: 'get',
      path: '/proxies',
      tag: 'proxies',
      summary:
        'Proxy periods: scope=mine those where the caller is away or the proxy, scope=units those of people in the units the caller supervises or administers',
      access: person,
      expect: expectProxyOverseer,
      query: ZProxyListQuery,
      responses: { 200: { description: 'Newest first', schema: ZProxyList } },
      handle: async ({ caller, query }) => ({
        status: 200,
        body: { items: await listProxies(prisma, caller, query.scope, clock()) },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/proxies/candidates',
      tag: 'proxies',
      summary:
        'People the caller may name as a proxy: active persons at the caller’s units, below or above them',
      access: person,
      expect: expectPersonOnly,
      responses: { 200: { description: 'The people', schema: ZProxyCandidates } },
      handle: async ({ caller }) => ({ status: 200, body: await proxyCandidates(prisma, caller) }),
    }),
    defineRoute({
      method: 'post',
      path: '/proxies',
      tag: 'proxies',
      summary:
        'Set a proxy: from startsAt until endsAt the principal’s tasks go to the proxy (the principal is the caller unless a supervisor or admin over them names them)',
      access: person,
      expect: expectProxySetter,
      idempotent: true,
      body: ZCreateProxyRequest,
      responses: { 201: { description: 'Set', schema: ZProxyPeriod } },
      handle: async ({ db, caller, body, res }) => {
        const { period, audit } = await createProxy(db, caller, body, clock());
        // After the response, so after the commit: the sweep then sees the new period.
        res.on('finish', () => sweeper?.sweepSoon());
        return { status: 201, body: period, audit };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/proxies/:id/cancel',
      tag: 'proxies',
      summary: 'Cancel a proxy period that has not ended; tasks it already moved stay with the proxy',
      access: person,
      expect: expectProxyOverseer,
      idempotent: true,
      params: ZIdParams,
      responses: { 200: { description: 'Cancelled', schema: ZProxyPeriod } },
      handle: async ({ db, caller, params }) => {
        const { period, audit } = await cancelProxy(db, caller, params.id, clock());
        return { status: 200, body: period, audit };
      },
    }),
  ];
}
