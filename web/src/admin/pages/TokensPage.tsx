// API 令牌: tokens other government systems call the API with. Creating one shows its secret once;
// revoking one takes effect at the next call.
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Popconfirm,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../ui/CursorPager';
import { FormModal } from '../../ui/FormModal';
import { formatDateTime } from '../../ui/format-time';
import { SecretOnceModal } from '../../ui/SecretOnceModal';
import { useCursorPages } from '../../ui/use-cursor-pages';
import type { ApiToken, CreateTokenRequest, CreateTokenResponse } from '../admin-types';
import { RoleAtUnitFields } from '../components/RoleAtUnitFields';
import { useCreateToken, useRevokeToken, useTokens } from '../hooks/use-tokens';

export default function TokensPage() {
  const { t } = useTranslation();
  const pages = useCursorPages('');
  const tokens = useTokens(pages.cursor);
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreateTokenResponse | null>(null);

  const columns: TableColumnsType<ApiToken> = [
    { title: t('admin.tokens.name'), dataIndex: 'name', width: 160 },
    {
      title: t('admin.tokens.prefix'),
      dataIndex: 'prefix',
      // Wide enough for the whole prefix in the code font (sgf_ and six characters), on one line.
      width: 150,
      render: (prefix: string) => <code style={{ whiteSpace: 'nowrap' }}>{prefix}…</code>,
    },
    {
      title: t('admin.roles.assignments'),
      key: 'assignments',
      render: (_value, token) => (
        <Flex gap={4} wrap>
          {token.assignments.map((a) => (
            <Tag key={`${a.role}@${a.unitId}`}>
              {t(`roles.${a.role}`)} · {a.unitName}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('admin.tokens.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
    { title: t('admin.tokens.expiresAt'), dataIndex: 'expiresAt', width: 150, render: formatDateTime },
    { title: t('admin.tokens.lastUsedAt'), dataIndex: 'lastUsedAt', width: 150, render: formatDateTime },
    {
      title: t('admin.tokens.status'),
      key: 'status',
      width: 90,
      render: (_value, token) => <TokenStatus token={token} />,
    },
    {
      title: t('admin.users.actions'),
      key: 'actions',
      width: 90,
      render: (_value, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t('admin.tokens.revokeConfirm', { name: token.name })}
            description={t('admin.tokens.revokeWarning')}
            okText={t('admin.tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('ui.cancel')}
            onConfirm={() => revoke.mutate(token.id)}
          >
            <Button
              type="link"
              size="small"
              danger
              aria-label={t('admin.tokens.revokeOf', { name: token.name })}
            >
              {t('admin.tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={<h2 className="sgf-card-title">{t('admin.sections.tokens')}</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('admin.tokens.create')}
        </Button>
      }
    >
      <Table<ApiToken>
        rowKey="id"
        columns={columns}
        dataSource={tokens.data?.items ?? []}
        loading={tokens.isFetching}
        pagination={false}
        size="middle"
        scroll={{ x: 1040 }}
      />
      <CursorPager pages={pages} nextCursor={tokens.data?.nextCursor} />
      <CreateTokenModal
        open={creating}
        onClose={(response) => {
          setCreating(false);
          if (response) setCreated(response);
        }}
      />
      <SecretOnceModal
        title={t('admin.tokens.secretTitle')}
        description={t('admin.tokens.secretText', { name: created?.item.name ?? '' })}
        secret={created?.token ?? null}
        onClose={() => setCreated(null)}
      />
    </Card>
  );
}

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  if (token.revokedAt) return <Tag>{t('admin.tokens.revoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt) <= new Date())
    return <Tag color="warning">{t('admin.tokens.expired')}</Tag>;
  return <Tag color="success">{t('admin.tokens.valid')}</Tag>;
}

type CreateTokenForm = Omit<CreateTokenRequest, 'expiresAt'> & { expiresAt?: Dayjs | null };

function CreateTokenModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: (created?: CreateTokenResponse) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateToken();
  return (
    <FormModal<CreateTokenForm>
      open={open}
      name="createToken"
      title={t('admin.tokens.create')}
      okText={t('ui.create')}
      serverFields={['name', 'assignments', 'expiresAt']}
      pending={create.isPending}
      initialValues={{ assignments: [{}] }}
      onSubmit={({ expiresAt, ...values }, showProblem) =>
        create.mutate(
          { ...values, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) },
          { onSuccess: onClose, onError: showProblem },
        )
      }
      onClose={() => onClose()}
    >
      <Form.Item
        name="name"
        label={t('admin.tokens.name')}
        extra={t('admin.tokens.nameHelp')}
        rules={[{ required: true, whitespace: true, message: t('admin.tokens.nameRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" autoFocus />
      </Form.Item>
      <RoleAtUnitFields name="assignments" required />
      <Form.Item name="expiresAt" label={t('admin.tokens.expiresAt')} extra={t('admin.tokens.expiresHelp')}>
        <DatePicker
          showTime
          disabledDate={(day) => day.isBefore(new Date(), 'day')}
          className="sgf-full-width"
          placeholder={t('admin.tokens.noExpiry')}
        />
      </Form.Item>
    </FormModal>
  );
}
