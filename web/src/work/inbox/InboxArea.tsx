// 工作台: the task list with its tabs, and the page of one task.
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../../pages/NotFoundPage';
import '../work.css';
import { TaskListPage } from './TaskListPage';
import { TaskPage } from './TaskPage';

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
