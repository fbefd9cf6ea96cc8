// Audit search: filtered, cursor-paged rows, and the address of the same search as an xlsx file.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import { toQueryString } from '../../ui/query-string';
import type { AuditEntry, AuditFilters, Page } from '../admin-types';
import { adminKeys } from './admin-query-keys';

export const AUDIT_PAGE_SIZE = 50;

export function useAudit(filters: AuditFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: adminKeys.auditPage(filters, cursor),
    queryFn: ({ signal }) =>
      apiGet<Page<AuditEntry>>(
        `/api/audit${toQueryString({ ...filters, limit: AUDIT_PAGE_SIZE, cursor })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The export is a plain GET the browser downloads with the session cookie; the server audits it too. */
export const auditExportUrl = (filters: AuditFilters): string =>
  `/api/audit/export.xlsx${toQueryString({ ...filters })}`;
