// /designer/:key — the editor: palette, canvas, issues and properties around one store, loaded from
// the definition's draft (or its latest version, from which the first edit makes a draft), saved as
// the admin works, and published from here.
import { ReactFlowProvider } from '@xyflow/react';
import { Alert, App, Result, Spin } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import { Palette } from '../canvas/Palette';
import { DesignerCanvas } from '../canvas/DesignerCanvas';
import { FindNodeDialog } from '../canvas/FindNodeDialog';
import { useArrange } from '../canvas/use-arrange.js';
import { useDesignerShortcuts } from '../canvas/use-designer-shortcuts.js';
import { useEditingSource, type EditingSource } from '../definition-hooks.js';
import { DryRunMode } from '../dry-run/DryRunMode';
import { hasLayout } from '../flow-adapter.js';
import { readDefinition } from '../import-definition.js';
import { IssuesPanel } from '../IssuesPanel';
import { PropertyPanel } from '../panels/PropertyPanel';
import { createDesignerStore, type DesignerStore } from '../store/designer-store.js';
import { DesignerStoreProvider, useDesigner, useDesignerStoreApi } from '../store/DesignerStoreContext';
import { useAutosave } from '../use-autosave.js';
import { useDefinitionIssues } from '../use-definition-issues.js';
import { ConflictDialog } from './ConflictDialog';
import { EditorCrashGuard } from './EditorCrashGuard';
import { EditorToolbar } from './EditorToolbar';

export default function DesignerEditorPage() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const source = useEditingSource(key);
  if (source.isPending) return <Spin tip={t('designer.editor.loading')} fullscreen={false} />;
  if (source.isError || 'missing' in source.data)
    return <Result status="404" title={t('designer.editor.notFound')} />;
  const opened = readDefinition(
    'draft' in source.data ? source.data.draft.definition : source.data.version.definition,
  );
  if (!opened.ok)
    return <Result status="error" title={t('designer.create.importInvalid', { reason: opened.reason })} />;
  return (
    <EditorCrashGuard
      key={key}
      definitionKey={key}
      stored={'draft' in source.data ? source.data.draft.definition : source.data.version.definition}
      draftRevision={'draft' in source.data ? source.data.draft.revision : null}
    >
      <Editor definitionKey={key} source={source.data} opened={opened.definition} />
    </EditorCrashGuard>
  );
}

function Editor({
  definitionKey,
  source,
  opened,
}: {
  definitionKey: string;
  source: Exclude<EditingSource, { missing: true }>;
  opened: ProcessDefinition;
}) {
  const { t } = useTranslation();
  const [store] = useState(() => createDesignerStore(opened));
  const autosave = useAutosave(store, definitionKey, 'draft' in source ? source.draft.revision : null);
  const issues = useDefinitionIssues(store);
  const [finding, setFinding] = useState(false);
  const openFind = useCallback(() => setFinding(true), []);
  const { message } = App.useApp();
  // 试运行 runs on the graph as it is when it starts; nothing edits it until the mode is left.
  const [dryRun, setDryRun] = useState<ProcessDefinition | null>(null);
  const exitDryRun = useCallback(() => setDryRun(null), []);
  const toggleDryRun = () => {
    if (dryRun) return exitDryRun();
    if (issues.length > 0) {
      void message.warning(t('designer.dryRun.refused', { count: issues.length }));
      store.getState().showProblems();
      return;
    }
    setDryRun(store.getState().definition);
  };
  // Until its first edit makes the draft, the canvas shows the published version it opened.
  const shownVersion = 'version' in source && autosave.state === 'unchanged' ? source.version.version : null;

  return (
    <DesignerStoreProvider store={store}>
      <ReactFlowProvider>
        <div className="sgf-designer-editor">
          <EditorShortcuts store={store} onFind={openFind} enabled={dryRun === null} />
          <EditorToolbar
            definitionKey={definitionKey}
            autosave={autosave}
            issues={issues}
            shownVersion={shownVersion}
            onFind={openFind}
            dryRunning={dryRun !== null}
            onDryRun={toggleDryRun}
          />
          {shownVersion !== null && (
            <Alert type="info" showIcon title={t('designer.editor.latestShown', { version: shownVersion })} />
          )}
          <div className="sgf-designer-body">
            {dryRun ? (
              <DryRunMode definitionKey={definitionKey} definition={dryRun} onExit={exitDryRun} />
            ) : (
              <>
                <Palette />
                <div className="sgf-designer-main">
                  <DesignerCanvas issues={issues} />
                  <IssuesPanel issues={issues} />
                </div>
                <ArrangeOnOpen />
                <PropertiesColumn />
              </>
            )}
          </div>
          <FindNodeDialog open={finding} onClose={() => setFinding(false)} />
          <ConflictDialog autosave={autosave} />
        </div>
      </ReactFlowProvider>
    </DesignerStoreProvider>
  );
}

/** The editor's keyboard shortcuts, inside the ReactFlowProvider: a paste may move the view. */
function EditorShortcuts({
  store,
  onFind,
  enabled,
}: {
  store: DesignerStore;
  onFind: () => void;
  enabled: boolean;
}) {
  useDesignerShortcuts(store, onFind, enabled);
  return null;
}

/** The property panel's column; it starts at the top for each newly selected element. */
function PropertiesColumn() {
  const column = useRef<HTMLDivElement>(null);
  const selection = useDesigner((state) =>
    [...state.selectedNodeIds, '|', ...state.selectedEdgeIds].join(' '),
  );
  // Braces: Chrome's scrollTo returns a promise, which React would take for the effect's cleanup.
  useLayoutEffect(() => {
    column.current?.scrollTo({ top: 0 });
  }, [selection]);
  return (
    <div ref={column} className="sgf-designer-side sgf-designer-properties-column">
      <PropertyPanel />
    </div>
  );
}

/** An imported graph without positions is laid out once on opening. */
function ArrangeOnOpen() {
  const store = useDesignerStoreApi();
  const arrange = useArrange();
  useEffect(() => {
    if (!hasLayout(store.getState().definition)) void arrange();
  }, [store, arrange]);
  return null;
}
