// The variables a FEEL expression of the open definition may read, for the editor's completion and
// the panel's "unknown variable" check (the validator's own list, so both agree).
import { useMemo } from 'react';
import { knownVariables } from '../../../../workflows/engine/written-variables.js';
import { useDesigner } from '../store/DesignerStoreContext';

/** The definition's known variables, sorted, plus the names in scope where the expression is evaluated. */
export function useVariables(scope: readonly string[] = []): string[] {
  const definition = useDesigner((state) => state.definition);
  const scopeKey = scope.join('\n');
  return useMemo(
    () => [...new Set([...knownVariables(definition), ...(scopeKey ? scopeKey.split('\n') : [])])].sort(),
    [definition, scopeKey],
  );
}
