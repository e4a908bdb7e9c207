import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of an opaque token, hex; only this is stored, so a database leak reveals no usable token. */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random opaque token (256 bits, base64url) and the hash to store for it. */
export function createOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOpaqueToken(token) };
}
