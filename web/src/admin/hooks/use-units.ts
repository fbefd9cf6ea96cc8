// The unit tree (GET /api/units) and its writes: create a child, rename, move, (de)activate.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCreate, apiGet, apiPatch } from '../../api/client';
import type { CreateUnitRequest, Unit, UnitList, UpdateUnitRequest } from '../admin-types';
import { adminKeys } from './admin-query-keys';

export function useUnits() {
  return useQuery({
    queryKey: adminKeys.units(),
    queryFn: ({ signal }) => apiGet<UnitList>('/api/units', signal),
    select: (list) => list.items,
  });
}

/** Units change names and places: every list that shows a unit name is refreshed with the tree. */
function useRefreshUnits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
}

export function useCreateUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: (request: CreateUnitRequest) => apiCreate<Unit>('/api/units', request),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export interface UnitUpdate {
  unit: Pick<Unit, 'id' | 'revision'>;
  changes: UpdateUnitRequest;
}

export function useUpdateUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: ({ unit, changes }: UnitUpdate) =>
      apiPatch<Unit>(`/api/units/${unit.id}`, changes, unit.revision),
    meta: { silent: true },
    onSuccess: refresh,
  });
}
