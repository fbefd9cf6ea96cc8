// 流程设计: the definitions list and the editor. Loaded lazily with its own texts, React Flow's
// stylesheet, elkjs and the engine's validator, so none of it weighs on the other areas.
import '@xyflow/react/dist/style.css';
import './designer.css';
import { use } from 'react';
import { Route, Routes } from 'react-router-dom';
import NotFoundPage from '../pages/NotFoundPage';
import { designerTextsReady } from './designer-texts.js';
import DefinitionListPage from './pages/DefinitionListPage';
import DesignerEditorPage from './pages/DesignerEditorPage';
import VersionHistoryPage from './history/VersionHistoryPage';
import MigrationWizardPage from './migration/MigrationWizardPage';

export default function DesignerArea() {
  use(designerTextsReady);
  return (
    <Routes>
      <Route index element={<DefinitionListPage />} />
      <Route path=":key" element={<DesignerEditorPage />} />
      <Route path=":key/versions" element={<VersionHistoryPage />} />
      <Route path=":key/migrate" element={<MigrationWizardPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
