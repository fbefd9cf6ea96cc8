// Ctrl+F: find a node by its name or id and jump to it. Keyboard focus goes to the found node, not
// back to whatever had it before the dialog: React Flow pans to a focused node, so restoring focus to
// an old node would pan the view away from the one found.
import { Modal, Select } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/DesignerStoreContext';
import { useFocusElement } from './use-focus-element';

export function FindNodeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const nodes = useDesigner((state) => state.definition.nodes);
  const focus = useFocusElement();
  const found = useRef<string | null>(null);
  return (
    <Modal
      open={open}
      title={t('designer.find.title')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      focusTriggerAfterClose={false}
      afterClose={() => {
        if (found.current)
          document
            .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(found.current)}"]`)
            ?.focus();
        found.current = null;
      }}
    >
      <Select<string>
        aria-label={t('designer.find.label')}
        autoFocus
        defaultOpen
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('designer.find.placeholder')}
        className="sgf-designer-find"
        options={nodes.map((node) => ({ value: node.id, label: `${node.name} (${node.id})` }))}
        onChange={(nodeId) => {
          found.current = nodeId;
          onClose();
          focus({ nodeId });
        }}
      />
    </Modal>
  );
}
