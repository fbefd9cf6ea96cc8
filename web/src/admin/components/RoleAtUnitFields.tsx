// A list of "role at unit" rows inside a form (a new user's first roles, an API token's grants).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleSelect } from './RoleSelect';
import { UnitTreeSelect } from './UnitTreeSelect';

export function RoleAtUnitFields({ name, required }: { name: string; required: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name={name}
      rules={
        required
          ? [
              {
                validator: (_rule, rows: unknown[] | undefined) =>
                  rows?.length ? Promise.resolve() : Promise.reject(new Error(t('admin.roles.atLeastOne'))),
              },
            ]
          : []
      }
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('admin.roles.assignments')} required={required}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap="small" align="start">
              <Form.Item
                name={[field.name, 'role']}
                label={t('admin.roles.role')}
                rules={[{ required: true, message: t('admin.roles.roleRequired') }]}
                className="sgf-inline-field"
              >
                <RoleSelect aria-label={`${t('admin.roles.role')} ${index + 1}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'unitId']}
                label={t('admin.roles.unit')}
                rules={[{ required: true, message: t('admin.roles.unitRequired') }]}
                className="sgf-inline-field sgf-grow"
              >
                <UnitTreeSelect activeOnly aria-label={`${t('admin.roles.unit')} ${index + 1}`} />
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('admin.roles.removeRow', { row: index + 1 })}
                onClick={() => remove(field.name)}
                className="sgf-row-remove"
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
            {t('admin.roles.addRow')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
