// Password policy: at least 10 characters, at least three of lower case, upper case, digits and
// symbols, not containing the username, and not a common password dressed up with capitals,
// digits and symbols. One-time passwords are generated to satisfy it.
import { randomInt } from 'node:crypto';
import type { FieldError } from '../http/app-error';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Words that top every leaked-password list (and this product's own name), compared with the
 * letters of a password once look-alike digits and symbols are read as letters: `P@ssw0rd2024!`
 * is `password`. Small on purpose: the length and class rules do the rest.
 */
const COMMON_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'asdfghjkl',
  'zxcvbn',
  'zxcvbnm',
  'qazwsx',
  'qweasd',
  'qweasdzxc',
  'abc',
  'abcd',
  'abcdef',
  'abcdefg',
  'aa',
  'aaa',
  'qwe',
  'asd',
  'admin',
  'administrator',
  'root',
  'user',
  'test',
  'guest',
  'welcome',
  'letmein',
  'login',
  'iloveyou',
  'woaini',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'hello',
  'secret',
  'changeme',
  'default',
  'shegong',
  'china',
  'beijing',
]);
const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** The letters of a password, look-alikes read as letters, once digits and symbols around it are dropped. */
function commonCore(password: string): string {
  const trimmed = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [...trimmed]
    .map((c) => LOOK_ALIKES[c] ?? c)
    .filter((c) => /[a-z]/.test(c))
    .join('');
}

export function isCommonPassword(password: string): boolean {
  return (
    COMMON_WORDS.has(commonCore(password)) || COMMON_WORDS.has(password.toLowerCase().replace(/[^a-z]/g, ''))
  );
}

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
  if (isCommonPassword(password)) {
    errors.push({
      field,
      reason: 'is a commonly used password, easy to guess',
      reasonZh: '是常见密码，容易被猜中',
    });
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
