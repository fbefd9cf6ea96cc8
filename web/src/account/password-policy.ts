// The password policy as the change-password page explains it, checked live as the person types.
// The server applies the same rules and has the last word; its field errors land on the form.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MIN_CLASSES = 3;

const CHARACTER_CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/] as const;

export type PasswordRule = 'length' | 'classes' | 'notUsername';

export function passwordRuleResults(password: string, username: string): Record<PasswordRule, boolean> {
  const classes = CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length;
  return {
    length: [...password].length >= PASSWORD_MIN_LENGTH,
    classes: classes >= PASSWORD_MIN_CLASSES,
    // Very short usernames occur inside many good passwords, so the server checks only from three characters.
    notUsername:
      password !== '' && (username.length < 3 || !password.toLowerCase().includes(username.toLowerCase())),
  };
}
