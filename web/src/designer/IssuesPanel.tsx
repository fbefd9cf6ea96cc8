// Every problem the validator finds, in the interface language, in a strip under the canvas (as
// Camunda Modeler's 问题 panel): its bar with the count is always in view, the list folds away. A
// click selects the node or edge a problem concerns and centres the view on it, or opens the process
// panel at the variable, stage or event handler it is about. A node's badge, a refused 发布 or
// 试运行 open the list (the store's `showProblems`); the selected elements' problems are marked.
import { CheckCircleOutlined, DownOutlined, UpOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, List, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignerIssue } from './definition-issues.js';
import { IssueLink } from './IssueLink';
import { useDesigner } from './store/DesignerStoreContext';

export function IssuesPanel({ issues }: { issues: readonly DesignerIssue[] }) {
  const { t } = useTranslation();
  const open = useDesigner((state) => state.problemsOpen);
  const setOpen = useDesigner((state) => state.setProblemsOpen);
  const asked = useDesigner((state) => state.problemsFocus);
  const selectedNodeIds = useDesigner((state) => state.selectedNodeIds);
  const selectedEdgeIds = useDesigner((state) => state.selectedEdgeIds);
  const list = useRef<HTMLDivElement>(null);
  const selected = new Set([...selectedNodeIds, ...selectedEdgeIds]);

  // A badge asks for its node's problems: the list has opened in the same render; bring the first in.
  useEffect(() => {
    if (asked.request === 0) return;
    const first =
      asked.nodeId === null
        ? list.current?.querySelector('.ant-list-item')
        : list.current?.querySelector(`[data-issue-node="${CSS.escape(asked.nodeId)}"]`);
    first?.scrollIntoView({ block: 'nearest' });
  }, [asked]);

  const summary =
    issues.length === 0 ? (
      <>
        <CheckCircleOutlined aria-hidden className="sgf-designer-ok" /> {t('designer.issues.none')}
      </>
    ) : (
      <>
        <WarningOutlined aria-hidden className="sgf-designer-warn" />{' '}
        {t('designer.issues.count', { count: issues.length })}
      </>
    );
  return (
    <section className="sgf-designer-issues" aria-label={t('designer.issues.title')}>
      {issues.length === 0 ? (
        <div className="sgf-designer-issues-bar">
          <Typography.Text strong>{summary}</Typography.Text>
        </div>
      ) : (
        <Button
          type="text"
          block
          className="sgf-designer-issues-bar"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <Typography.Text strong>{summary}</Typography.Text>
          <span className="sgf-designer-issues-toggle">
            {t(open ? 'designer.problemsStrip.fold' : 'designer.problemsStrip.unfold')}{' '}
            {open ? <DownOutlined aria-hidden /> : <UpOutlined aria-hidden />}
          </span>
        </Button>
      )}
      {open && issues.length > 0 && (
        // Focusable so keyboard users can scroll a list longer than the strip (axe: scrollable-region-focusable).
        <div
          ref={list}
          className="sgf-designer-issues-list"
          tabIndex={0}
          role="group"
          aria-label={t('designer.problemsStrip.list')}
        >
          <List
            size="small"
            dataSource={[...issues]}
            rowKey="key"
            renderItem={(issue) => {
              const target = issue.nodeId ?? issue.edgeId;
              return (
                <List.Item
                  data-issue-node={issue.nodeId}
                  className={target !== undefined && selected.has(target) ? 'is-selected' : undefined}
                >
                  <IssueLink issue={issue} />
                </List.Item>
              );
            }}
          />
        </div>
      )}
    </section>
  );
}
