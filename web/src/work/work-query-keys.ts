// Query keys of the work areas, one tree so an action on a task refreshes the inbox and its project.
import type { ProjectFilters, TaskSort, TaskView } from './work-types';

export const workKeys = {
  all: ['work'] as const,
  catalogue: () => [...workKeys.all, 'catalogue'] as const,
  tasks: () => [...workKeys.all, 'tasks'] as const,
  taskPage: (view: TaskView, sort: TaskSort, cursor: string | undefined) =>
    [...workKeys.tasks(), 'page', view, sort, cursor] as const,
  task: (id: string) => [...workKeys.tasks(), 'one', id] as const,
  projects: () => [...workKeys.all, 'projects'] as const,
  projectPage: (filters: ProjectFilters, cursor: string | undefined) =>
    [...workKeys.projects(), 'page', filters, cursor] as const,
  project: (id: string) => [...workKeys.projects(), 'one', id] as const,
  timeline: (id: string) => [...workKeys.projects(), 'timeline', id] as const,
};
