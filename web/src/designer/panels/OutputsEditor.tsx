// A node's outputs: variables written when it completes, each from a FEEL expression over the
// variables and what the node has in scope (a task's `form`, an action's `result`).
import { useTranslation } from 'react-i18next';
import { FeelMappingEditor } from './FeelMappingEditor';
import type { FeelMapping } from './feel-mapping.js';
import { Field } from './panel-fields';
import { useVariables } from './use-variables.js';

export function OutputsEditor({
  idPrefix,
  outputs,
  scope,
  onChange,
}: {
  idPrefix: string;
  outputs: FeelMapping | undefined;
  scope: readonly string[];
  /** undefined when the last output goes, so an emptied list leaves the definition. */
  onChange: (outputs: FeelMapping | undefined, typing?: string) => void;
}) {
  const { t } = useTranslation();
  const variables = useVariables(scope);
  return (
    <Field label={t('designer.nodePanels.outputs')} help={t('designer.nodePanels.outputsHelp')}>
      <FeelMappingEditor
        idPrefix={idPrefix}
        mapping={outputs ?? {}}
        variables={variables}
        onChange={(mapping, typing) =>
          onChange(Object.keys(mapping).length > 0 ? mapping : undefined, typing)
        }
      />
    </Field>
  );
}
