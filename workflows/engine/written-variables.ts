// The variables a process writes itself — a form's fields, an approval's decision and votes, a
// review's score and rating, an action's or sub-process's result, outputs, the setVariables action's
// values, an event handler's updates. One reading for the validator (names a definition may read),
// the incident check, and the start form (which leaves them out: nobody starting a process types
// in the process's own state).
import type { DefinitionLists } from './definition-parts';

type Writers = Pick<DefinitionLists, 'nodes' | 'eventHandlers'>;

export function writtenVariables(def: Writers): Set<string> {
  const names = new Set<string>();
  const add = (...values: Array<string | undefined>) =>
    values.forEach((value) => value !== undefined && names.add(value));
  for (const node of def.nodes) {
    switch (node.kind) {
      case 'userTask':
        if (node.formVariable) add(node.formVariable);
        else add(...node.form.map((field) => field.name));
        add(...Object.keys(node.outputs ?? {}));
        break;
      case 'approval':
        add(node.decisionVariable, node.votesVariable);
        break;
      case 'review':
        add(node.resultVariable, node.ratingVariable);
        break;
      case 'action':
        add(node.resultVariable, ...Object.keys(node.outputs ?? {}));
        if (
          node.action === 'setVariables' &&
          typeof node.params.values === 'object' &&
          node.params.values !== null
        )
          add(...Object.keys(node.params.values));
        break;
      case 'subprocess':
        add(node.resultVariable);
        break;
      default:
        break;
    }
  }
  for (const handler of def.eventHandlers)
    add(handler.payloadVariable, handler.appendPayloadTo, ...Object.keys(handler.setVariables ?? {}));
  return names;
}

/** Variables a definition can read: declared ones, `lastActionError`, and those it writes. */
export function knownVariables(def: Writers & Pick<DefinitionLists, 'variables'>): Set<string> {
  return new Set([
    ...def.variables.map((variable) => variable.name),
    'lastActionError',
    ...writtenVariables(def),
  ]);
}
