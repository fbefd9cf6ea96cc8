// Password hashing with Argon2id (OWASP's first choice); parameters live in the stored hash,
// so they can be raised later without invalidating existing passwords.
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this keeps response time equal whether or not the username exists. */
export const timingDecoyHash =
  '$argon2id$v=19$m=19456,t=2,p=1$c2hlZ29uZy1mbG93LWRlY295$0kGCyUmZGyf4Jtqp8HHT8m3o2N6q5r3Yc0dkvfhb8yA';
