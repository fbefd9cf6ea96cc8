// Instance migration through the API: the suggested node mapping of two versions, a check of the
// running instances with an edited mapping (the plan), and moving the chosen ones.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TMigrationPlan,
  TMigrationPlanRequest,
  TMigrationRequest,
  TMigrationResults,
} from '../../../../api/definitions/migration.types.js';
import { apiPost } from '../../api/client';
import { definitionKeys } from '../definition-hooks.js';

export type MigrationPlan = TMigrationPlan;
export type PlannedInstance = MigrationPlan['instances'][number];
export type MigrationReason = PlannedInstance['reasons'][number];
export type MigrationResults = TMigrationResults;

const path = (key: string) => `/api/definitions/${encodeURIComponent(key)}`;
const plan = (key: string, request: TMigrationPlanRequest) =>
  apiPost<MigrationPlan>(`${path(key)}/migration-plan`, request);

/** The plan without a mapping: the server's suggestion, which prefills the mapping table. */
export function useSuggestedPlan(
  key: string,
  fromVersion: number | undefined,
  toVersion: number | undefined,
) {
  return useQuery({
    queryKey: [...definitionKeys.all, 'migration-plan', key, fromVersion, toVersion] as const,
    enabled: fromVersion !== undefined && toVersion !== undefined && fromVersion !== toVersion,
    // The suggestion only prefills the table; refetching it would not change the admin's edits.
    staleTime: Infinity,
    queryFn: () => plan(key, { fromVersion: fromVersion!, toVersion: toVersion! }),
  });
}

export function useCheckMigration(key: string) {
  return useMutation({ mutationFn: (request: TMigrationPlanRequest) => plan(key, request) });
}

export function useMigrateInstances(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // One key per attempt: a resent request of the same attempt is answered once.
    mutationFn: (request: TMigrationRequest) =>
      apiPost<MigrationResults>(`${path(key)}/migrations`, request, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: definitionKeys.all }),
  });
}
