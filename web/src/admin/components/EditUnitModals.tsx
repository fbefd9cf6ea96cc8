// 重命名, 移动 and 负责人 of a unit: each PATCHes the unit with the revision the page loaded (If-Match).
// A move that would put a unit below itself is refused by the server; its error shows on the field.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { PersonSelect } from '../../ui/PersonSelect';
import type { Unit } from '../admin-types';
import { useUpdateUnit } from '../hooks/use-units';
import { useUsers } from '../hooks/use-users';
import { UnitTreeSelect } from './UnitTreeSelect';

interface EditUnitModalProps {
  open: boolean;
  unit: Unit;
  onClose: () => void;
}

export function RenameUnitModal({ open, unit, onClose }: EditUnitModalProps) {
  const { t } = useTranslation();
  const update = useUpdateUnit();
  return (
    <FormModal<{ name: string }>
      open={open}
      name="renameUnit"
      title={t('admin.units.renameTitle', { name: unit.name })}
      serverFields={['name']}
      pending={update.isPending}
      initialValues={{ name: unit.name }}
      onSubmit={(changes, showProblem) =>
        update.mutate({ unit, changes }, { onSuccess: onClose, onError: showProblem })
      }
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('admin.units.newName')}
        rules={[{ required: true, whitespace: true, message: t('admin.units.nameRequired') }]}
      >
        <Input maxLength={100} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

export function MoveUnitModal({ open, unit, onClose }: EditUnitModalProps) {
  const { t } = useTranslation();
  const update = useUpdateUnit();
  return (
    <FormModal<{ parentId: string }>
      open={open}
      name="moveUnit"
      title={t('admin.units.moveTitle', { name: unit.name })}
      okText={t('admin.units.move')}
      serverFields={['parentId']}
      pending={update.isPending}
      initialValues={unit.parentId ? { parentId: unit.parentId } : {}}
      onSubmit={(changes, showProblem) =>
        update.mutate({ unit, changes }, { onSuccess: onClose, onError: showProblem })
      }
      onClose={onClose}
    >
      <Form.Item
        name="parentId"
        label={t('admin.units.newParent')}
        rules={[{ required: true, message: t('admin.units.parentRequired') }]}
      >
        <UnitTreeSelect />
      </Form.Item>
    </FormModal>
  );
}

/** The active people holding a role at the unit: the ones who may head it (the server checks again). */
export function useUnitStaff(unitId: string) {
  const users = useUsers({ unitId, active: true }, undefined);
  return (users.data?.items ?? []).filter((user) => user.kind === 'person');
}

/** 负责人: the person `unitHead` steps of processes started here (and below) reach; cleared: none. */
export function UnitHeadModal({ open, unit, onClose }: EditUnitModalProps) {
  const { t } = useTranslation();
  const update = useUpdateUnit();
  const staff = useUnitStaff(unit.id);
  return (
    <FormModal<{ headId?: string }>
      open={open}
      name="unitHead"
      title={t('assignees.headTitle', { name: unit.name })}
      serverFields={['headId']}
      pending={update.isPending}
      initialValues={unit.headId ? { headId: unit.headId } : {}}
      onSubmit={(values, showProblem) =>
        update.mutate(
          { unit, changes: { headId: values.headId ?? null } },
          { onSuccess: onClose, onError: showProblem },
        )
      }
      onClose={onClose}
    >
      <Form.Item name="headId" label={t('assignees.head')} extra={t('assignees.headHelp')}>
        <PersonSelect people={staff} nobody={t('assignees.nobodyAtUnit')} />
      </Form.Item>
    </FormModal>
  );
}
