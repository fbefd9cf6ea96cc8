// 审计日志: search the append-only audit log by actor (a person or an API token), action, resource,
// unit and time; page through the results; download the same search as an Excel file.
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
import {
  AUDIT_ACTIONS,
  AUDIT_RESOURCE_TYPES,
  auditLabel,
  type TAuditAction,
  type TAuditResourceType,
} from '../../../../api/audit/audit-actions';
import type { AuditEntry, AuditFilters } from '../admin-types';
import { UnitTreeSelect } from '../components/UnitTreeSelect';
import { auditExportUrl, useAudit } from '../hooks/use-audit';
import { useUnits } from '../hooks/use-units';
import { useTokenSearch } from '../hooks/use-tokens';
import { useUsers } from '../hooks/use-users';

interface AuditFilterForm {
  /** `user:<id>` or `token:<id>`: the actor select offers people and API tokens. */
  actor?: string;
  action?: TAuditAction;
  resourceType?: TAuditResourceType;
  resourceId?: string;
  unitId?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters({ period, actor, resourceId, ...chosen }: AuditFilterForm): AuditFilters {
  const [actorKind, actorId] = actor?.split(':') ?? [];
  const filters: AuditFilters = {
    ...(actorKind === 'user' && actorId ? { actorId } : {}),
    ...(actorKind === 'token' && actorId ? { tokenId: actorId } : {}),
    ...(chosen.action ? { action: chosen.action } : {}),
    ...(chosen.resourceType ? { resourceType: chosen.resourceType } : {}),
    ...(resourceId?.trim() ? { resourceId: resourceId.trim() } : {}),
    ...(chosen.unitId ? { unitId: chosen.unitId } : {}),
  };
  if (period?.[0]) filters.from = period[0].toISOString();
  if (period?.[1]) filters.to = period[1].toISOString();
  return filters;
}

/** The catalogue's labels in the page's language. */
function useAuditLabels() {
  const { i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'zh';
  return {
    action: (code: string) => auditLabel(AUDIT_ACTIONS, code, language),
    resourceType: (code: string) => auditLabel(AUDIT_RESOURCE_TYPES, code, language),
    options: <C extends string>(catalogue: Record<C, readonly [string, string]>) =>
      (Object.keys(catalogue) as C[]).map((code) => ({
        value: code,
        label: auditLabel(catalogue, code, language),
      })),
  };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterForm>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const pages = useCursorPages(JSON.stringify(filters));
  const audit = useAudit(filters, pages.cursor);
  const labels = useAuditLabels();
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
      render: (action: string) => (
        <Typography.Text ellipsis={{ tooltip: action }}>{labels.action(action)}</Typography.Text>
      ),
    },
    {
      title: t('admin.audit.resource'),
      key: 'resource',
      width: 160,
      render: (_value, entry) => (
        <Typography.Text ellipsis={{ tooltip: entry.resourceId }}>
          {labels.resourceType(entry.resourceType)}
          {entry.resourceId ? ` · ${entry.resourceId}` : ''}
        </Typography.Text>
      ),
    },
    {
      title: t('admin.audit.unit'),
      key: 'unit',
      width: 160,
      render: (_value, entry) =>
        entry.unitName ?? (entry.unitId ? (unitNames.get(entry.unitId) ?? entry.unitId) : '—'),
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
        <Form.Item name="actor" label={t('admin.audit.actor')}>
          <ActorSelect />
        </Form.Item>
        <Form.Item name="action" label={t('admin.audit.action')}>
          <Select<TAuditAction>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('admin.audit.actionPlaceholder')}
            className="sgf-filter-text"
            options={labels.options(AUDIT_ACTIONS)}
          />
        </Form.Item>
        <Form.Item name="resourceType" label={t('admin.audit.resourceType')}>
          <Select<TAuditResourceType>
            allowClear
            placeholder={t('admin.audit.resourceTypePlaceholder')}
            className="sgf-filter-text"
            options={labels.options(AUDIT_RESOURCE_TYPES)}
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

/** Finds an actor as the admin types: people by username or name, API tokens by name. */
function ActorSelect(props: { value?: string; onChange?: (value: string | undefined) => void; id?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const users = useUsers(search ? { q: search } : {}, undefined);
  const tokens = useTokenSearch(search);
  // The last search's results stay on screen while this one loads: offered, Enter would pick the
  // first of them, someone else than the name typed.
  const userOptions = (users.isPlaceholderData ? [] : (users.data?.items ?? [])).map((user) => ({
    value: `user:${user.id}`,
    label: `${user.displayName}（${user.username}）`,
  }));
  const tokenOptions = (tokens.isPlaceholderData ? [] : (tokens.data?.items ?? [])).map((token) => ({
    value: `token:${token.id}`,
    label: t('admin.audit.viaToken', { name: token.name }),
  }));
  return (
    <Select<string>
      {...props}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      className="sgf-filter-unit"
      placeholder={t('admin.audit.actorPlaceholder')}
      loading={users.isFetching || tokens.isFetching}
      options={[
        ...(userOptions.length ? [{ label: t('admin.audit.actorPeople'), options: userOptions }] : []),
        ...(tokenOptions.length ? [{ label: t('admin.audit.actorTokens'), options: tokenOptions }] : []),
      ]}
    />
  );
}
