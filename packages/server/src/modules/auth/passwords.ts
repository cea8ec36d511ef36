import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

// OWASP's argon2id recommendation (19 MiB, 2 passes) keeps a sign-in near 50 ms on a small server.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A readable random password (no 0/O/1/l) with enough entropy (~95 bits) for a one-time temporary password. */
export function generatePassword(length = 16): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** A hash with the same cost as a real one, verified when the user does not exist, so timing does not reveal usernames. */
export const DUMMY_HASH = hashPassword(generatePassword());
