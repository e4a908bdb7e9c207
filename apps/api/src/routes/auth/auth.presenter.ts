import type { SessionTokens } from '../../commands/start-session.ts';

/** The token pair as clients receive it. */
export function presentTokens(tokens: SessionTokens) {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresIn: tokens.expiresIn,
    tokenType: 'Bearer' as const,
  };
}

/** The answer of endpoints that must not reveal whether an address has an account. */
export function presentAccepted(detail: string) {
  return { status: 'accepted' as const, detail };
}
