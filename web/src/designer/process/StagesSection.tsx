// 阶段: the process's phases in the order a project's stage bar shows them. A stage's id is made from
// its name when it is added and never changes (nodes name it); renaming edits the name only. Removing
// a stage that nodes belong to asks first and takes it off those nodes in the same undoable step.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../workflows/engine/definition-schema.js';
import { useDesigner } from '../store/DesignerStoreContext';
import { moveItem, patchItem, stageIdFor, stageNodeCounts } from '../store/process-edits.js';
import type { ItemFocus } from './process-items.js';
import { useItemFocus } from './use-item-focus.js';

export function StagesSection({ focus }: { focus: ItemFocus | undefined }) {
  const { t } = useTranslation();
  const definition = useDesigner((state) => state.definition);
  const patch = useDesigner((state) => state.patchDefinition);
  const removeStage = useDesigner((state) => state.removeStage);
  const [newName, setNewName] = useState('');
  useItemFocus(focus, 'sgf-stage');
  const { stages } = definition;
  const counts = stageNodeCounts(definition);
  const add = () => {
    const name = newName.trim();
    if (!name) return;
    const id = stageIdFor(name, new Set(stages.map((stage) => stage.id)));
    patch({ stages: [...stages, { id, name }] });
    setNewName('');
  };
  const move = (from: number, to: number) => patch({ stages: moveItem(stages, from, to) });

  return (
    <Space direction="vertical" className="sgf-designer-stack">
      <Typography.Paragraph>{t('designer.process.stage.help')}</Typography.Paragraph>
      {stages.length > 0 && (
        <List<Stage>
          size="small"
          bordered
          dataSource={stages}
          rowKey="id"
          renderItem={(stage, index) => {
            const used = counts.get(stage.id) ?? 0;
            const remove = (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('designer.process.stage.remove', { name: stage.name })}
                onClick={used === 0 ? () => removeStage(stage.id) : undefined}
              />
            );
            return (
              <List.Item
                id={`sgf-stage-${index}`}
                className={focus?.index === index ? 'sgf-designer-focused' : undefined}
              >
                <Space direction="vertical" className="sgf-designer-stack">
                  <Input
                    aria-label={t('designer.process.stage.name', { index: index + 1 })}
                    value={stage.name}
                    onChange={(event) =>
                      patch(
                        { stages: patchItem(stages, index, { name: event.target.value }) },
                        `sgf-stage-${stage.id}-name`,
                      )
                    }
                  />
                  <Space>
                    <Typography.Text code>{stage.id}</Typography.Text>
                    <Tag>{t('designer.process.stage.nodes', { count: used })}</Tag>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      aria-label={t('designer.process.stage.up', { name: stage.name })}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={index === stages.length - 1}
                      aria-label={t('designer.process.stage.down', { name: stage.name })}
                      onClick={() => move(index, index + 1)}
                    />
                    {used === 0 ? (
                      remove
                    ) : (
                      <Popconfirm
                        title={t('designer.process.stage.removeUsed', { count: used, name: stage.name })}
                        okText={t('designer.process.stage.removeConfirm')}
                        cancelText={t('designer.process.stage.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => removeStage(stage.id)}
                      >
                        {remove}
                      </Popconfirm>
                    )}
                  </Space>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
      <Space.Compact block>
        <Input
          aria-label={t('designer.process.stage.newName')}
          placeholder={t('designer.process.stage.newName')}
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
          onPressEnter={add}
        />
        <Button icon={<PlusOutlined />} onClick={add} disabled={!newName.trim()}>
          {t('designer.process.stage.add')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
