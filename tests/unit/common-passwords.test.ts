// Common passwords dressed up to pass the length and class rules are refused, in both languages.
import { passwordPolicyErrors } from '../../api/auth/password-policy';

const COMMON = 'is a commonly used password, easy to guess';

describe('common passwords', () => {
  it.each([
    ['a common word with digits and a symbol', 'Password123!'],
    ['look-alike digits and symbols', 'P@ssw0rd-2024'],
    ['capitals', 'WELCOME2026!'],
    ['a keyboard walk between digits', '1Qaz2Wsx!!'],
    ['a pinyin favourite', 'Woaini1314!'],
  ])('refuses %s', (_case, password) => {
    expect(passwordPolicyErrors(password, 'zhangsan')).toEqual([
      { field: 'newPassword', reason: COMMON, reasonZh: '是常见密码，容易被猜中' },
    ]);
  });

  it('accepts a common word inside a longer phrase', () => {
    expect(passwordPolicyErrors('Password-Garden-42', 'zhangsan')).toEqual([]);
  });
});
