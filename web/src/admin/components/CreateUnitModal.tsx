// 新建下级单位: a child of the chosen unit with its own code, name and kind.
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { UNIT_KINDS, type CreateUnitRequest, type Unit, type UnitKind } from '../admin-types';
import { useCreateUnit } from '../hooks/use-units';

type CreateUnitForm = Omit<CreateUnitRequest, 'parentId'>;

// What usually sits below a unit: stations below a county centre, rooms below a station.
const CHILD_KIND: Record<UnitKind, UnitKind> = { county_center: 'station', station: 'room', room: 'room' };

export function CreateUnitModal({
  open,
  parent,
  onClose,
}: {
  open: boolean;
  parent: Unit;
  onClose: (created?: Unit) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUnit();
  return (
    <FormModal<CreateUnitForm>
      open={open}
      name="createUnit"
      title={t('admin.units.createChildOf', { parent: parent.name })}
      okText={t('ui.create')}
      serverFields={['code', 'name', 'kind']}
      pending={create.isPending}
      initialValues={{ kind: CHILD_KIND[parent.kind], code: `${parent.code}-` }}
      onSubmit={(values, showProblem) =>
        create.mutate({ ...values, parentId: parent.id }, { onSuccess: onClose, onError: showProblem })
      }
      onClose={() => onClose()}
    >
      <Form.Item
        name="code"
        label={t('admin.units.code')}
        extra={t('admin.units.codeHelp')}
        rules={[{ required: true, whitespace: true, message: t('admin.units.codeRequired') }]}
      >
        <Input maxLength={40} autoFocus />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('admin.units.name')}
        rules={[{ required: true, whitespace: true, message: t('admin.units.nameRequired') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('admin.units.kind')} rules={[{ required: true }]}>
        <Select
          options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`admin.units.kinds.${kind}`) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
