// One problem as the problems strip and the publish dialog list it: a link that selects the node or
// edge it concerns and centres it, or opens the process panel at its variable, stage or handler;
// plain text when it concerns the process as a whole.
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFocusElement } from './canvas/use-focus-element';
import type { DesignerIssue } from './definition-issues.js';
import { useDesigner } from './store/DesignerStoreContext';

/** `onChoose`: runs before the selection, e.g. to close the dialog listing the problem. */
export function IssueLink({ issue, onChoose }: { issue: DesignerIssue; onChoose?: () => void }) {
  const { i18n } = useTranslation();
  const focus = useFocusElement();
  const openProcessItem = useDesigner((state) => state.openProcessItem);
  const text = i18n.language.startsWith('zh') ? issue.message.zh : issue.message.en;
  const { item } = issue;
  if (issue.nodeId === undefined && issue.edgeId === undefined && item === undefined)
    return <Typography.Text>{text}</Typography.Text>;
  return (
    <Button
      type="link"
      className="sgf-designer-issue-link"
      onClick={() => {
        onChoose?.();
        if (item) openProcessItem(item);
        else focus(issue);
      }}
    >
      {text}
    </Button>
  );
}
