// Definitions as stored or sent, before or without parsing (a draft may not parse): the two
// checks every reader of such a value starts with.
export type RawObject = Record<string, unknown>;

/** A JSON object (not an array, not null). */
export const isRawObject = (value: unknown): value is RawObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value if it is a text with more than spaces in it. */
export const nonBlankText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
