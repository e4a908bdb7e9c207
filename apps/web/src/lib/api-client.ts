import { ApiProblem, networkProblem, parseProblem } from './problem.ts';
import type { TokenStore, Tokens } from './token-store.ts';
import { newTraceparent } from './traceparent.ts';

export interface TokensResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface RequestOptions {
  /** JSON body (sent as application/json). */
  json?: unknown;
  /** A raw body (a file): sent as is with its own content type. */
  body?: Blob | ArrayBuffer;
  contentType?: string;
  /** Send the access token (default true when signed in). */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, json?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, json?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, json?: unknown, options?: RequestOptions): Promise<T>;
  delete<T = void>(path: string, options?: RequestOptions): Promise<T>;
  /** A fresh access token (refreshed when it is about to expire), or null when signed out. */
  accessToken(): Promise<string | null>;
  /** Stores tokens from sign-in. */
  signIn(tokens: TokensResponse): void;
  signOut(): Promise<void>;
}

export function tokensFrom(response: TokensResponse, now = Date.now()): Tokens {
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    expiresAt: now + response.expiresIn * 1000,
  };
}

/** Refresh this long before expiry so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * The one way screens talk to the API: `/v1` on the page's own origin, JSON in and out, failures
 * as ApiProblem, a `traceparent` on every request, and access tokens refreshed when needed.
 * Refresh tokens are single use, so a refresh runs under a cross-tab lock and re-reads the store
 * first: a second tab uses the tokens the first one just got instead of replaying an old one.
 */
export function createApiClient(store: TokenStore, base = '/v1'): ApiClient {
  let refreshing: Promise<Tokens | null> | null = null;

  const refreshNow = async (stale: Tokens): Promise<Tokens | null> => {
    const current = store.get();
    if (!current) return null;
    if (current.refreshToken !== stale.refreshToken) return current; // another tab refreshed
    let response: Response;
    try {
      response = await fetch(`${base}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: newTraceparent() },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
    } catch {
      throw networkProblem();
    }
    if (!response.ok) {
      if (response.status === 401 || response.status === 400) {
        store.set(null);
        return null;
      }
      throw await parseProblem(response);
    }
    const tokens = tokensFrom((await response.json()) as TokensResponse);
    store.set(tokens);
    return tokens;
  };

  const refresh = (stale: Tokens): Promise<Tokens | null> => {
    refreshing ??= (
      typeof navigator !== 'undefined' && navigator.locks
        ? navigator.locks.request('pluma.refresh', () => refreshNow(stale))
        : refreshNow(stale)
    ).finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const accessToken = async (): Promise<string | null> => {
    const tokens = store.get();
    if (!tokens) return null;
    if (tokens.expiresAt - Date.now() > REFRESH_MARGIN_MS) return tokens.accessToken;
    return (await refresh(tokens))?.accessToken ?? null;
  };

  const send = async (
    method: string,
    path: string,
    options: RequestOptions,
    token: string | null,
  ): Promise<Response> => {
    const headers: Record<string, string> = { traceparent: newTraceparent() };
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
      body = options.body;
    }
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await fetch(`${base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkProblem();
    }
  };

  const request = async <T>(method: string, path: string, options: RequestOptions = {}) => {
    const useAuth = options.auth !== false;
    let token = useAuth ? await accessToken() : null;
    let response = await send(method, path, options, token);
    if (response.status === 401 && useAuth && token) {
      // The token was revoked or expired early: one refresh, one retry.
      const tokens = store.get();
      token = tokens ? ((await refresh(tokens))?.accessToken ?? null) : null;
      if (token) response = await send(method, path, options, token);
    }
    if (!response.ok) throw await parseProblem(response);
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : await response.text()) as T;
  };

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, json, options) => request('POST', path, { ...options, json }),
    patch: (path, json, options) => request('PATCH', path, { ...options, json }),
    put: (path, json, options) => request('PUT', path, { ...options, json }),
    delete: (path, options) => request('DELETE', path, options),
    accessToken,
    signIn: (tokens) => store.set(tokensFrom(tokens)),
    async signOut() {
      const tokens = store.get();
      store.set(null);
      if (!tokens) return;
      try {
        await send('POST', '/auth/logout', {}, tokens.accessToken);
      } catch {
        // signed out locally either way
      }
    },
  };
}

export { ApiProblem };
