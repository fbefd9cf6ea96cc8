// One round: its window and options, opening and closing the window, the steps of its process with
// the office's next command, its applications (identity numbers masked; each opens its dossier),
// entering one by hand, the import template, the import dialog and the export.
import { DownloadOutlined, FormOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { SOCIAL_WORK_FIELDS } from '../../../workflows/talent/talent-vocabulary';
import { CursorPager } from '../ui/CursorPager';
import { useCursorPages } from '../ui/use-cursor-pages';
import { ApplicationEntryDialog } from './dossier/ApplicationEntryDialog';
import { ReviewAssignments } from './review/ReviewAssignments';
import { RoundProcessAction, RoundProcessSteps } from './RoundProcessActions';
import { RoundStatusTag } from './RoundsPage';
import { RoundTabs } from './results/RoundTabs';
import {
  type ImportOutcome,
  useApplications,
  useImportApplications,
  useRoundCommand,
  useRound,
} from './talent-hooks';
import type { ApplicationSummary, ImportRowError } from './talent-types';

export function RoundPage() {
  const { t, i18n } = useTranslation();
  const roundId = useParams().roundId ?? '';
  const round = useRound(roundId);
  const pages = useCursorPages(roundId);
  const applications = useApplications(roundId, pages.cursor);
  const move = useRoundCommand(roundId);
  const [importing, setImporting] = useState(false);
  const [entering, setEntering] = useState(false);
  const chinese = i18n.language.startsWith('zh');
  const fieldLabel = (key: string) => {
    const field = SOCIAL_WORK_FIELDS.find((f) => f.key === key);
    return field ? (chinese ? field.zh : field.en) : key;
  };
  if (!round.data) return <Card loading />;
  const r = round.data;
  const base = `/api/talent/rounds/${roundId}`;
  // Downloads are named after the round in Chinese; in the English UI, in English.
  const lang = chinese ? '' : '?lang=en';
  return (
    <Card
      title={<h1 className="sgf-card-title">{r.title}</h1>}
      extra={
        <Flex gap="small">
          {r.status === 'open' ? (
            <Button loading={move.isPending} onClick={() => move.mutate('close')}>
              {t('talent.closeWindow')}
            </Button>
          ) : (
            (r.status === 'draft' || r.status === 'closed') && (
              <Button type="primary" loading={move.isPending} onClick={() => move.mutate('open')}>
                {t('talent.openWindow')}
              </Button>
            )
          )}
          <RoundProcessAction round={r} />
        </Flex>
      }
    >
      <Flex vertical gap="middle">
        <Link to="/talent">{t('talent.rounds')}</Link>
        <RoundProcessSteps status={r.status} />
        <Descriptions
          bordered
          size="small"
          column={3}
          items={[
            { key: 'status', label: t('talent.statusLabel'), children: <RoundStatusTag status={r.status} /> },
            { key: 'window', label: t('talent.window'), children: `${r.windowStartsOn} ~ ${r.windowEndsOn}` },
            { key: 'reference', label: t('talent.referenceDate'), children: r.referenceDate },
            { key: 'quota', label: t('talent.quota'), children: r.config.allocation.quota },
            {
              key: 'reserved',
              label: t('talent.elderlyShare'),
              children: `${Math.round(r.config.allocation.elderlyReservedShare * 1000) / 10}%`,
            },
            {
              key: 'years',
              label: t('talent.minYears'),
              children: r.config.eligibility.minYearsInSocialWork,
            },
            {
              key: 'reviewers',
              label: t('talent.minReviewers'),
              children: r.config.review.minReviewersPerCandidate,
            },
            {
              key: 'blind',
              label: t('talentFixes.blindPhase'),
              children: t(r.config.review.blindPhase ? 'talentFixes.on' : 'talentFixes.off'),
            },
            {
              key: 'normalisation',
              label: t('talentFixes.normalisation'),
              children: t(`talentFixes.normalisations.${r.config.review.normalisation}`),
            },
            {
              key: 'shortfall',
              label: t('talentResults.shortfallPolicy'),
              children: t(`talentResults.shortfall.${r.config.allocation.elderlyShortfall}`),
            },
            ...(r.noticeStartsOn && r.noticeEndsOn
              ? [
                  {
                    key: 'notice',
                    label: t('talentExports.noticePeriod'),
                    children: t('talentExports.noticeRange', {
                      from: r.noticeStartsOn,
                      to: r.noticeEndsOn,
                      days: r.config.notice.workingDays,
                    }),
                  },
                ]
              : []),
          ]}
        />
        <Flex gap="small" wrap>
          <Button icon={<FormOutlined />} disabled={r.status !== 'open'} onClick={() => setEntering(true)}>
            {t('talentDossier.enter')}
          </Button>
          <Button icon={<UploadOutlined />} disabled={r.status !== 'open'} onClick={() => setImporting(true)}>
            {t('talent.import')}
          </Button>
          <Button icon={<DownloadOutlined />} href={`${base}/import-template.xlsx${lang}`}>
            {t('talent.template')}
          </Button>
          <Button icon={<DownloadOutlined />} href={`${base}/applications/export.xlsx${lang}`}>
            {t('talent.export')}
          </Button>
        </Flex>
        <RoundTabs round={r}>
          <Table<ApplicationSummary>
            rowKey="id"
            aria-label={t('talent.applications')}
            loading={applications.isPending}
            dataSource={applications.data?.items ?? []}
            pagination={false}
            columns={[
              {
                key: 'name',
                title: t('talent.name'),
                render: (_v, a) => (
                  <Link
                    to={`/talent/applications/${a.id}`}
                    aria-label={t('talentDossier.openDossier', { name: a.name })}
                  >
                    {a.name}
                  </Link>
                ),
              },
              {
                key: 'gender',
                title: t('talent.gender'),
                render: (_v, a) => t(`talent.genders.${a.gender}`),
              },
              { key: 'id', title: t('talent.identityNumber'), dataIndex: 'identityNumber' },
              { key: 'employer', title: t('talent.employer'), dataIndex: 'employerName' },
              { key: 'field', title: t('talent.field'), render: (_v, a) => fieldLabel(a.field) },
              { key: 'years', title: t('talent.years'), dataIndex: 'socialWorkYears' },
              {
                key: 'source',
                title: t('talent.source'),
                render: (_v, a) => t(`talent.sources.${a.source}`),
              },
              {
                key: 'status',
                title: t('talent.applicationStatus'),
                render: (_v, a) => t(`talent.applicationStatuses.${a.status}`),
              },
            ]}
          />
          <CursorPager pages={pages} nextCursor={applications.data?.nextCursor} />
        </RoundTabs>
        <ReviewAssignments roundId={roundId} status={r.status} />
      </Flex>
      {importing && <ImportDialog roundId={roundId} onClose={() => setImporting(false)} />}
      {entering && <ApplicationEntryDialog roundId={roundId} onClose={() => setEntering(false)} />}
    </Card>
  );
}

/** The findings as a CSV file (with a byte-order mark, so Excel reads the Chinese), made in the browser. */
function downloadFindings(findings: ImportRowError[], chinese: boolean, t: TFunction): void {
  const cell = (text: string | number) => `"${String(text).replaceAll('"', '""')}"`;
  const lines = [
    [t('talent.row'), t('talent.column'), t('talent.reason')].map(cell).join(','),
    ...findings.map((e) => [e.row, e.column, chinese ? e.reasonZh : e.reason].map(cell).join(',')),
  ];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(
    new Blob([`\uFEFF${lines.join('\r\n')}`], { type: 'text/csv;charset=utf-8' }),
  );
  link.download = t('talentFixes.findingsFile');
  link.click();
  URL.revokeObjectURL(link.href);
}

function ImportDialog({ roundId, onClose }: { roundId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language.startsWith('zh');
  const send = useImportApplications(roundId);
  const [outcome, setOutcome] = useState<ImportOutcome>();
  return (
    <Modal open title={t('talent.import')} footer={null} onCancel={onClose} width={760}>
      <Flex vertical gap="middle">
        <Alert type="info" showIcon message={t('talent.importRule')} />
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          disabled={send.isPending}
          beforeUpload={(file) => {
            setOutcome(undefined);
            send.mutate(file, { onSuccess: setOutcome });
            return false;
          }}
        >
          <p>{send.isPending ? t('talent.importing') : t('talent.chooseFile')}</p>
        </Upload.Dragger>
        {outcome?.kind === 'imported' && (
          <Alert type="success" showIcon message={t('talent.imported', { count: outcome.result.imported })} />
        )}
        {outcome?.kind === 'failed' && (
          <Alert type="error" showIcon message={chinese ? outcome.messageZh : outcome.message} />
        )}
        {outcome?.kind === 'rejected' && (
          <>
            <Alert
              type="error"
              showIcon
              message={t('talent.rejected', {
                rows: new Set(outcome.rowErrors.map((e) => e.row)).size,
                count: outcome.rowErrors.length,
              })}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() => downloadFindings(outcome.rowErrors, chinese, t)}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('talentFixes.downloadFindings')}
            </Button>
            <Table<ImportRowError>
              aria-label={t('talent.rowReport')}
              size="small"
              // A row may have several findings, even in one column: the position keeps the keys unique.
              rowKey={(e) => `${e.row}-${e.field}-${outcome.rowErrors.indexOf(e)}`}
              dataSource={outcome.rowErrors}
              pagination={false}
              scroll={{ y: 360 }}
              columns={[
                { key: 'row', title: t('talent.row'), dataIndex: 'row', width: 70 },
                { key: 'column', title: t('talent.column'), dataIndex: 'column', width: 180 },
                {
                  key: 'reason',
                  title: t('talent.reason'),
                  render: (_v, e) => (chinese ? e.reasonZh : e.reason),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
