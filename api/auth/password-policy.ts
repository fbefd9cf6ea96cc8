// Password policy: at least 10 characters, at least three of lower case, upper case, digits and
// symbols, and not containing the username. One-time passwords are generated to satisfy it.
import { randomInt } from 'node:crypto';
import type { FieldError } from '../http/app-error';

export const MIN_PASSWORD_LENGTH = 10;

export function passwordPolicyErrors(
  password: string,
  username: string,
  field = 'newPassword',
): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    errors.push({
      field,
      reason: `at least ${MIN_PASSWORD_LENGTH} characters`,
      reasonZh: `至少 ${MIN_PASSWORD_LENGTH} 个字符`,
    });
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    errors.push({
      field,
      reason: 'use at least three of: lower case, upper case, digits, symbols',
      reasonZh: '须包含小写字母、大写字母、数字、符号中的至少三类',
    });
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    errors.push({ field, reason: 'must not contain the username', reasonZh: '不能包含用户名' });
  }
  return errors;
}

const ALPHABETS = ['abcdefghjkmnpqrstuvwxyz', 'ACDEFGHJKLMNPQRTUVWXY', '346789', '#%+=?@'];

/** A random 14-character password with every character class, unambiguous to read aloud. */
export function generateOneTimePassword(): string {
  const all = ALPHABETS.join('');
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)] ?? '');
  while (chars.length < 14) chars.push(all[randomInt(all.length)] ?? '');
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
