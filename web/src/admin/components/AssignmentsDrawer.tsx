// 角色分配: one user's roles at units; add a role at a unit, remove one.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Form, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormProblem } from '../../ui/use-form-problem';
import type { AdminUser, RoleAtUnit } from '../admin-types';
import { useAddAssignment, useRemoveAssignment } from '../hooks/use-users';
import { RoleSelect } from './RoleSelect';
import { UnitTreeSelect } from './UnitTreeSelect';

export function AssignmentsDrawer({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      size={520}
      title={user ? t('admin.assignments.title', { name: user.displayName }) : ''}
      destroyOnHidden
    >
      {user && <AssignmentsEditor user={user} />}
    </Drawer>
  );
}

function AssignmentsEditor({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const add = useAddAssignment();
  const remove = useRemoveAssignment();
  const [form] = Form.useForm<RoleAtUnit>();
  const problem = useFormProblem(form, ['role', 'unitId']);

  const submit = (assignment: RoleAtUnit) => {
    problem.clear();
    add.mutate(
      { userId: user.id, assignment },
      { onSuccess: () => form.resetFields(), onError: problem.show },
    );
  };

  return (
    <>
      <Typography.Title level={5}>{t('admin.assignments.current')}</Typography.Title>
      <List
        bordered
        dataSource={user.assignments}
        locale={{ emptyText: <Empty description={t('admin.assignments.none')} /> }}
        renderItem={(assignment) => {
          const label = `${t(`roles.${assignment.role}`)} · ${assignment.unitName}`;
          return (
            <List.Item
              actions={[
                <Popconfirm
                  key="remove"
                  title={t('admin.assignments.removeConfirm', { assignment: label })}
                  okText={t('ui.confirm')}
                  cancelText={t('ui.cancel')}
                  onConfirm={() => remove.mutate({ userId: user.id, assignmentId: assignment.id })}
                >
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('admin.assignments.removeOf', { assignment: label })}
                  />
                </Popconfirm>,
              ]}
            >
              {label}
            </List.Item>
          );
        }}
      />
      <Typography.Title level={5} className="sgf-section-title">
        {t('admin.assignments.add')}
      </Typography.Title>
      {problem.alert}
      <Form<RoleAtUnit> name="addAssignment" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="role"
          label={t('admin.roles.role')}
          rules={[{ required: true, message: t('admin.roles.roleRequired') }]}
        >
          <RoleSelect />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('admin.roles.unit')}
          rules={[{ required: true, message: t('admin.roles.unitRequired') }]}
        >
          <UnitTreeSelect activeOnly />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
          {t('admin.assignments.addButton')}
        </Button>
      </Form>
    </>
  );
}
