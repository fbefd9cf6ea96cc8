// The editor's toolbar: back to the list, the save state, undo / redo, arrange, find, JSON export,
// image export and publish (with its summary: refused while the validator reports problems, which it
// lists; the changes against the latest version and the projects running on published ones).
import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  ClusterOutlined,
  CloudUploadOutlined,
  DownloadOutlined,
  EditOutlined,
  FileImageOutlined,
  PlayCircleOutlined,
  LoadingOutlined,
  RedoOutlined,
  SearchOutlined,
  UndoOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, List, Modal, Space, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeProblem } from '../../api/client';
import { usePublishDraft } from '../definition-hooks.js';
import { downloadJson } from '../download-json.js';
import type { DesignerIssue } from '../definition-issues.js';
import { useExportImage, type ImageFormat } from '../canvas/export-image.js';
import { useArrange } from '../canvas/use-arrange.js';
import { useDesigner, useDesignerStoreApi } from '../store/DesignerStoreContext';
import type { Autosave, SaveState } from '../use-autosave.js';
import { IssueLink } from '../IssueLink';
import { PublishSummary } from './PublishSummary';

const SAVE_ICONS: Record<SaveState, ReactNode> = {
  unchanged: null,
  pending: <EditOutlined aria-hidden />,
  saving: <LoadingOutlined aria-hidden />,
  saved: <CheckCircleOutlined aria-hidden className="sgf-designer-ok" />,
  error: <WarningOutlined aria-hidden className="sgf-designer-warn" />,
  conflict: <WarningOutlined aria-hidden className="sgf-designer-warn" />,
};

export function EditorToolbar({
  definitionKey,
  autosave,
  issues,
  shownVersion,
  onFind,
  dryRunning,
  onDryRun,
}: {
  definitionKey: string;
  autosave: Autosave;
  issues: readonly DesignerIssue[];
  /** The published version on the canvas, or null for the draft; it names exported images. */
  shownVersion: number | null;
  onFind: () => void;
  /** 试运行 is on: the buttons that edit the graph are off. */
  dryRunning: boolean;
  onDryRun: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useDesignerStoreApi();
  const name = useDesigner((state) => state.definition.name);
  const canUndo = useDesigner((state) => state.past.length > 0);
  const canRedo = useDesigner((state) => state.future.length > 0);
  const [publishing, setPublishing] = useState(false);
  const arrange = useArrange();
  const publish = usePublishDraft(definitionKey);
  const exportImage = useExportImage();

  const exportJson = () => {
    const { definition } = store.getState();
    downloadJson(`${definition.key}.json`, definition);
  };
  const exportImageAs = (format: ImageFormat) => {
    const edition = shownVersion === null ? t('designer.exportImage.draft') : `v${shownVersion}`;
    exportImage(format, `${name}-${edition}`).catch(
      () => void message.error(t('designer.exportImage.failed')),
    );
  };
  const confirmPublish = async () => {
    try {
      const flushed = await autosave.flush();
      if (!('revision' in flushed)) {
        setPublishing(false);
        if ('nothing' in flushed) void message.info(t('designer.editing.nothingToPublish'));
        // A conflict shows its own dialog; a failed save is said here.
        else if (flushed.failed === 'error') void message.error(t('designer.editing.saveFailedNoPublish'));
        return;
      }
      const result = await publish.mutateAsync(flushed.revision);
      autosave.published();
      setPublishing(false);
      void message.success(
        result.published
          ? t('designer.publishDialog.published', { version: result.version })
          : t('designer.publishDialog.unchanged', { version: result.version }),
      );
    } catch (error) {
      void message.error(describeProblem(error, t));
    }
  };

  return (
    <div className="sgf-designer-toolbar" role="toolbar" aria-label={t('designer.toolbar.label')}>
      <Space className="sgf-designer-title-group">
        <Link to="/designer" aria-label={t('designer.toolbar.back')}>
          <ArrowLeftOutlined aria-hidden />
        </Link>
        <Typography.Title level={4} className="sgf-designer-name">
          {name}
        </Typography.Title>
        <Typography.Text role="status" className="sgf-designer-save-state">
          {SAVE_ICONS[autosave.state]}{' '}
          {t(
            autosave.state === 'conflict'
              ? 'designer.editing.saveConflict'
              : `designer.save.${autosave.state}`,
          )}
        </Typography.Text>
      </Space>
      <Space wrap className="sgf-designer-actions">
        <Tooltip title={t('designer.toolbar.undo')}>
          <Button
            icon={<UndoOutlined aria-hidden />}
            aria-label={t('designer.toolbar.undo')}
            disabled={dryRunning || !canUndo}
            onClick={() => store.getState().undo()}
          />
        </Tooltip>
        <Tooltip title={t('designer.toolbar.redo')}>
          <Button
            icon={<RedoOutlined aria-hidden />}
            aria-label={t('designer.toolbar.redo')}
            disabled={dryRunning || !canRedo}
            onClick={() => store.getState().redo()}
          />
        </Tooltip>
        <Button icon={<ClusterOutlined aria-hidden />} disabled={dryRunning} onClick={() => void arrange()}>
          {t('designer.toolbar.layout')}
        </Button>
        <Button
          icon={<PlayCircleOutlined aria-hidden />}
          type={dryRunning ? 'primary' : 'default'}
          onClick={onDryRun}
        >
          {t(dryRunning ? 'designer.dryRun.exit' : 'designer.dryRun.enter')}
        </Button>
        <Button icon={<SearchOutlined aria-hidden />} disabled={dryRunning} onClick={onFind}>
          {t('designer.toolbar.find')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={exportJson}>
          {t('designer.toolbar.export')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'png', label: t('designer.exportImage.png') },
              { key: 'svg', label: t('designer.exportImage.svg') },
            ],
            onClick: ({ key }) => exportImageAs(key === 'svg' ? 'svg' : 'png'),
          }}
        >
          <Button icon={<FileImageOutlined aria-hidden />}>{t('designer.exportImage.menu')}</Button>
        </Dropdown>
        <Button
          type="primary"
          icon={<CloudUploadOutlined aria-hidden />}
          onClick={() => {
            // A refused publish leaves the problems open under the canvas for when the dialog closes.
            if (issues.length > 0) store.getState().showProblems();
            setPublishing(true);
          }}
        >
          {t('designer.toolbar.publish')}
        </Button>
      </Space>
      <Modal
        open={publishing}
        title={t('designer.publishDialog.title')}
        okText={t('designer.publishDialog.confirm')}
        okButtonProps={{ disabled: issues.length > 0, loading: publish.isPending }}
        onOk={() => void confirmPublish()}
        onCancel={() => setPublishing(false)}
        destroyOnHidden
      >
        {issues.length > 0 ? (
          <>
            <Typography.Paragraph>
              {t('designer.publishDialog.blocked', { count: issues.length })}
            </Typography.Paragraph>
            <List
              size="small"
              dataSource={[...issues]}
              rowKey="key"
              renderItem={(issue) => (
                <List.Item>
                  <IssueLink issue={issue} onChoose={() => setPublishing(false)} />
                </List.Item>
              )}
            />
          </>
        ) : (
          <Typography.Paragraph>{t('designer.publishDialog.ready')}</Typography.Paragraph>
        )}
        <PublishSummary definitionKey={definitionKey} onChoose={() => setPublishing(false)} />
      </Modal>
    </div>
  );
}
