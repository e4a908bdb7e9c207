import { requireAuth } from '../../http/auth-middleware.ts';
import type { AuthContext } from '../../http/env.ts';

/** Only the signed-in user reads or changes their own account: the id comes from the token, never from the request. */
export function authorizeSelf(auth: AuthContext | undefined): number {
  return requireAuth(auth).userId;
}
