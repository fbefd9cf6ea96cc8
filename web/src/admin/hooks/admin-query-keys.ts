// Query keys of the admin area, one tree so a write can refresh exactly what it changed.
import type { AuditFilters, UserFilters } from '../admin-types';

export const adminKeys = {
  all: ['admin'] as const,
  units: () => [...adminKeys.all, 'units'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userPage: (filters: UserFilters, cursor: string | undefined) =>
    [...adminKeys.users(), filters, cursor] as const,
  tokens: () => [...adminKeys.all, 'tokens'] as const,
  tokenPage: (cursor: string | undefined) => [...adminKeys.tokens(), cursor] as const,
  tokenSearch: (text: string) => [...adminKeys.tokens(), 'search', text] as const,
  calendar: () => [...adminKeys.all, 'calendar'] as const,
  calendarYear: (year: number) => [...adminKeys.calendar(), year] as const,
  audit: () => [...adminKeys.all, 'audit'] as const,
  auditPage: (filters: AuditFilters, cursor: string | undefined) =>
    [...adminKeys.audit(), filters, cursor] as const,
};
