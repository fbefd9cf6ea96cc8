// 工作台: the task list with its tabs, and the page of one task. The list is the area's first screen;
// the task page (form renderers, review, hand-over and approval dialogs) loads on first visit.
import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../pages/NotFoundPage';
import '../work.css';
import { TaskListPage } from './TaskListPage';

const TaskPage = lazy(() => import('./TaskPage'));

export default function InboxArea() {
  return (
    <div className="sgf-work">
      <Routes>
        <Route index element={<TaskListPage />} />
        <Route path="tasks/:taskId" element={<TaskPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
