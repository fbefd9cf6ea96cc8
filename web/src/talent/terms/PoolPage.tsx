// 人才库: the published talents of the office's rounds, with their title status and term; filters by
// status and field; a talent's name opens the term with its ledger.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SOCIAL_WORK_FIELDS } from '../../../../workflows/talent/talent-vocabulary';
import { CursorPager } from '../../ui/CursorPager';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { periodOf } from './term-period';
import { type PoolFilters, type PoolTalent, type TitleStatus, usePool } from './term-hooks';

export const TITLE_STATUSES: TitleStatus[] = ['active', 'benefits_stopped', 'revoked', 'ended'];

export function TitleStatusTag({ status }: { status: TitleStatus }) {
  const { t } = useTranslation();
  // The default tag's dark text passes the contrast check; colour would not.
  return <Tag>{t(`talentTerms.titleStatus.${status}`)}</Tag>;
}

export function useFieldLabel() {
  const { i18n } = useTranslation();
  const chinese = i18n.language.startsWith('zh');
  return (key: string) => {
    const field = SOCIAL_WORK_FIELDS.find((f) => f.key === key);
    return field ? (chinese ? field.zh : field.en) : key;
  };
}

/** The pool's export under the filters the list shows, named in English when the UI is (人才库-<date>.xlsx otherwise). */
function poolExportUrl(filters: PoolFilters, chinese: boolean): string {
  const query = new URLSearchParams();
  if (filters.titleStatus) query.set('titleStatus', filters.titleStatus);
  if (filters.field) query.set('field', filters.field);
  if (!chinese) query.set('lang', 'en');
  const search = query.toString();
  return `/api/talent/pool/export.xlsx${search ? `?${search}` : ''}`;
}

export function PoolPage() {
  const { t, i18n } = useTranslation();
  const fieldLabel = useFieldLabel();
  const [filters, setFilters] = useState<PoolFilters>({});
  const pages = useCursorPages(JSON.stringify(filters));
  const pool = usePool(filters, pages.cursor);
  return (
    <Card
      title={<h1 className="sgf-card-title">{t('talentTerms.pool')}</h1>}
      extra={<Link to="/talent">{t('talent.rounds')}</Link>}
    >
      <Flex vertical gap="middle">
        <Flex gap="small" wrap>
          <Select
            allowClear
            aria-label={t('talentTerms.titleStatusLabel')}
            placeholder={t('talentTerms.titleStatusLabel')}
            style={{ minWidth: 180 }}
            value={filters.titleStatus}
            onChange={(titleStatus?: TitleStatus) => setFilters({ ...filters, titleStatus })}
            options={TITLE_STATUSES.map((s) => ({ value: s, label: t(`talentTerms.titleStatus.${s}`) }))}
          />
          <Select
            allowClear
            aria-label={t('talentTerms.field')}
            placeholder={t('talentTerms.field')}
            style={{ minWidth: 180 }}
            value={filters.field}
            onChange={(field?: string) => setFilters({ ...filters, field })}
            options={SOCIAL_WORK_FIELDS.map((f) => ({ value: f.key, label: fieldLabel(f.key) }))}
          />
          <Button icon={<DownloadOutlined />} href={poolExportUrl(filters, i18n.language.startsWith('zh'))}>
            {t('talentExports.exportPool')}
          </Button>
        </Flex>
        <Table<PoolTalent>
          rowKey="id"
          loading={pool.isPending}
          dataSource={pool.data?.items ?? []}
          pagination={false}
          columns={[
            {
              key: 'name',
              title: t('talentTerms.name'),
              render: (_v, talent) => <Link to={`/talent/pool/${talent.id}`}>{talent.name}</Link>,
            },
            { key: 'identity', title: t('talentTerms.identityNumber'), dataIndex: 'identityNumber' },
            { key: 'employer', title: t('talentTerms.employer'), dataIndex: 'employerName' },
            { key: 'field', title: t('talentTerms.field'), render: (_v, talent) => fieldLabel(talent.field) },
            { key: 'round', title: t('talentTerms.round'), render: (_v, talent) => talent.round.title },
            {
              key: 'status',
              title: t('talentTerms.titleStatusLabel'),
              render: (_v, talent) => <TitleStatusTag status={talent.titleStatus} />,
            },
            {
              key: 'term',
              title: t('talentTerms.term'),
              render: (_v, talent) =>
                talent.term ? periodOf(talent.term.startsOn, talent.term.endsOn) : '—',
            },
          ]}
        />
        <CursorPager pages={pages} nextCursor={pool.data?.nextCursor} />
      </Flex>
    </Card>
  );
}
