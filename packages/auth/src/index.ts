export {
  ACCESS_TOKEN_TTL_SECONDS,
  InvalidTokenError,
  signAccessToken,
  verifyAccessToken,
} from './access-token.ts';
export type { AccessClaims } from './access-token.ts';
export {
  REVOCATION_CHANNEL,
  isAccessTokenRevoked,
  issuedAtOrBefore,
  isIssuedBeforeUserRevocation,
  revokeAccessToken,
  revokeUserAccessTokens,
} from './revocation.ts';
export type { RevocationMessage } from './revocation.ts';
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  hashPassword,
  passwordPolicyViolation,
  verifyPassword,
} from './password.ts';
export { createOpaqueToken, hashOpaqueToken } from './opaque-token.ts';
export { checkAccessToken } from './check-access-token.ts';
