// The ILIKE pattern of "contains this text", with the pattern's own characters escaped.
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
