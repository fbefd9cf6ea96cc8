import { generateOneTimePassword, passwordPolicyErrors } from '../../api/auth/password-policy';

describe('password policy', () => {
  it.each([
    ['short', 'Ab1!', ['at least 10 characters']],
    ['two classes only', 'abcdefghij12', ['use at least three of: lower case, upper case, digits, symbols']],
    ['contains the username', 'Zhangsan-2026', ['must not contain the username']],
    ['good', 'Spring-Garden-42', []],
    ['lower, digits and symbols', 'spring-garden-42', []],
  ])('%s', (_case, password, reasons) => {
    expect(passwordPolicyErrors(password, 'zhangsan').map((e) => e.reason)).toEqual(reasons);
  });

  it('names the field and gives a Chinese reason', () => {
    expect(passwordPolicyErrors('x', 'u')[0]).toMatchObject({
      field: 'newPassword',
      reasonZh: expect.any(String),
    });
  });

  it('generates one-time passwords that pass the policy and differ', () => {
    const passwords = Array.from({ length: 200 }, generateOneTimePassword);
    for (const p of passwords) expect(passwordPolicyErrors(p, 'someone')).toEqual([]);
    expect(new Set(passwords).size).toBe(200);
  });
});
