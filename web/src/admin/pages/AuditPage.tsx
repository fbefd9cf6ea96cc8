// 审计日志: search the append-only audit log by actor, action, resource, unit and time; page through
// the results; download the same search as an Excel file.
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../ui/CursorPager';
import { formatDateTime } from '../../ui/format-time';
import { useCursorPages } from '../../ui/use-cursor-pages';
import type { AuditEntry, AuditFilters } from '../admin-types';
import { UnitTreeSelect } from '../components/UnitTreeSelect';
import { auditExportUrl, useAudit } from '../hooks/use-audit';
import { useUnits } from '../hooks/use-units';
import { useUsers } from '../hooks/use-users';

interface AuditFilterForm {
  actorId?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  unitId?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters({ period, action, resourceType, resourceId, ...ids }: AuditFilterForm): AuditFilters {
  const text = (value: string | undefined) => value?.trim() || undefined;
  const filters: AuditFilters = {
    ...(ids.actorId ? { actorId: ids.actorId } : {}),
    ...(ids.unitId ? { unitId: ids.unitId } : {}),
  };
  const fields = { action: text(action), resourceType: text(resourceType), resourceId: text(resourceId) };
  for (const [key, value] of Object.entries(fields)) if (value) filters[key as keyof typeof fields] = value;
  if (period?.[0]) filters.from = period[0].toISOString();
  if (period?.[1]) filters.to = period[1].toISOString();
  return filters;
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterForm>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const pages = useCursorPages(JSON.stringify(filters));
  const audit = useAudit(filters, pages.cursor);
  const units = useUnits();
  const unitNames = useMemo(
    () => new Map((units.data ?? []).map((unit) => [unit.id, unit.name])),
    [units.data],
  );

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('admin.audit.at'), dataIndex: 'at', width: 150, render: formatDateTime },
    {
      title: t('admin.audit.actor'),
      key: 'actor',
      width: 150,
      render: (_value, entry) =>
        entry.tokenId
          ? t('admin.audit.viaToken', { name: entry.actorName ?? '—' })
          : (entry.actorName ?? '—'),
    },
    {
      title: t('admin.audit.action'),
      dataIndex: 'action',
      width: 150,
      render: (action: string) => <code>{action}</code>,
    },
    {
      title: t('admin.audit.resource'),
      key: 'resource',
      width: 160,
      render: (_value, entry) => (
        <Typography.Text ellipsis={{ tooltip: entry.resourceId }}>
          {entry.resourceType}
          {entry.resourceId ? ` · ${entry.resourceId}` : ''}
        </Typography.Text>
      ),
    },
    {
      title: t('admin.audit.unit'),
      dataIndex: 'unitId',
      width: 160,
      render: (unitId: string | null) => (unitId ? (unitNames.get(unitId) ?? unitId) : '—'),
    },
    {
      title: t('admin.audit.summary'),
      dataIndex: 'summary',
      // The before/after JSON can be long: one line here, all of it on hover or focus.
      render: (summary: string) => (
        <Typography.Text className="sgf-audit-summary" ellipsis={{ tooltip: summary }}>
          {summary || '—'}
        </Typography.Text>
      ),
    },
    {
      title: t('admin.audit.request'),
      key: 'request',
      width: 140,
      render: (_value, entry) => (
        <Typography.Text
          type="secondary"
          ellipsis={{ tooltip: [entry.requestId, entry.clientAddress].filter(Boolean).join(' · ') }}
        >
          {entry.clientAddress ?? '—'}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card
      title={<h2 className="sgf-card-title">{t('admin.sections.audit')}</h2>}
      extra={
        <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} download>
          {t('admin.audit.export')}
        </Button>
      }
    >
      <Form<AuditFilterForm>
        name="auditFilters"
        form={form}
        layout="inline"
        className="sgf-filters"
        onFinish={(values) => setFilters(toFilters(values))}
        onReset={() => setFilters({})}
      >
        <Form.Item name="actorId" label={t('admin.audit.actor')}>
          <ActorSelect />
        </Form.Item>
        <Form.Item name="action" label={t('admin.audit.action')}>
          <Input allowClear placeholder={t('admin.audit.actionPlaceholder')} className="sgf-filter-text" />
        </Form.Item>
        <Form.Item name="resourceType" label={t('admin.audit.resourceType')}>
          <Input
            allowClear
            placeholder={t('admin.audit.resourceTypePlaceholder')}
            className="sgf-filter-text"
          />
        </Form.Item>
        <Form.Item name="resourceId" label={t('admin.audit.resourceId')}>
          <Input allowClear className="sgf-filter-text" />
        </Form.Item>
        <Form.Item name="unitId" label={t('admin.audit.unit')}>
          <UnitTreeSelect allowClear className="sgf-filter-unit" />
        </Form.Item>
        <Form.Item name="period" label={t('admin.audit.period')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('admin.audit.search')}
            </Button>
            <Button htmlType="reset">{t('admin.audit.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={audit.data?.items ?? []}
        loading={audit.isFetching}
        pagination={false}
        size="small"
        scroll={{ x: 1100 }}
        tableLayout="fixed"
      />
      <CursorPager pages={pages} nextCursor={audit.data?.nextCursor} />
    </Card>
  );
}

/** Finds an actor by username or name as the admin types (the audit filters by user id). */
function ActorSelect(props: { value?: string; onChange?: (value: string | undefined) => void; id?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const users = useUsers(search ? { q: search } : {}, undefined);
  return (
    <Select<string>
      {...props}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      className="sgf-filter-unit"
      placeholder={t('admin.audit.actorPlaceholder')}
      loading={users.isFetching}
      options={(users.data?.items ?? []).map((user) => ({
        value: user.id,
        label: `${user.displayName}（${user.username}）`,
      }))}
    />
  );
}
