// The title of a child instance started by a subprocess node: the node's `childTitle` template over
// the child's input (e.g. "{personName}·人才管理期"), else the parent's title and the child
// definition's name. Both runtimes title their children with this, so a child reads the same on
// either host and an inbox shows whose process a task belongs to rather than an engine id.

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The input names a template refers to (the definition schema checks each is one of the node's inputs). */
export function childTitlePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** The template with each `{name}` replaced by the input's text; a missing or non-scalar value reads as nothing. */
export function renderChildTitle(template: string, input: Readonly<Record<string, unknown>>): string {
  return template
    .replace(PLACEHOLDER, (_match, name: string) => {
      const value = input[name];
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : '';
    })
    .trim();
}

/** The rendered template when it says anything, else "<parent title>·<child definition name>". */
export function childInstanceTitle(options: {
  rendered: string | undefined;
  parentTitle: string;
  childDefinitionName: string;
}): string {
  return options.rendered ? options.rendered : `${options.parentTitle}·${options.childDefinitionName}`;
}
