// Ctrl+F: find a node by its name or id and jump to it.
import { Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/DesignerStoreContext';
import { useFocusElement } from './use-focus-element';

export function FindNodeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const nodes = useDesigner((state) => state.definition.nodes);
  const focus = useFocusElement();
  return (
    <Modal open={open} title={t('designer.find.title')} footer={null} onCancel={onClose} destroyOnHidden>
      <Select<string>
        aria-label={t('designer.find.label')}
        autoFocus
        defaultOpen
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('designer.find.placeholder')}
        className="sgf-designer-find"
        options={nodes.map((node) => ({ value: node.id, label: `${node.name} (${node.id})` }))}
        onChange={(nodeId) => {
          onClose();
          focus({ nodeId });
        }}
      />
    </Modal>
  );
}
