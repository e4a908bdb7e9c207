/** The signed-in session's tokens, kept in localStorage so a reload stays signed in. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
}

const KEY = 'pluma.session';

export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens | null): void;
  /** Called when the tokens change here or in another tab. */
  subscribe(listener: (tokens: Tokens | null) => void): () => void;
}

function read(storage: Storage): Tokens | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as Tokens).accessToken === 'string' &&
      typeof (parsed as Tokens).refreshToken === 'string' &&
      typeof (parsed as Tokens).expiresAt === 'number'
    )
      return parsed as Tokens;
  } catch {
    // a damaged entry counts as signed out
  }
  return null;
}

export function createTokenStore(storage: Storage = window.localStorage): TokenStore {
  const listeners = new Set<(tokens: Tokens | null) => void>();
  const notify = (tokens: Tokens | null) => listeners.forEach((listener) => listener(tokens));
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === KEY) notify(read(storage));
    });
  }
  return {
    get: () => read(storage),
    set(tokens) {
      if (tokens) storage.setItem(KEY, JSON.stringify(tokens));
      else storage.removeItem(KEY);
      notify(tokens);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
