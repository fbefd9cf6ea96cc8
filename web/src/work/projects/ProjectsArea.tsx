// 项目: the filtered list, the start-project wizard and the page of one project.
import { Route, Routes } from 'react-router-dom';
import '../work.css';
import { ProjectListPage } from './ProjectListPage';
import { ProjectPage } from './ProjectPage';
import { StartProjectWizard } from './StartProjectWizard';

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
