// 项目: the filtered list, the start-project wizard and the page of one project. The list is the
// area's first screen; the wizard and the project page (form renderers, stage bar, timeline) load on
// first visit, so opening the list does not wait for them.
import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import '../work.css';
import { ProjectListPage } from './ProjectListPage';

const StartProjectWizard = lazy(() => import('./StartProjectWizard'));
const ProjectPage = lazy(() => import('./ProjectPage'));

export default function ProjectsArea() {
  return (
    <div className="sgf-work">
      <Routes>
        <Route index element={<ProjectListPage />} />
        <Route path="new" element={<StartProjectWizard />} />
        <Route path=":projectId" element={<ProjectPage />} />
      </Routes>
    </div>
  );
}
