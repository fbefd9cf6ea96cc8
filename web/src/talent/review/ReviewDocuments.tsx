// 证明材料 on the scoring page: the documents the office filed with the application (certificate
// scans, proof of service years), each a download through the committee member's own route. In a
// blind round the scans would show who the candidate is, so the server refuses them (403) and the
// page does not ask: it says they are hidden instead.
import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../attachments/attachment-types';
import { useReviewDocuments } from './review-hooks';

export function ReviewDocuments({ applicationId, blind }: { applicationId: string; blind: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="small">
      <Typography.Title level={5} className="sgf-section-title">
        {t('talentFinish.documents')}
      </Typography.Title>
      {blind ? (
        <Alert type="info" showIcon title={t('talentFinish.documentsHiddenBlind')} />
      ) : (
        <DocumentList applicationId={applicationId} />
      )}
    </Flex>
  );
}

function DocumentList({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const documents = useReviewDocuments(applicationId);
  if (documents.isPending) return <Typography.Text>{t('talentFinish.documentsLoading')}</Typography.Text>;
  if (documents.isError) return <Alert type="error" showIcon title={t('talentFinish.documentsFailed')} />;
  if (documents.data.items.length === 0) return <Typography.Text>{t('attachments.none')}</Typography.Text>;
  return (
    <ul aria-label={t('talentFinish.documents')}>
      {documents.data.items.map((d) => (
        <li key={d.id}>
          <a href={`/api/talent/reviews/${applicationId}/attachments/${d.id}`} download={d.filename}>
            {d.filename}
          </a>{' '}
          <Typography.Text>
            {[
              d.certificateKind
                ? t(`talentDossier.kinds.${d.certificateKind}`)
                : t('talentDossier.otherDocument'),
              formatBytes(d.sizeBytes),
            ].join(' · ')}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
