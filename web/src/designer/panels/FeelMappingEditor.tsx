// A name → FEEL list (a node's outputs, a sub-process's child input): each entry's name, checked as
// it is committed, and its expression in the FEEL editor with the engine's checks; add and remove.
// Names the place suggests (the child's declared variables) are offered when adding.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identifierProblem } from '../../../../workflows/engine/identifier.js';
import { renameEntry, withoutEntry, type FeelMapping } from './feel-mapping.js';
import { FeelInput } from './FeelInput';
import { CommitField, Field } from './panel-fields';

export interface SuggestedName {
  name: string;
  label: string;
}

export function FeelMappingEditor({
  idPrefix,
  mapping,
  variables,
  suggestions = [],
  onChange,
}: {
  idPrefix: string;
  mapping: FeelMapping;
  /** What the expressions may read (the definition's variables and the place's own scope). */
  variables: readonly string[];
  suggestions?: readonly SuggestedName[];
  onChange: (mapping: FeelMapping, typing?: string) => void;
}) {
  const { t } = useTranslation();
  const [newName, setNewName] = useState('');
  const nameProblem = (name: string, current?: string) => {
    const problem = identifierProblem(name);
    return problem === 'format'
      ? t('designer.nodePanels.mappingNameFormat')
      : problem === 'keyword'
        ? t('designer.variableNames.keyword')
        : name !== current && Object.hasOwn(mapping, name)
          ? t('designer.nodePanels.mappingNameTaken')
          : undefined;
  };
  const add = () => {
    if (nameProblem(newName) !== undefined) return;
    // An empty expression is a problem the issues panel names until the admin writes one.
    onChange({ ...mapping, [newName]: '' });
    setNewName('');
  };
  return (
    <Space direction="vertical" className="sgf-designer-stack">
      {Object.entries(mapping).map(([name, expression], index) => (
        <div key={index} role="group" aria-label={name} className="sgf-designer-mapping">
          <CommitField
            id={`${idPrefix}-name-${index}`}
            label={t('designer.nodePanels.mappingName')}
            value={name}
            check={(next) => nameProblem(next, name)}
            onCommit={(next) => onChange(renameEntry(mapping, name, next))}
          />
          <FeelInput
            id={`${idPrefix}-value-${name}`}
            label={t('designer.nodePanels.mappingExpression', { name })}
            value={expression}
            variables={variables}
            placeholder=""
            onChange={(next, typing) => onChange({ ...mapping, [name]: next ?? '' }, typing)}
          />
          <Button danger icon={<DeleteOutlined />} onClick={() => onChange(withoutEntry(mapping, name))}>
            {t('designer.nodePanels.mappingRemove', { name })}
          </Button>
        </div>
      ))}
      {/* A name that cannot be added says why under the box, as the other fields do, rather than
          only greying 添加 out. */}
      <Field
        label={null}
        htmlFor={`${idPrefix}-new`}
        error={newName === '' ? undefined : nameProblem(newName)}
      >
        <Space.Compact block>
          <AutoComplete
            id={`${idPrefix}-new`}
            aria-label={t('designer.nodePanels.mappingNew')}
            placeholder={t('designer.nodePanels.mappingNew')}
            value={newName}
            onChange={setNewName}
            options={suggestions
              .filter((suggestion) => !Object.hasOwn(mapping, suggestion.name))
              .map((suggestion) => ({ value: suggestion.name, label: suggestion.label }))}
            className="sgf-designer-grow"
          />
          <Button icon={<PlusOutlined />} disabled={nameProblem(newName) !== undefined} onClick={add}>
            {t('designer.nodePanels.mappingAdd')}
          </Button>
        </Space.Compact>
      </Field>
    </Space>
  );
}
