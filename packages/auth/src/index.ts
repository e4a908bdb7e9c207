export { InvalidTokenError, signAccessToken, verifyAccessToken } from './access-token.ts';
export type { AccessClaims } from './access-token.ts';
export { REVOCATION_CHANNEL, isAccessTokenRevoked, revokeAccessToken } from './revocation.ts';
