// The working-day calendar: one year's shipped and admins' days, adding a day and removing one.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiCreate, apiDelete, apiGet } from '../../api/client';
import type { AddCalendarDayRequest, CalendarDay, CalendarYear } from '../admin-types';
import { adminKeys } from './admin-query-keys';

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: adminKeys.calendarYear(year),
    queryFn: ({ signal }) => apiGet<CalendarYear>(`/api/admin/calendar?year=${year}`, signal),
    placeholderData: keepPreviousData,
  });
}

function useRefreshCalendar() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.calendar() });
}

export function useAddCalendarDay() {
  const refresh = useRefreshCalendar();
  return useMutation({
    mutationFn: (request: AddCalendarDayRequest) => apiCreate<CalendarDay>('/api/admin/calendar', request),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

export function useDeleteCalendarDay() {
  const refresh = useRefreshCalendar();
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/api/admin/calendar/${id}`),
    onSuccess: refresh,
  });
}
