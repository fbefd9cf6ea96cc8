// The citizen identity number (公民身份号码, GB 11643-1999): 6 digits of region, the birth date
// YYYYMMDD, 3 digits of sequence (odd for men, even for women) and a check character computed
// with ISO 7064 MOD 11-2. Checked wherever an application enters; masked wherever it is listed.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The check character the first 17 digits call for. */
export function identityCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

export type IdentityProblem = 'shape' | 'birthDate' | 'checkDigit';

/** What is wrong with an identity number (upper-case X expected), or null when it is valid. */
export function identityNumberProblem(value: string): IdentityProblem | null {
  if (!SHAPE.test(value)) return 'shape';
  const birth = birthDateOf(value);
  const parsed = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== birth) return 'birthDate';
  if (identityCheckCharacter(value.slice(0, 17)) !== value[17]) return 'checkDigit';
  return null;
}

/** The birth date an identity number carries, `YYYY-MM-DD`. */
export function birthDateOf(value: string): string {
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

/** The gender the sequence digit carries: odd for men, even for women. */
export function genderOf(value: string): 'male' | 'female' {
  return Number(value[16]) % 2 === 1 ? 'male' : 'female';
}

/** Lists show the region's first 4 and the last 4 characters only: 3701**********1234. */
export function maskIdentityNumber(value: string): string {
  return value.length <= 8
    ? '*'.repeat(value.length)
    : `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/**
 * A phone number as the masked export shows it (138****0000): the middle four digits hidden, as
 * Chinese government lists publish phone numbers.
 */
export function maskPhone(value: string): string {
  return value.length < 8 ? '*'.repeat(value.length) : `${value.slice(0, 3)}****${value.slice(7)}`;
}
