import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 10;
/** Bounded so hashing cost cannot be driven up by a huge body. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * About 49,000 of the most used passwords (zxcvbn-ts "passwords-common", compiled from leaked
 * password corpora and maintained upstream), lower-cased for a case-insensitive check.
 */
const COMMON_PASSWORDS = new Set(dictionary['passwords-common']!.map((word) => word.toLowerCase()));

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): tens of milliseconds per hash.
const HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes a password with argon2id (salt and parameters are stored in the encoded hash). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

/** True when the password matches the hash; false for a malformed or placeholder hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (!hash.startsWith('$argon2')) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordPolicyViolation(
  password: string,
  personal: string[] = [],
): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower))
    return 'is one of the most commonly used passwords; choose another';
  if (personal.some((value) => value.length > 0 && lower === value.toLowerCase())) {
    return 'must not be your e-mail address or handle';
  }
  return undefined;
}
