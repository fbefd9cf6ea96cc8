// 事件处理: the process's handlers of external events, which have no node on the canvas. Each opens
// into its editor; a problem about a handler (or the canvas's badge) opens this section at it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Collapse, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/DesignerStoreContext';
import { newHandler } from '../store/process-edits.js';
import { HandlerEditor } from './HandlerEditor';
import type { ItemFocus } from './process-items.js';
import { useItemFocus } from './use-item-focus.js';

export function EventHandlersSection({ focus }: { focus: ItemFocus | undefined }) {
  const { t } = useTranslation();
  const handlers = useDesigner((state) => state.definition.eventHandlers);
  const patch = useDesigner((state) => state.patchDefinition);
  // Handlers are keyed by id in the list: an index would open another handler after a removal.
  const [open, setOpen] = useState<string[]>([]);
  const focusedId = focus?.index === undefined ? undefined : handlers[focus.index]?.id;
  useEffect(() => {
    if (focusedId !== undefined)
      setOpen((current) => (current.includes(focusedId) ? current : [...current, focusedId]));
  }, [focusedId, focus?.request]);
  useItemFocus(focus, 'sgf-handler');
  const add = () => {
    const handler = newHandler(handlers);
    patch({ eventHandlers: [...handlers, handler] });
    setOpen((current) => [...current, handler.id]);
  };
  return (
    <Space direction="vertical" className="sgf-designer-stack">
      <Typography.Paragraph>{t('designer.process.handler.help')}</Typography.Paragraph>
      {handlers.length > 0 && (
        <Collapse
          size="small"
          activeKey={open}
          onChange={(keys) => setOpen(keys)}
          items={handlers.map((handler, index) => {
            const title = handler.name || handler.event || t('designer.process.handler.untitled');
            return {
              key: handler.id,
              id: `sgf-handler-${index}`,
              className: focus?.index === index ? 'sgf-designer-focused' : undefined,
              label: title,
              extra: (
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('designer.process.handler.remove', { name: title })}
                  onClick={(event) => {
                    event.stopPropagation();
                    patch({ eventHandlers: handlers.filter((_, at) => at !== index) });
                  }}
                />
              ),
              children: <HandlerEditor index={index} />,
            };
          })}
        />
      )}
      <Button icon={<PlusOutlined />} onClick={add}>
        {t('designer.process.handler.add')}
      </Button>
    </Space>
  );
}
