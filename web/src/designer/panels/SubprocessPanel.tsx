// A sub-process: the child process picked among the published definitions (searched by name or
// key), its input mapped from the parent's variables (the child's declared variables offered, the
// required ones named until mapped), one child per item of a list or one, its title and its result.
import { Checkbox, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ZProcessDefinition, type NodeOf } from '../../../../workflows/engine/definition-schema.js';
import { useDefinitionList } from '../definition-hooks.js';
import { useVersionGraph } from '../history/history-hooks.js';
import { useDesigner } from '../store/DesignerStoreContext';
import { unmappedRequired } from './feel-mapping.js';
import { FeelMappingEditor } from './FeelMappingEditor';
import { Field, TextField } from './panel-fields';
import { useNodeEdit } from './use-node-edit.js';
import { useVariables } from './use-variables.js';

const ITEM_SCOPE = ['item'];

/** The variables a published graph declares (none when it does not parse). */
const declaredVariables = (graph: unknown) => {
  const parsed = ZProcessDefinition.safeParse(graph);
  return parsed.success ? parsed.data.variables : [];
};

export function SubprocessPanel({ node }: { node: NodeOf<'subprocess'> }) {
  const { t } = useTranslation();
  const edit = useNodeEdit(node);
  const variables = useVariables(ITEM_SCOPE);
  const ownKey = useDesigner((state) => state.definition.key);
  const list = useDefinitionList();
  const published = (list.data?.items ?? []).filter((item) => item.latest !== null && item.key !== ownKey);
  const child = published.find((item) => item.key === node.definitionKey);
  const graph = useVersionGraph(node.definitionKey, child?.latest?.version);
  const declared = useMemo(() => declaredVariables(graph.data), [graph.data]);
  const missing = unmappedRequired(declared, node.input);
  return (
    <>
      <Field label={t('designer.subprocess.definitionKey')} htmlFor="sgf-prop-sub-key">
        <Select<string>
          id="sgf-prop-sub-key"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('designer.nodePanels.childPlaceholder')}
          loading={list.isFetching}
          value={node.definitionKey || undefined}
          onChange={(definitionKey) => edit({ definitionKey })}
          options={[
            ...published.map((item) => ({
              value: item.key,
              // The label holds both, so the search finds a process by its name or its key.
              label: `${item.name}（${item.key}）`,
            })),
            // A key typed into the JSON that names no published definition stays visible as such.
            ...(node.definitionKey && !child
              ? [
                  {
                    value: node.definitionKey,
                    label: t('designer.nodePanels.childUnpublished', { key: node.definitionKey }),
                  },
                ]
              : []),
          ]}
        />
      </Field>
      <Field
        label={t('designer.nodePanels.input')}
        help={t('designer.nodePanels.inputHelp')}
        error={
          missing.length > 0
            ? t('designer.nodePanels.inputMissing', { names: missing.join(', ') })
            : undefined
        }
      >
        <FeelMappingEditor
          idPrefix="sgf-prop-sub-input"
          mapping={node.input}
          variables={variables}
          suggestions={declared.map((variable) => ({
            name: variable.name,
            label: variable.required
              ? t('designer.nodePanels.inputRequired', { name: variable.name })
              : variable.name,
          }))}
          onChange={(input, typing) => edit({ input }, typing)}
        />
      </Field>
      <TextField
        id="sgf-prop-sub-items"
        label={t('designer.subprocess.itemsVariable')}
        value={node.itemsVariable}
        onChange={(itemsVariable, typing) => edit({ itemsVariable: itemsVariable || undefined }, typing)}
      />
      <TextField
        id="sgf-prop-sub-title"
        label={t('designer.subprocess.childTitle')}
        value={node.childTitle}
        onChange={(childTitle, typing) => edit({ childTitle: childTitle || undefined }, typing)}
      />
      <Checkbox checked={node.wait} onChange={(event) => edit({ wait: event.target.checked })}>
        {t('designer.subprocess.wait')}
      </Checkbox>
      <TextField
        id="sgf-prop-sub-result"
        label={t('designer.nodePanels.resultVariable')}
        value={node.resultVariable}
        onChange={(resultVariable, typing) => edit({ resultVariable: resultVariable || undefined }, typing)}
      />
    </>
  );
}
