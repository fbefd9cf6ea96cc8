// One event handler's editor: the event it answers and its label, whether it interrupts, the node its
// path starts at and the nodes it waits for, a FEEL condition over the variables and `payload`, where
// the payload goes, the variables it sets, and the payload's fields (a form, as a task declares one).
import { Checkbox, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventHandler, NodeKind } from '../../../../workflows/engine/definition-schema.js';
import { FeelInput } from '../panels/FeelInput';
import { FeelMappingEditor } from '../panels/FeelMappingEditor';
import { FormFieldsEditor } from '../panels/FormFieldsEditor';
import { Field, TextField } from '../panels/panel-fields';
import { useVariables } from '../panels/use-variables.js';
import { useDesigner } from '../store/DesignerStoreContext';
import { patchItem } from '../store/process-edits.js';

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
/** What a handler's expressions read besides the variables: the event's data. */
const PAYLOAD_SCOPE = ['payload'];

export function HandlerEditor({ index }: { index: number }) {
  const { t } = useTranslation();
  const definition = useDesigner((state) => state.definition);
  const patch = useDesigner((state) => state.patchDefinition);
  // A handler's expressions read the variables and the event's `payload`.
  const variables = useVariables(PAYLOAD_SCOPE);
  const handler = definition.eventHandlers[index];
  if (!handler) return null;
  const id = `sgf-handler-${index}`;
  const change = (next: Partial<EventHandler>, typing?: string) =>
    patch({ eventHandlers: patchItem(definition.eventHandlers, index, next) }, typing);
  const nodeOption = (node: (typeof definition.nodes)[number]) => ({
    value: node.id,
    label: `${node.name} (${node.id})`,
  });

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
        <FeelMappingEditor
          idPrefix={`${id}-set`}
          mapping={handler.setVariables ?? {}}
          variables={variables}
          suggestions={definition.variables.map((variable) => ({
            name: variable.name,
            label: variable.label ?? variable.name,
          }))}
          onChange={(setVariables, typing) =>
            change({ setVariables: Object.keys(setVariables).length > 0 ? setVariables : undefined }, typing)
          }
        />
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
