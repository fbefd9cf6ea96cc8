// Which declared variables the person who starts a process provides: the one rule the API (the
// catalogue's start fields, the start command's check) and the designer's dry run both follow.
import type { ProcessDefinition } from '../../workflows/engine';
import { writtenVariables } from '../../workflows/engine/written-variables';

/** The variables a person starting the process fills in: those the process does not write itself. */
export function startVariables(definition: ProcessDefinition) {
  const written = writtenVariables(definition);
  return definition.variables.filter((variable) => !written.has(variable.name));
}
