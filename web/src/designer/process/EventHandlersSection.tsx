// 事件处理: the process's handlers of external events, which have no node on the canvas. Each card
// opens into the handler's editor; a problem about a handler opens this section at it.
import { DeleteOutlined, DownOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
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
      {handlers.map((handler, index) => {
        const title = handler.name || handler.event || t('designer.process.handler.untitled');
        const expanded = open.includes(handler.id);
        return (
          <Card
            key={handler.id}
            id={`sgf-handler-${index}`}
            size="small"
            className={focus?.index === index ? 'sgf-designer-focused' : undefined}
            title={
              <Button
                type="text"
                size="small"
                icon={expanded ? <DownOutlined /> : <RightOutlined />}
                aria-expanded={expanded}
                onClick={() =>
                  setOpen((current) =>
                    expanded ? current.filter((id) => id !== handler.id) : [...current, handler.id],
                  )
                }
              >
                {title}
              </Button>
            }
            extra={
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('designer.process.handler.remove', { name: title })}
                onClick={() => patch({ eventHandlers: handlers.filter((_, at) => at !== index) })}
              />
            }
          >
            {expanded && <HandlerEditor index={index} />}
          </Card>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={add}>
        {t('designer.process.handler.add')}
      </Button>
    </Space>
  );
}
