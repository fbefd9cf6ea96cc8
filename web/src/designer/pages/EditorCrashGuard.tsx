// The editor's last line: a stored graph whose nodes lack the structure the canvas draws from (an
// approval without approvers, a timer without its timer, from imported or API-written JSON) threw
// while rendering and left a blank page for good, since the draft stays stored. Here the admin
// reads what broke and can take the JSON away to fix it, or discard the draft.
import { Button, Result, Space } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { apiRequest, isApiProblem } from '../../api/client';
import { useNotifyProblem } from '../../ui/use-notify-problem';
import { downloadJson } from '../download-json';

type Props = {
  definitionKey: string;
  /** The graph as stored, downloadable as it is. */
  stored: unknown;
  /** The draft's revision, when a draft is what failed to open. */
  draftRevision: number | null;
  children: ReactNode;
};

export class EditorCrashGuard extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <CannotOpen {...this.props} reason={this.state.error.message} />;
  }
}

function CannotOpen({
  definitionKey,
  stored,
  draftRevision,
  reason,
}: Omit<Props, 'children'> & { reason: string }) {
  const { t } = useTranslation();
  const notifyProblem = useNotifyProblem();
  const discard = async () => {
    if (draftRevision === null) return;
    try {
      await apiRequest('DELETE', `/api/definitions/${encodeURIComponent(definitionKey)}/draft`, {
        ifMatch: draftRevision,
      });
    } catch (error) {
      // Changed by someone else meanwhile (412): reloading opens what is stored now.
      if (!(isApiProblem(error) && error.status === 412)) {
        notifyProblem(error);
        return;
      }
    }
    window.location.reload();
  };
  return (
    <Result
      status="error"
      title={t('designer.editor.cannotOpen')}
      subTitle={t('designer.editor.cannotOpenWhy', { reason })}
      extra={
        <Space wrap>
          <Button onClick={() => downloadJson(`${definitionKey}.json`, stored)}>
            {t('designer.editor.downloadStored')}
          </Button>
          {draftRevision !== null && (
            <Button danger onClick={() => void discard()}>
              {t('designer.editor.discardDraft')}
            </Button>
          )}
          <Link to="/designer">{t('designer.toolbar.back')}</Link>
        </Space>
      }
    />
  );
}
