// 申报材料 (an application's dossier) for the selection office: everything entered, masked as the
// lists mask it until the office asks for the full numbers (the server audits that read), where the
// application stands (screening, review, ranking), and its documents: scanned certificates and
// proof of service years, uploaded, downloaded and, until review begins, deleted. While the round's
// window is open the office amends the application (the form filled in full, which is an audited
// read) or withdraws it with the applicant's reason.
import {
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  EyeOutlined,
  InboxOutlined,
  StopOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  ELDERLY_CARE_WORKER_LEVELS,
  GRASSROOTS_UNIT_TYPES,
  OTHER_UNIT_TYPES,
  SOCIAL_WORK_FIELDS,
  SOCIAL_WORKER_LEVELS,
} from '../../../../workflows/talent/talent-vocabulary';
import { ACCEPTED_EXTENSIONS, formatBytes } from '../../attachments/attachment-types';
import { uploadProblemText } from '../../attachments/upload-problem';
import { sendUpload } from '../../attachments/upload-request';
import '../../attachments/attachments.css';
import { FormModal } from '../../ui/FormModal';
import { formatDateTime } from '../../ui/format-time';
import { ApplicationAmendDialog } from './ApplicationEntryDialog';
import {
  useDeleteDocument,
  useDossier,
  useDossierAttachments,
  useRefreshDossier,
  useWithdrawApplication,
} from './dossier-hooks';
import type { ApplicationDetail, CertificateKind, DossierAttachment } from './dossier-types';

type Labelled = readonly { key: string; zh: string; en: string }[];
const LEVELS: Record<CertificateKind, Labelled> = {
  social_worker: SOCIAL_WORKER_LEVELS,
  elderly_care_worker: ELDERLY_CARE_WORKER_LEVELS,
  elderly_care_management_training: [],
};

