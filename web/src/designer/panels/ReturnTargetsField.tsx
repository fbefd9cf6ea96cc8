// 退回 targets of a task, approval or review: the earlier task nodes (those the work can have passed
// through on its way here, from the graph) its holder may send the work back to.
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { earlierTaskNodes } from '../store/earlier-task-nodes.js';
import { useDesigner } from '../store/DesignerStoreContext';
import { Field } from './panel-fields';

export function ReturnTargetsField({
  nodeId,
  value,
  onChange,
}: {
  nodeId: string;
  value: readonly string[] | undefined;
  /** undefined when none is chosen: the schema wants at least one target or no property. */
  onChange: (returnTo: string[] | undefined) => void;
}) {
  const { t } = useTranslation();
  const nodes = useDesigner((state) => state.definition.nodes);
  const edges = useDesigner((state) => state.definition.edges);
  const earlier = useMemo(() => earlierTaskNodes({ nodes, edges }, nodeId), [nodes, edges, nodeId]);
  const chosen = [...(value ?? [])];
  // A target that is no longer earlier (an edge was removed) stays visible so it can be taken out.
  const stale = chosen.filter((id) => !earlier.some((node) => node.id === id));
  const nameOf = (id: string) => nodes.find((node) => node.id === id)?.name ?? id;
  return (
    <Field
      label={t('designer.nodePanels.returnTo')}
      htmlFor="sgf-prop-return-to"
      help={t(earlier.length === 0 ? 'designer.nodePanels.returnToNone' : 'designer.nodePanels.returnToHelp')}
    >
      <Select<string[]>
        id="sgf-prop-return-to"
        mode="multiple"
        allowClear
        disabled={earlier.length === 0 && stale.length === 0}
        value={chosen}
        onChange={(ids) => onChange(ids.length > 0 ? ids : undefined)}
        showSearch={{ optionFilterProp: 'label' }}
        options={[
          ...earlier.map((node) => ({ value: node.id, label: node.name })),
          ...stale.map((id) => ({
            value: id,
            label: t('designer.nodePanels.returnToNotEarlier', { name: nameOf(id) }),
          })),
        ]}
      />
    </Field>
  );
}
