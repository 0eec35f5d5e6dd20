// Token sign-in, for servers started with RINGSCOPE_TOKENS. The token lives in this tab's session
// storage only (gone when the tab closes), is sent as a bearer header with every API call and is
// never shown again once entered. Without tokens on the server nothing is displayed.
import { html, nothing, render } from 'lit-html';
import { authHeaders, currentToken, setToken } from '../api/token.js';
import { applyRole } from './roles.js';

function signIn(token: string): void {
  setToken(token);
  location.reload();
}

function signOut(): void {
  setToken(null);
  location.reload();
}

/**
 * Asks the server who we are: admin without tokens (nothing to show), a role when the token is
 * good (shown with a sign-out button), or a sign-in field when there is no token or a bad one.
 */
export async function initSignIn(): Promise<void> {
  const box = document.createElement('span');
  box.id = 'sign-in';
  box.className = 'sign-in';
  document.querySelector('.topbar')?.append(box);
  let role: string | null = null;
  let problem: string | null = null;
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    const body = (await res.json()) as {
      data?: { me?: { role: string } };
      errors?: { extensions?: { code?: string } }[];
    };
    role = body.data?.me?.role ?? null;
    if (!role && body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && currentToken()) {
      setToken(null);
      problem = 'That token is not valid.';
    }
  } catch {
    applyRole(undefined); // the API will answer each call itself
    return; // the health badge already says the server is unreachable
  }
  applyRole(role);
  if (role && !currentToken()) return; // no tokens configured: the local user needs no sign-in
  const onSubmit = (ev: Event) => {
    ev.preventDefault();
    const value = (box.querySelector('#token') as HTMLInputElement).value.trim();
    if (value) signIn(value);
  };
  render(
    role
      ? html`<span class="muted">signed in as <b id="signed-in-role">${role}</b></span>
          <button id="sign-out" class="link" @click=${signOut}>sign out</button>`
      : html`<form id="sign-in-form" @submit=${onSubmit}>
          <input id="token" type="password" placeholder="Access token" autocomplete="off" aria-label="Access token" />
          <button>Sign in</button>
          ${problem ? html`<span class="error" id="sign-in-error">${problem}</span>` : nothing}
        </form>`,
    box,
  );
}
