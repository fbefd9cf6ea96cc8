// API token secrets: `sgf_` + 32 random bytes, shown once at creation; the database keeps only
// their SHA-256 and a short prefix to recognise a token in lists.
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_SCHEME = 'sgf_';

export function newTokenSecret(): { secret: string; prefix: string; hash: string } {
  const secret = `${TOKEN_SCHEME}${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, TOKEN_SCHEME.length + 6), hash: hashTokenSecret(secret) };
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
