// The project page's attachments card: everything uploaded to the project (download links) and,
// while it runs, a drop zone to add more. Self-contained: give it the project's id and status.
import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeProblem } from '../api/client';
import { useProjectAttachments } from './attachment-hooks';
import { AttachmentList } from './AttachmentList';
import { AttachmentUpload } from './AttachmentUpload';

interface Props {
  projectId: string;
  /** Uploads are open while the project runs. */
  running: boolean;
}

export function AttachmentsPanel({ projectId, running }: Props) {
  const { t } = useTranslation();
  const attachments = useProjectAttachments(projectId);
  return (
    <Card title={<h2 className="sgf-card-title">{t('attachments.title')}</h2>}>
      <Flex vertical gap="middle">
        {attachments.isError ? (
          <span role="alert">{describeProblem(attachments.error, t)}</span>
        ) : (
          <AttachmentList
            projectId={projectId}
            attachments={attachments.data ?? []}
            loading={attachments.isPending}
          />
        )}
        {running && <AttachmentUpload target={{ projectId }} />}
      </Flex>
    </Card>
  );
}
