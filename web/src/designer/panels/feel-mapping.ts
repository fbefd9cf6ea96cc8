// Name → FEEL mappings (a node's outputs, a sub-process's child input) edited in place: a renamed
// entry keeps its place, so the JSON and the panel keep the order the admin gave them.

export type FeelMapping = Record<string, string>;

export function renameEntry(mapping: FeelMapping, from: string, to: string): FeelMapping {
  return Object.fromEntries(
    Object.entries(mapping).map(([name, expression]) => [name === from ? to : name, expression]),
  );
}

export function withoutEntry(mapping: FeelMapping, name: string): FeelMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([candidate]) => candidate !== name));
}

/** The child's required variables the mapping does not supply yet, in the child's order. */
export function unmappedRequired(
  declared: readonly { name: string; required?: boolean }[],
  mapping: FeelMapping,
): string[] {
  return declared
    .filter((variable) => variable.required === true && !Object.hasOwn(mapping, variable.name))
    .map((variable) => variable.name);
}
