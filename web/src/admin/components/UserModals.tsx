// 新建用户 (username, name, first roles; the server answers with a one-time password) and 编辑用户
// (display name, sent with the revision the list loaded).
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import type { AdminUser, CreateUserRequest, CreateUserResponse } from '../admin-types';
import { useCreateUser, useUpdateUser } from '../hooks/use-users';
import { RoleAtUnitFields } from './RoleAtUnitFields';

export function CreateUserModal({
  open,
  onClose,
}: {
  open: boolean;
  onClose: (created?: CreateUserResponse) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  return (
    <FormModal<CreateUserRequest>
      open={open}
      name="createUser"
      title={t('admin.users.create')}
      okText={t('ui.create')}
      serverFields={['username', 'displayName', 'assignments']}
      pending={create.isPending}
      initialValues={{ assignments: [] }}
      onSubmit={(values, showProblem) => create.mutate(values, { onSuccess: onClose, onError: showProblem })}
      onClose={() => onClose()}
    >
      <Form.Item
        name="username"
        label={t('admin.users.username')}
        extra={t('admin.users.usernameHelp')}
        rules={[{ required: true, whitespace: true, message: t('admin.users.usernameRequired') }]}
      >
        <Input maxLength={50} autoComplete="off" autoFocus />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('admin.users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('admin.users.displayNameRequired') }]}
      >
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <RoleAtUnitFields name="assignments" required={false} />
    </FormModal>
  );
}

export function EditUserModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  return (
    <FormModal<{ displayName: string }>
      open
      name="editUser"
      title={t('admin.users.editTitle', { username: user.username })}
      serverFields={['displayName']}
      pending={update.isPending}
      initialValues={{ displayName: user.displayName }}
      onSubmit={(changes, showProblem) =>
        update.mutate({ user, changes }, { onSuccess: onClose, onError: showProblem })
      }
      onClose={onClose}
    >
      <Form.Item
        name="displayName"
        label={t('admin.users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('admin.users.displayNameRequired') }]}
      >
        <Input maxLength={100} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
