// Picks a unit from the tree the admin sees, searchable by name; used by every admin form and filter.
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../hooks/use-units';
import { buildUnitTree, type UnitNode } from '../unit-tree';

type UnitTreeSelectProps = Omit<TreeSelectProps<string>, 'treeData'> & {
  /** Inactive units stay visible (they hold the tree together) but cannot be picked, e.g. for a new role. */
  activeOnly?: boolean;
};

export function UnitTreeSelect({ activeOnly = false, ...props }: UnitTreeSelectProps) {
  const { t } = useTranslation();
  const units = useUnits();
  const treeData = useMemo(() => {
    const mark = (nodes: UnitNode[]): Array<UnitNode & { disabled: boolean }> =>
      nodes.map((node) => ({
        ...node,
        title: node.unit.active ? node.title : `${node.title}（${t('admin.units.inactive')}）`,
        disabled: activeOnly && !node.unit.active,
        children: mark(node.children),
      }));
    return mark(buildUnitTree(units.data ?? []));
  }, [units.data, activeOnly, t]);
  return (
    <TreeSelect<string>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={units.isPending}
      placeholder={t('admin.units.pick')}
      popupMatchSelectWidth={false}
      {...props}
      treeData={treeData}
    />
  );
}
