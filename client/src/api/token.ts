// The bearer token of this tab (session storage: gone when the tab closes), for servers started
// with RINGSCOPE_TOKENS. Set by the sign-in field (ui/sign-in.ts), read by every API call.
interface SessionStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'ringscope.token';
const store = () => (globalThis as { sessionStorage?: SessionStore }).sessionStorage;

export function currentToken(): string | null {
  try {
    return store()?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) store()?.setItem(KEY, token);
  else store()?.removeItem(KEY);
}

/** Headers to add to a request to this server: the bearer token when signed in. */
export function authHeaders(): Record<string, string> {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
