import type { EntityManager } from '@mikro-orm/mysql';

/** Who is calling, set by the auth middleware from a verified, unrevoked access token. */
export interface AuthContext {
  userId: number;
  jti: string;
  /** Expiry of the access token, seconds since the epoch. */
  exp: number;
  /** The sign-in (refresh-token family) the token belongs to; absent for tokens not issued by login. */
  sessionId?: string;
}

/** Hono environment of every API route. */
export interface ApiEnv {
  Variables: {
    /** A fresh EntityManager fork for this request (never the global one). */
    em: EntityManager;
    /** Present when the request carried a valid access token. */
    auth: AuthContext | undefined;
  };
}
