// One event handler's editor: the event it answers and its label, whether it interrupts, the node its
// path starts at and the nodes it waits for, a FEEL condition over the variables and `payload`, where
// the payload goes, the variables it sets, and the payload's fields (a form, as a task declares one).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventHandler, NodeKind } from '../../../../workflows/engine/definition-schema.js';
import { knownVariables } from '../../../../workflows/engine/validate-definition.js';
import { FeelInput } from '../panels/FeelInput';
import { FormFieldsEditor } from '../panels/FormFieldsEditor';
import { CommitField, Field, TextField } from '../panels/panel-fields';
import { freshId } from '../store/node-kinds.js';
import { useDesigner } from '../store/DesignerStoreContext';
import { isIdentifier, patchItem } from '../store/process-edits.js';

/** Nodes a path can wait at (a handler's `activeIn`): the others pass a token on at once. */
const WAITING_KINDS: ReadonlySet<NodeKind> = new Set([
  'userTask',
  'approval',
  'review',
  'timer',
  'action',
  'subprocess',
  'parallel',
]);
/** What a new setVariables entry is set to until the admin writes its expression. */
const NEW_VALUE = 'null';

export function HandlerEditor({ index }: { index: number }) {
  const { t } = useTranslation();
  const definition = useDesigner((state) => state.definition);
  const patch = useDesigner((state) => state.patchDefinition);
  // A handler's expressions read the variables and the event's `payload`.
  const variables = useMemo(() => [...knownVariables(definition), 'payload'].sort(), [definition]);
  const handler = definition.eventHandlers[index];
  if (!handler) return null;
  const id = `sgf-handler-${index}`;
  const change = (next: Partial<EventHandler>, typing?: string) =>
    patch({ eventHandlers: patchItem(definition.eventHandlers, index, next) }, typing);
  const nodeOption = (node: (typeof definition.nodes)[number]) => ({
    value: node.id,
    label: `${node.name} (${node.id})`,
  });
  const sets = Object.entries(handler.setVariables ?? {});
  const writeSets = (entries: [string, string][]) =>
    change({ setVariables: entries.length > 0 ? Object.fromEntries(entries) : undefined });

  return (
    <Space direction="vertical" className="sgf-designer-stack">
      <Typography.Text code>{handler.id}</Typography.Text>
      <TextField
        id={`${id}-event`}
        label={t('designer.process.handler.event')}
        help={t('designer.process.handler.eventHelp')}
        value={handler.event}
        onChange={(event, typing) => change({ event }, typing)}
      />
      <TextField
        id={`${id}-name`}
        label={t('designer.process.handler.name')}
        value={handler.name}
        onChange={(name, typing) => change({ name: name || undefined }, typing)}
      />
      <Checkbox
        checked={handler.interrupting}
        onChange={(event) => change({ interrupting: event.target.checked })}
      >
        {t('designer.process.handler.interrupting')}
      </Checkbox>
      <Field
        label={t('designer.process.handler.target')}
        htmlFor={`${id}-target`}
        help={t('designer.process.handler.targetHelp')}
      >
        <Select<string>
          id={`${id}-target`}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={handler.target}
          onChange={(target) => change({ target: target || undefined })}
          options={definition.nodes.filter((node) => node.kind !== 'start').map(nodeOption)}
        />
      </Field>
      <Field
        label={t('designer.process.handler.activeIn')}
        htmlFor={`${id}-active-in`}
        help={t('designer.process.handler.activeInHelp')}
      >
        <Select<string[]>
          id={`${id}-active-in`}
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          value={handler.activeIn ?? []}
          onChange={(activeIn) => change({ activeIn: activeIn.length > 0 ? activeIn : undefined })}
          options={definition.nodes.filter((node) => WAITING_KINDS.has(node.kind)).map(nodeOption)}
        />
      </Field>
      <FeelInput
        id={`${id}-condition`}
        label={t('designer.process.handler.condition')}
        value={handler.condition}
        variables={variables}
        onChange={(condition, typing) => change({ condition }, typing)}
      />
      <TextField
        id={`${id}-payload-variable`}
        label={t('designer.process.handler.payloadVariable')}
        value={handler.payloadVariable}
        onChange={(name, typing) => change({ payloadVariable: name || undefined }, typing)}
      />
      <TextField
        id={`${id}-append-to`}
        label={t('designer.process.handler.appendPayloadTo')}
        value={handler.appendPayloadTo}
        onChange={(name, typing) => change({ appendPayloadTo: name || undefined }, typing)}
      />
      <Field label={t('designer.process.handler.setVariables')}>
        <Space direction="vertical" className="sgf-designer-stack">
          {sets.map(([name, expression], at) => (
            <Card
              key={at}
              size="small"
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('designer.process.handler.removeSet', { name })}
                  onClick={() => writeSets(sets.filter((_, other) => other !== at))}
                />
              }
              title={name}
            >
              <CommitField
                id={`${id}-set-${at}-name`}
                label={t('designer.process.handler.setName')}
                value={name}
                check={(next) =>
                  isIdentifier(next) && !sets.some(([other], position) => position !== at && other === next)
                    ? undefined
                    : t('designer.process.handler.setNameInvalid')
                }
                onCommit={(next) =>
                  writeSets(sets.map((entry, position) => (position === at ? [next, entry[1]] : entry)))
                }
              />
              <FeelInput
                id={`${id}-set-${at}-value`}
                label={t('designer.process.handler.setValue', { name })}
                value={expression}
                variables={variables}
                onChange={(value, typing) =>
                  change(
                    {
                      // Left empty, the schema reports the missing expression on this handler.
                      setVariables: Object.fromEntries(
                        sets.map((entry, position) => (position === at ? [entry[0], value ?? ''] : entry)),
                      ),
                    },
                    typing,
                  )
                }
              />
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              writeSets([
                ...sets,
                [freshId('variable', new Set([...variables, ...sets.map(([name]) => name)])), NEW_VALUE],
              ])
            }
          >
            {t('designer.process.handler.addSet')}
          </Button>
        </Space>
      </Field>
      <Field label={t('designer.process.handler.payload')}>
        <FormFieldsEditor
          idPrefix={`${id}-payload`}
          fields={handler.payload ?? []}
          onChange={(payload, typing) =>
            change({ payload: payload.length > 0 ? payload : undefined }, typing)
          }
        />
      </Field>
    </Space>
  );
}
