// Event handlers have no node, so the canvas says in its corner that the process has some (and how
// many); a click opens them in the process panel.
import { ThunderboltOutlined } from '@ant-design/icons';
import { Panel } from '@xyflow/react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/DesignerStoreContext';

export function EventHandlersBadge() {
  const { t } = useTranslation();
  const count = useDesigner((state) => state.definition.eventHandlers.length);
  const openProcessItem = useDesigner((state) => state.openProcessItem);
  if (count === 0) return null;
  return (
    <Panel position="top-left">
      <Button
        size="small"
        icon={<ThunderboltOutlined />}
        title={t('designer.process.handler.badgeLabel', { count })}
        onClick={() => openProcessItem({ section: 'eventHandlers' })}
      >
        {t('designer.process.handler.badge', { count })}
      </Button>
    </Panel>
  );
}
