// Which declared variables the person who starts a process provides: the one rule the API (the
// catalogue's start fields, the start command's check) and the designer's dry run both follow.
import type { ProcessDefinition } from '../../workflows/engine';

/** Node properties that name a variable the node writes. */
const WRITING_PROPERTIES = [
  'decisionVariable',
  'votesVariable',
  'resultVariable',
  'ratingVariable',
  'formVariable',
] as const;

/**
 * Variables the process writes itself — a form's fields, an approval's decision and votes, a
 * review's score and rating, an action's or sub-process's result, a node's outputs and the
 * setVariables action's values, an event handler's updates. They are its own state, never something the person who starts it types in.
 */
function writtenVariables(definition: ProcessDefinition): Set<string> {
  const names = new Set<string>();
  for (const node of definition.nodes) {
    const record = node as Partial<Record<(typeof WRITING_PROPERTIES)[number], string>> & {
      outputs?: Record<string, string>;
    };
    for (const property of WRITING_PROPERTIES) if (record[property]) names.add(record[property]);
    for (const name of Object.keys(record.outputs ?? {})) names.add(name);
    if (node.kind === 'userTask' && !node.formVariable) for (const field of node.form) names.add(field.name);
    // The built-in setVariables action writes the keys of its `values`, as the validator reads it.
    const values = node.kind === 'action' && node.action === 'setVariables' ? node.params.values : undefined;
    if (typeof values === 'object' && values !== null)
      for (const name of Object.keys(values)) names.add(name);
  }
  for (const handler of definition.eventHandlers) {
    if (handler.payloadVariable) names.add(handler.payloadVariable);
    if (handler.appendPayloadTo) names.add(handler.appendPayloadTo);
    for (const name of Object.keys(handler.setVariables ?? {})) names.add(name);
  }
  return names;
}

/** The variables a person starting the process fills in: those the process does not write itself. */
export function startVariables(definition: ProcessDefinition) {
  const written = writtenVariables(definition);
  return definition.variables.filter((variable) => !written.has(variable.name));
}
