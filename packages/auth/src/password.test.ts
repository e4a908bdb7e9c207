import { describe, expect, it } from 'vitest';
import { hashPassword, passwordPolicyViolation, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
  });

  it('never matches a placeholder hash', async () => {
    expect(await verifyPassword('!', '!')).toBe(false);
  });

  it('refuses short, common and personal passwords, naming why', () => {
    expect(passwordPolicyViolation('short1')).toMatch(/at least 10/);
    expect(passwordPolicyViolation('1234567890')).toMatch(/commonly used/);
    expect(passwordPolicyViolation('Password123')).toMatch(/commonly used/);
    expect(passwordPolicyViolation('ana@example.com', ['ana@example.com', 'ana'])).toMatch(
      /e-mail address or handle/,
    );
    expect(passwordPolicyViolation('x'.repeat(257))).toMatch(/at most 256/);
    expect(passwordPolicyViolation('plume of seven quills')).toBeUndefined();
  });
});
