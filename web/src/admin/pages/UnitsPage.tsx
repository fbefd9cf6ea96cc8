// 组织机构: the unit tree on the left; the chosen unit's details and actions (new child unit, rename,
// move, deactivate or reactivate) on the right.
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Tag,
  Tree,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../admin-types';
import { MoveUnitModal, RenameUnitModal, UnitHeadModal, useUnitStaff } from '../components/EditUnitModals';
import { CreateUnitModal } from '../components/CreateUnitModal';
import { UnitKindTag } from '../components/UnitKindTag';
import { useUnits, useUpdateUnit } from '../hooks/use-units';
import { buildUnitTree, unitPath, type UnitNode } from '../unit-tree';
import { useNotifyProblem } from '../../ui/use-notify-problem';

type Dialog = 'create' | 'rename' | 'move' | 'head' | null;

export default function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useMemo(() => units.data ?? [], [units.data]);
  const tree = useMemo(() => buildUnitTree(list), [list]);
  const selected = list.find((unit) => unit.id === selectedId) ?? null;

  const renderTitle = (node: UnitNode) => (
    <Space size={4} className={node.unit.active ? undefined : 'sgf-inactive'}>
      <span>{node.unit.name}</span>
      <UnitKindTag kind={node.unit.kind} />
      {!node.unit.active && <Tag>{t('admin.units.inactive')}</Tag>}
    </Space>
  );

  return (
    <Row gutter={16}>
      <Col xs={24} lg={11}>
        <Card title={<h2 className="sgf-card-title">{t('admin.units.tree')}</h2>}>
          {units.isPending ? (
            <Skeleton active />
          ) : (
            <Tree<UnitNode>
              treeData={tree}
              defaultExpandAll
              blockNode
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => setSelectedId((keys[0] as string | undefined) ?? null)}
              titleRender={renderTitle}
              aria-label={t('admin.units.tree')}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        {selected ? (
          <UnitDetails unit={selected} units={list} onOpen={setDialog} />
        ) : (
          <Card>
            <Empty description={t('admin.units.chooseUnit')} />
          </Card>
        )}
      </Col>
      {selected && (
        <>
          <CreateUnitModal
            open={dialog === 'create'}
            parent={selected}
            onClose={(created) => {
              setDialog(null);
              if (created) setSelectedId(created.id);
            }}
          />
          <RenameUnitModal open={dialog === 'rename'} unit={selected} onClose={() => setDialog(null)} />
          <MoveUnitModal open={dialog === 'move'} unit={selected} onClose={() => setDialog(null)} />
          <UnitHeadModal open={dialog === 'head'} unit={selected} onClose={() => setDialog(null)} />
        </>
      )}
    </Row>
  );
}

function UnitDetails({
  unit,
  units,
  onOpen,
}: {
  unit: Unit;
  units: Unit[];
  onOpen: (dialog: Dialog) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUnit();
  const notify = useNotifyProblem();
  const parentPath = unit.parentId ? unitPath(units, unit.parentId).join(' / ') : t('admin.units.noParent');
  const head = useUnitStaff(unit.id).find((user) => user.id === unit.headId);
  const toggleActive = () => update.mutate({ unit, changes: { active: !unit.active } }, { onError: notify });

  return (
    <Card
      title={<h2 className="sgf-card-title">{unit.name}</h2>}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => onOpen('create')}
          disabled={!unit.active}
        >
          {t('admin.units.createChild')}
        </Button>
      }
    >
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('admin.units.code')}>{unit.code}</Descriptions.Item>
        <Descriptions.Item label={t('admin.units.name')}>{unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('admin.units.kind')}>
          <UnitKindTag kind={unit.kind} />
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.units.parent')}>{parentPath}</Descriptions.Item>
        <Descriptions.Item label={t('assignees.head')}>
          {head?.displayName ?? (unit.headId ? unit.headId : t('assignees.noHead'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.units.status')}>
          {unit.active ? (
            <Tag color="success">{t('admin.units.active')}</Tag>
          ) : (
            <Tag>{t('admin.units.inactive')}</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Flex gap="small" wrap className="sgf-actions">
        <Button onClick={() => onOpen('rename')}>{t('admin.units.rename')}</Button>
        <Button onClick={() => onOpen('move')} disabled={!unit.parentId}>
          {t('admin.units.move')}
        </Button>
        <Button onClick={() => onOpen('head')}>{t('assignees.setHead')}</Button>
        <Popconfirm
          title={unit.active ? t('admin.units.deactivateConfirm') : t('admin.units.reactivateConfirm')}
          onConfirm={toggleActive}
          okText={t('ui.confirm')}
          cancelText={t('ui.cancel')}
        >
          <Button danger={unit.active} loading={update.isPending}>
            {unit.active ? t('admin.units.deactivate') : t('admin.units.reactivate')}
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
}
