// The names FEEL reads — variables, outputs, form fields, result variables: letters, digits and
// underscores, not starting with a digit, and none of FEEL's keywords, which a condition reads as the
// keyword (`in`, `true`), never as the variable. Shared by the definition schema and the designer.

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** FEEL's reserved words that the pattern above lets through. */
export const FEEL_KEYWORDS: ReadonlySet<string> = new Set([
  'true',
  'false',
  'null',
  'and',
  'or',
  'not',
  'between',
  'in',
  'instance',
  'of',
  'function',
  'if',
  'then',
  'else',
  'for',
  'return',
  'some',
  'every',
  'satisfies',
]);

/** Why a name cannot be one, in both languages (the validator's problems). */
export const IDENTIFIER_REASONS = {
  format: {
    zh: '变量名只能用字母、数字、下划线，且不能以数字开头',
    en: 'a variable name takes letters, digits and underscores, and does not start with a digit',
  },
  keyword: {
    zh: '变量名不能是 FEEL 关键字（如 true、and、in、if），条件无法读取这样的变量',
    en: 'a variable name must not be a FEEL keyword (such as true, and, in, if): a condition cannot read it',
  },
} as const;

export function identifierProblem(name: string): keyof typeof IDENTIFIER_REASONS | undefined {
  if (!IDENTIFIER.test(name)) return 'format';
  return FEEL_KEYWORDS.has(name) ? 'keyword' : undefined;
}
