// The project (and task) the files of a form belong to: given by the page, or else read from the
// address the form sits under — a task page (/inbox/tasks/:taskId, its project from the task
// already loaded there) or a project page (/projects/:projectId).
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { apiGet } from '../../api/client';
import type { AttachmentTarget } from '../../attachments/attachment-types';
import { workKeys } from '../work-query-keys';
import type { TaskDetail } from '../work-types';

export function useAttachmentTarget(given: AttachmentTarget | undefined): AttachmentTarget | undefined {
  const { taskId, projectId } = useParams();
  const lookUpTask = given === undefined && projectId === undefined && taskId !== undefined;
  // The task page's own query (same key), so this reads its cache rather than the network.
  const task = useQuery({
    queryKey: workKeys.task(taskId ?? ''),
    queryFn: ({ signal }) => apiGet<TaskDetail>(`/api/tasks/${taskId}`, signal),
    enabled: lookUpTask,
    meta: { silent: true },
  });
  if (given) return given;
  if (projectId) return { projectId };
  return task.data ? { projectId: task.data.projectId, taskId: task.data.id } : undefined;
}