export function DossierPage() {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language.startsWith('zh');
  const applicationId = useParams().applicationId ?? '';
  const [full, setFull] = useState(false);
  const [change, setChange] = useState<'amend' | 'withdraw'>();
  const dossier = useDossier(applicationId, full);
  const label = (list: Labelled, key: string | null) => {
    const item = list.find((i) => i.key === key);
    return item ? (chinese ? item.zh : item.en) : (key ?? '');
  };
  if (!dossier.data) return <Card loading />;
  const a = dossier.data;
  return (
    <Card
      title={<h1 className="sgf-card-title">{t('talentDossier.title', { name: a.name })}</h1>}
      extra={
        <Space wrap>
          {a.changeable && (
            <>
              <Button
                icon={<EditOutlined />}
                onClick={() => {
                  // The form needs the numbers as they are: amending reads the dossier in full (audited).
                  setFull(true);
                  setChange('amend');
                }}
              >
                {t('talentDossier.amend')}
              </Button>
              <Button danger icon={<StopOutlined />} onClick={() => setChange('withdraw')}>
                {t('talentDossier.withdraw')}
              </Button>
            </>
          )}
          {!full && (
            <Button icon={<EyeOutlined />} onClick={() => setFull(true)}>
              {t('talentDossier.showFull')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap="middle">
        <Link to={`/talent/${a.roundId}`}>{t('talentDossier.backToRound')}</Link>
        {full && <Alert type="warning" showIcon title={t('talentDossier.fullAudited')} />}
        {a.withdrawal && (
          <Alert
            type="warning"
            showIcon
            title={t('talentDossier.withdrawn', {
              at: formatDateTime(a.withdrawal.at),
              by: a.withdrawal.by.displayName,
              reason: a.withdrawal.reason,
            })}
          />
        )}
        {a.changeable && <Alert type="info" showIcon title={t('talentDossier.changeHint')} />}
        {change === 'amend' && full && (
          <ApplicationAmendDialog application={a} onClose={() => setChange(undefined)} />
        )}
        <WithdrawDialog application={a} open={change === 'withdraw'} onClose={() => setChange(undefined)} />
        <Descriptions
          bordered
          size="small"
          column={3}
          items={[
            { key: 'name', label: t('talent.name'), children: a.name },
            { key: 'gender', label: t('talent.gender'), children: t(`talent.genders.${a.gender}`) },
            { key: 'birth', label: t('talentDossier.birthDate'), children: a.birthDate },
            { key: 'id', label: t('talent.identityNumber'), children: a.identityNumber },
            { key: 'phone', label: t('talentDossier.phone'), children: a.phone },
            { key: 'source', label: t('talent.source'), children: t(`talent.sources.${a.source}`) },
            { key: 'employer', label: t('talent.employer'), children: a.employerName },
            { key: 'employerId', label: t('talentDossier.employerId'), children: a.employerId ?? '—' },
            {
              key: 'unitType',
              label: t('talentDossier.unitType'),
              children: label([...GRASSROOTS_UNIT_TYPES, ...OTHER_UNIT_TYPES], a.unitType),
            },
            { key: 'field', label: t('talent.field'), children: label(SOCIAL_WORK_FIELDS, a.field) },
            {
              key: 'elderly',
              label: t('talentDossier.elderlyServices'),
              children: a.elderlyServices ? t('talentDossier.yes') : t('talentDossier.no'),
            },
            { key: 'since', label: t('talentDossier.socialWorkSince'), children: a.socialWorkSince },
            { key: 'years', label: t('talent.years'), children: a.socialWorkYears },
          ]}
        />
        <ApplicationProgress application={a} />
        <Table
          aria-label={t('talentDossier.certificates')}
          size="small"
          rowKey="kind"
          pagination={false}
          dataSource={a.certificates}
          columns={[
            {
              key: 'kind',
              title: t('talentDossier.certificateKind'),
              render: (_v, c) => t(`talentDossier.kinds.${c.kind}`),
            },
            {
              key: 'level',
              title: t('talentDossier.level'),
              render: (_v, c) => label(LEVELS[c.kind], c.level),
            },
            {
              key: 'number',
              title: t('talentDossier.certificateNumber'),
              render: (_v, c) => c.number ?? '—',
            },
            {
              key: 'scan',
              title: t('talentDossier.scan'),
              render: (_v, c) =>
                c.attachmentId ? <Tag icon={<CheckCircleOutlined />}>{t('talentDossier.scanned')}</Tag> : '—',
            },
          ]}
        />
        <DossierDocuments applicationId={applicationId} certificates={a.certificates.map((c) => c.kind)} />
      </Flex>
    </Card>
  );
}

/** 撤回申报 with the applicant's reason; the server refuses it once the window has closed. */
function WithdrawDialog({
  application,
  open,
  onClose,
}: {
  application: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawApplication(application);
  return (
    <FormModal<{ reason: string }>
      open={open}
      name="withdraw-application"
      title={t('talentDossier.withdrawTitle', { name: application.name })}
      okText={t('talentDossier.withdraw')}
      serverFields={['reason']}
      pending={withdraw.isPending}
      onSubmit={(values, showProblem) =>
        withdraw.mutate(values.reason, { onSuccess: onClose, onError: showProblem })
      }
      onClose={onClose}
    >
      <Form.Item
        name="reason"
        label={t('talentDossier.withdrawReason')}
        extra={t('talentDossier.withdrawReasonHelp')}
        rules={[{ required: true, whitespace: true, max: 500 }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** Where the application stands: its status, the screening (or the office's override), review and ranking. */
function ApplicationProgress({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const screening = a.override?.result ?? a.screeningResult;
  return (
    <Descriptions
      bordered
      size="small"
      column={4}
      title={t('talentDossier.progress')}
      items={[
        {
          key: 'status',
          label: t('talent.applicationStatus'),
          children: t(`talent.applicationStatuses.${a.status}`),
        },
        {
          key: 'screening',
          label: t('talentDossier.screening'),
          children: screening
            ? `${t(`talent.applicationStatuses.${screening}`)}${a.override ? t('talentDossier.overridden') : ''}`
            : t('talentDossier.notYet'),
        },
        {
          key: 'review',
          label: t('talentDossier.review'),
          children:
            a.review.assigned > 0 ? t('talentDossier.reviewCount', a.review) : t('talentDossier.notYet'),
        },
        {
          key: 'ranking',
          label: t('talentDossier.ranking'),
          children: a.ranking
            ? t('talentDossier.rankingLine', {
                rank: a.ranking.rank ?? '—',
                seat: t(`talentDossier.seats.${a.ranking.seatType}`),
                score: a.ranking.finalScore ?? '—',
              })
            : t('talentDossier.notYet'),
        },
      ]}
    />
  );
}

function DossierDocuments({
  applicationId,
  certificates,
}: {
  applicationId: string;
  certificates: CertificateKind[];
}) {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language.startsWith('zh');
  const documents = useDossierAttachments(applicationId);
  const refresh = useRefreshDossier(applicationId);
  const remove = useDeleteDocument(applicationId);
  const [certificateKind, setCertificateKind] = useState<CertificateKind>();
  const [failure, setFailure] = useState<string>();
  const editable = documents.data?.editable ?? false;
  return (
    <Card size="small" title={<h2 className="sgf-card-title">{t('talentDossier.documents')}</h2>}>
      <Flex vertical gap="middle">
        {editable ? (
          <Flex gap="middle" align="stretch" wrap>
            <Select<CertificateKind>
              aria-label={t('talentDossier.documentFor')}
              placeholder={t('talentDossier.otherDocument')}
              allowClear
              showSearch
              optionFilterProp="label"
              value={certificateKind}
              onChange={setCertificateKind}
              style={{ minWidth: 220 }}
              options={certificates.map((kind) => ({ value: kind, label: t(`talentDossier.kinds.${kind}`) }))}
            />
            <Upload.Dragger
              className="sgf-attachment-drop"
              name="file"
              action={`/api/talent/applications/${applicationId}/attachments`}
              data={certificateKind ? { certificateKind } : {}}
              customRequest={sendUpload}
              accept={ACCEPTED_EXTENSIONS}
              showUploadList={false}
              onChange={({ file }) => {
                if (file.status === 'uploading') setFailure(undefined);
                if (file.status === 'done') refresh();
                if (file.status === 'error')
                  setFailure(
                    t('attachments.failed', {
                      name: file.name,
                      reason: uploadProblemText(file.response, chinese, t('attachments.failedUnknown')),
                    }),
                  );
              }}
              style={{ flex: 1 }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('talentDossier.drop')}</p>
              <p className="ant-upload-hint">{t('attachments.hint')}</p>
            </Upload.Dragger>
          </Flex>
        ) : (
          documents.data && <Alert type="info" showIcon title={t('talentDossier.frozen')} />
        )}
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        <Table<DossierAttachment>
          aria-label={t('talentDossier.documents')}
          size="small"
          rowKey="id"
          loading={documents.isPending}
          pagination={false}
          dataSource={documents.data?.items ?? []}
          locale={{ emptyText: <Typography.Text>{t('attachments.none')}</Typography.Text> }}
          columns={[
            {
              key: 'file',
              title: t('attachments.file'),
              render: (_v, d) => (
                <a href={`/api/talent/attachments/${d.id}`} download={d.filename}>
                  {d.filename}
                </a>
              ),
            },
            {
              key: 'for',
              title: t('talentDossier.documentFor'),
              render: (_v, d) =>
                d.certificateKind
                  ? t(`talentDossier.kinds.${d.certificateKind}`)
                  : t('talentDossier.otherDocument'),
            },
            { key: 'size', title: t('talentDossier.size'), render: (_v, d) => formatBytes(d.sizeBytes) },
            { key: 'by', title: t('attachments.uploadedBy'), render: (_v, d) => d.uploadedBy.displayName },
            {
              key: 'at',
              title: t('attachments.uploadedAt'),
              render: (_v, d) => formatDateTime(d.createdAt),
            },
            ...(editable
              ? [
                  {
                    key: 'delete',
                    title: '',
                    render: (_v: unknown, d: DossierAttachment) => (
                      <Popconfirm
                        title={t('attachments.deleteConfirm', { name: d.filename })}
                        onConfirm={() => remove.mutate(d.id)}
                      >
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('attachments.deleteNamed', { name: d.filename })}
                        />
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Flex>
    </Card>
  );
}
