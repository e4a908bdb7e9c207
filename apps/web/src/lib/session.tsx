import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { createApiClient, type ApiClient, type TokensResponse } from './api-client.ts';
import { ApiProblem } from './problem.ts';
import { createTokenStore } from './token-store.ts';

/** The signed-in account as GET /v1/me returns it. */
export interface Me {
  id: number;
  email: string;
  handle: string;
  displayName: string;
  emailVerified: boolean;
  avatarUrl: string | null;
  preferences: Record<string, boolean>;
  createdAt: string;
  [key: string]: unknown;
}

export interface Session {
  api: ApiClient;
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  signIn(email: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  /** Reloads /v1/me (after a profile change). */
  reloadMe(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({
  children,
  api: given,
}: {
  children: ReactNode;
  api?: ApiClient;
}) {
  const [store] = useState(() => createTokenStore());
  const api = useMemo(() => given ?? createApiClient(store), [given, store]);
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const reloadMe = useCallback(async () => {
    if (!(await api.accessToken())) {
      setMe(null);
      return;
    }
    try {
      setMe(await api.get<Me>('/me'));
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) setMe(null);
      else throw error;
    }
  }, [api]);

  useEffect(() => {
    reloadMe().catch(() => setMe(null));
    // Signing in or out in another tab applies here too.
    return store.subscribe(() => void reloadMe().catch(() => setMe(null)));
  }, [reloadMe, store]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const tokens = await api.post<TokensResponse>(
        '/auth/login',
        { email, password },
        { auth: false },
      );
      api.signIn(tokens);
      const account = await api.get<Me>('/me');
      setMe(account);
      return account;
    },
    [api],
  );

  const signOut = useCallback(async () => {
    await api.signOut();
    setMe(null);
  }, [api]);

  const value = useMemo(
    () => ({ api, me, signIn, signOut, reloadMe }),
    [api, me, signIn, signOut, reloadMe],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The API client, for screens that only need to make requests. */
export function useApi(): ApiClient {
  return useSession().api;
}
