// The dry run's 流程变量 table: each variable by its label (declared, or its form field's) with its
// name, and its value as a person reads it: 是/否, lists as lines, an approval's decision as the
// outcome it is (通过（approve）); objects stay JSON.
import type { TFunction } from 'i18next';
import type { ProcessDefinition } from '../../../../workflows/engine/definition-schema.js';
import { describeOutcome } from '../canvas/node-texts.js';
import { labelled } from './dry-run-texts.js';

export type VariableRow = { name: string; variable: string; value: string };

/** A variable's label: its declaration's, else that of a form field that writes it. */
function labelOf(def: ProcessDefinition, name: string): string {
  const declared = def.variables.find((variable) => variable.name === name)?.label;
  if (declared) return declared;
  for (const node of def.nodes)
    if (node.kind === 'userTask' && !node.formVariable) {
      const field = node.form.find((candidate) => candidate.name === name);
      if (field) return field.label;
    }
  return name;
}

function readable(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('designer.dryRun.values.empty');
  if (typeof value === 'boolean') return t(`designer.dryRun.values.${value ? 'yes' : 'no'}`);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null))
    return value.length === 0
      ? t('designer.dryRun.values.none')
      : value.map((item) => readable(item, t)).join(t('designer.dryRun.values.separator'));
  return JSON.stringify(value);
}

export function variableRows(
  def: ProcessDefinition,
  variables: Record<string, unknown>,
  t: TFunction,
): VariableRow[] {
  const decisions = new Set(
    def.nodes.flatMap((node) =>
      node.kind === 'approval' && node.decisionVariable ? [node.decisionVariable] : [],
    ),
  );
  return Object.entries(variables).map(([name, value]) => ({
    name,
    variable: labelled(labelOf(def, name), name, t),
    value:
      decisions.has(name) && typeof value === 'string'
        ? labelled(describeOutcome(value, t), value, t)
        : readable(value, t),
  }));
}
