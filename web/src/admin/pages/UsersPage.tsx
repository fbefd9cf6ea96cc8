// 用户: search and filter users, page through them, and act on each (edit, role assignments,
// deactivate/reactivate, unlock, reset password). New users and reset passwords get a one-time
// password that is shown once.
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { CursorPager } from '../../ui/CursorPager';
import { SecretOnceModal } from '../../ui/SecretOnceModal';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { useNotifyProblem } from '../../ui/use-notify-problem';
import type { AdminUser, UserFilters } from '../admin-types';
import { AssignmentsDrawer } from '../components/AssignmentsDrawer';
import { CreateUserModal, EditUserModal } from '../components/UserModals';
import { RoleSelect } from '../components/RoleSelect';
import { UnitTreeSelect } from '../components/UnitTreeSelect';
import { useResetPassword, useUnlockUser, useUpdateUser, useUsers } from '../hooks/use-users';

interface OneTimeSecret {
  username: string;
  password: string;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<UserFilters>({});
  const pages = useCursorPages(JSON.stringify(filters));
  const users = useUsers(filters, pages.cursor);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [assigningId, setAssigningId] = useState<string | null>(null);
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const items = users.data?.items ?? [];
  const assigning = items.find((user) => user.id === assigningId) ?? null;

  const columns: TableColumnsType<AdminUser> = [
    { title: t('admin.users.username'), dataIndex: 'username', width: 140 },
    { title: t('admin.users.displayName'), dataIndex: 'displayName', width: 180 },
    {
      title: t('admin.users.roles'),
      key: 'roles',
      render: (_value, user) => (
        <Flex gap={4} wrap>
          {user.assignments.map((a) => (
            <Tag key={a.id}>
              {t(`roles.${a.role}`)} · {a.unitName}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('admin.users.status'),
      key: 'status',
      width: 150,
      render: (_value, user) => <UserStatus user={user} />,
    },
    {
      title: t('admin.users.actions'),
      key: 'actions',
      width: 330,
      render: (_value, user) => (
        <UserActions
          user={user}
          onEdit={() => setEditing(user)}
          onAssign={() => setAssigningId(user.id)}
          onPassword={(password) => setSecret({ username: user.username, password })}
        />
      ),
    },
  ];

  return (
    <Card
      title={<h2 className="sgf-card-title">{t('admin.sections.users')}</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('admin.users.create')}
        </Button>
      }
    >
      <UserFilterBar onChange={setFilters} />
      <Table<AdminUser>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={users.isFetching}
        pagination={false}
        size="middle"
        scroll={{ x: 960 }}
      />
      <CursorPager pages={pages} nextCursor={users.data?.nextCursor} />
      <CreateUserModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) setSecret({ username: created.user.username, password: created.oneTimePassword });
        }}
      />
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
      <AssignmentsDrawer user={assigning} onClose={() => setAssigningId(null)} />
      <SecretOnceModal
        title={t('admin.users.oneTimePasswordTitle')}
        description={t('admin.users.oneTimePasswordText', { username: secret?.username ?? '' })}
        secret={secret?.password ?? null}
        onClose={() => setSecret(null)}
      />
    </Card>
  );
}

interface FilterForm {
  q?: string;
  unitId?: string;
  role?: Role;
  active?: 'true' | 'false';
}

function UserFilterBar({ onChange }: { onChange: (filters: UserFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const apply = () => {
    const { q, unitId, role, active } = form.getFieldsValue();
    onChange({
      ...(q?.trim() ? { q: q.trim() } : {}),
      ...(unitId ? { unitId } : {}),
      ...(role ? { role } : {}),
      ...(active ? { active: active === 'true' } : {}),
    });
  };
  return (
    <Form<FilterForm>
      name="userFilters"
      form={form}
      layout="inline"
      className="sgf-filters"
      // The search text applies on Enter or the search button, not on every keystroke.
      onValuesChange={(changed: Partial<FilterForm>) => {
        if (!('q' in changed)) apply();
      }}
    >
      <Form.Item name="q" label={t('admin.users.search')}>
        <Input.Search allowClear placeholder={t('admin.users.searchPlaceholder')} onSearch={apply} />
      </Form.Item>
      <Form.Item name="unitId" label={t('admin.users.unit')}>
        <UnitTreeSelect allowClear className="sgf-filter-unit" />
      </Form.Item>
      <Form.Item name="role" label={t('admin.users.role')}>
        <RoleSelect allowClear className="sgf-filter-role" />
      </Form.Item>
      <Form.Item name="active" label={t('admin.users.status')}>
        <Select
          allowClear
          className="sgf-filter-status"
          placeholder={t('admin.users.anyStatus')}
          options={[
            { value: 'true', label: t('admin.users.active') },
            { value: 'false', label: t('admin.users.inactive') },
          ]}
        />
      </Form.Item>
    </Form>
  );
}

function UserStatus({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {user.active ? (
        <Tag color="success">{t('admin.users.active')}</Tag>
      ) : (
        <Tag>{t('admin.users.inactive')}</Tag>
      )}
      {user.locked && <Tag color="error">{t('admin.users.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="warning">{t('admin.users.mustChange')}</Tag>}
      {user.kind === 'service' && <Tag color="purple">{t('admin.users.service')}</Tag>}
    </Flex>
  );
}

interface UserActionsProps {
  user: AdminUser;
  onEdit: () => void;
  onAssign: () => void;
  onPassword: (password: string) => void;
}

function UserActions({ user, onEdit, onAssign, onPassword }: UserActionsProps) {
  const { t } = useTranslation();
  const notify = useNotifyProblem();
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const reset = useResetPassword();
  const name = user.displayName;
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit} aria-label={t('admin.users.editOf', { name })}>
        {t('admin.users.edit')}
      </Button>
      <Button type="link" size="small" onClick={onAssign} aria-label={t('admin.users.assignOf', { name })}>
        {t('admin.users.assign')}
      </Button>
      <Popconfirm
        title={
          user.active
            ? t('admin.users.deactivateConfirm', { name })
            : t('admin.users.reactivateConfirm', { name })
        }
        okText={t('ui.confirm')}
        cancelText={t('ui.cancel')}
        onConfirm={() => update.mutate({ user, changes: { active: !user.active } }, { onError: notify })}
      >
        <Button
          type="link"
          size="small"
          danger={user.active}
          aria-label={t(user.active ? 'admin.users.deactivateOf' : 'admin.users.reactivateOf', { name })}
        >
          {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
        </Button>
      </Popconfirm>
      {user.locked && (
        <Button
          type="link"
          size="small"
          loading={unlock.isPending}
          onClick={() => unlock.mutate(user.id)}
          aria-label={t('admin.users.unlockOf', { name })}
        >
          {t('admin.users.unlock')}
        </Button>
      )}
      <Popconfirm
        title={t('admin.users.resetConfirm', { name })}
        okText={t('ui.confirm')}
        cancelText={t('ui.cancel')}
        onConfirm={() =>
          reset.mutate(user.id, { onSuccess: ({ oneTimePassword }) => onPassword(oneTimePassword) })
        }
      >
        <Button type="link" size="small" aria-label={t('admin.users.resetOf', { name })}>
          {t('admin.users.reset')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
