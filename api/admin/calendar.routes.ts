// The working-day calendar (admins): a year's shipped days and admins' days, add a day, remove one.
// Days count for deadlines computed after they are saved; deadlines already set do not move.
import type { Db } from '../db/prisma-client';
import { defineRoute } from '../http/route';
import { expectAnyAdmin } from '../policy/route-expectations';
import { addCalendarDay, deleteCalendarDay, readCalendarYear } from './calendar.service';
import { ZAddCalendarDayRequest, ZCalendarDay, ZCalendarYear, ZCalendarYearQuery } from './calendar.types';
import { ZIdParams } from './common.types';

const admin = { kind: 'admin' } as const;

export function calendarRoutes(prisma: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/calendar',
      tag: 'calendar',
      summary: 'One year of the working-day calendar: the shipped holiday table and the admins’ own days',
      access: admin,
      expect: expectAnyAdmin,
      query: ZCalendarYearQuery,
      responses: { 200: { description: 'The year', schema: ZCalendarYear } },
      handle: async ({ query }) => ({ status: 200, body: await readCalendarYear(prisma, query.year) }),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/calendar',
      tag: 'calendar',
      summary:
        'Add a day off or an adjusted workday (调休上班); it may override the shipped table, which the answer says',
      access: admin,
      expect: expectAnyAdmin,
      idempotent: true,
      body: ZAddCalendarDayRequest,
      responses: { 201: { description: 'Added', schema: ZCalendarDay } },
      handle: async ({ db, caller, body }) => {
        const { item, audit } = await addCalendarDay(db, caller, body);
        return { status: 201, body: item, audit };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/admin/calendar/:id',
      tag: 'calendar',
      summary: 'Remove an admin’s day; deadlines already computed with it do not move',
      access: admin,
      expect: expectAnyAdmin,
      idempotent: true,
      params: ZIdParams,
      responses: { 200: { description: 'The removed day', schema: ZCalendarDay } },
      handle: async ({ db, params }) => {
        const { item, audit } = await deleteCalendarDay(db, params.id);
        return { status: 200, body: item, audit };
      },
    }),
  ];
}
