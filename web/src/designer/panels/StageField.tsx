// The declared stage a node belongs to (the stage bar of a project shows it); stages themselves are
// declared on the process panel, so with none declared there is nothing to pick yet.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcessNode } from '../../../../workflows/engine/definition-schema.js';
import { useDesigner } from '../store/DesignerStoreContext';
import { Field } from './panel-fields';
import { useNodeEdit } from './use-node-edit.js';

export function StageField({ node }: { node: ProcessNode }) {
  const { t } = useTranslation();
  const edit = useNodeEdit(node);
  const stages = useDesigner((state) => state.definition.stages);
  return (
    <Field
      label={t('designer.nodePanels.stage')}
      htmlFor="sgf-prop-stage"
      help={stages.length === 0 ? t('designer.nodePanels.stageHint') : undefined}
    >
      <Select<string>
        id="sgf-prop-stage"
        allowClear
        disabled={stages.length === 0 && node.stage === undefined}
        value={node.stage}
        onChange={(stage) => edit({ stage: stage || undefined })}
        options={[
          ...stages.map((stage) => ({ value: stage.id, label: stage.name })),
          // A stage the definition no longer declares stays visible (the validator reports it).
          ...(node.stage !== undefined && !stages.some((stage) => stage.id === node.stage)
            ? [{ value: node.stage, label: node.stage }]
            : []),
        ]}
      />
    </Field>
  );
}
