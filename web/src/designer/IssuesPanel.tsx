// Every problem the validator finds, in the interface language; a click selects the node or edge it
// concerns and centres the view on it, or opens the process panel at the variable, stage or event
// handler it is about.
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFocusElement } from './canvas/use-focus-element';
import type { DesignerIssue } from './definition-issues.js';
import { useDesigner } from './store/DesignerStoreContext';

export function IssuesPanel({ issues }: { issues: readonly DesignerIssue[] }) {
  const { t, i18n } = useTranslation();
  const focus = useFocusElement();
  const openProcessItem = useDesigner((state) => state.openProcessItem);
  const zh = i18n.language.startsWith('zh');
  return (
    <section className="sgf-designer-issues" aria-label={t('designer.issues.title')}>
      <Typography.Title level={5} className="sgf-designer-issues-title">
        {issues.length === 0 ? (
          <>
            <CheckCircleOutlined className="sgf-designer-ok" /> {t('designer.issues.none')}
          </>
        ) : (
          <>
            <WarningOutlined className="sgf-designer-warn" />{' '}
            {t('designer.issues.count', { count: issues.length })}
          </>
        )}
      </Typography.Title>
      {issues.length > 0 && (
        <List
          size="small"
          dataSource={[...issues]}
          rowKey="key"
          renderItem={(issue) => {
            const text = zh ? issue.message.zh : issue.message.en;
            const { item } = issue;
            const target = issue.nodeId ?? issue.edgeId;
            return (
              <List.Item>
                {target === undefined && item === undefined ? (
                  <Typography.Text>{text}</Typography.Text>
                ) : (
                  <Button
                    type="link"
                    className="sgf-designer-issue-link"
                    onClick={() => (item ? openProcessItem(item) : focus(issue))}
                  >
                    {text}
                  </Button>
                )}
              </List.Item>
            );
          }}
        />
      )}
    </section>
  );
}
