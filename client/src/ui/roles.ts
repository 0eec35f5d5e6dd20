// What the signed-in role may do, shown before it is tried: a control that changes data carries
// `data-needs="<role>"` (and `data-action`, what it does); below that role it looks disabled and a
// click on it (or a submit of its form) is stopped with a status line that says which role it
// needs, instead of a request the API would refuse. Typing into a guarded form is never stopped.
// Until the server has said who we are (a moment after the page loads), or when it cannot say,
// controls are let through and the API answers. The API checks every call (graphql/auth.ts).
import { setStatus } from './status.js';

/** viewer < investigator < analyst < admin (the server's order). */
const ROLES = ['viewer', 'investigator', 'analyst', 'admin'] as const;
type Role = (typeof ROLES)[number];

/** 'unknown' until sign-in asked the server, or when it could not; null: not signed in. */
let current: Role | null | 'unknown' = 'unknown';

/** Records who is signed in (null: nobody; undefined: the server could not say) and marks the page. */
export function applyRole(role: string | null | undefined): void {
  current = role === undefined ? 'unknown' : (ROLES as readonly string[]).includes(role ?? '') ? (role as Role) : null;
  const rank = typeof current === 'string' && current !== 'unknown' ? ROLES.indexOf(current) : -1;
  ROLES.forEach((r, i) => document.body.classList.toggle(`can-${r}`, current === 'unknown' || rank >= i));
}

function refusal(needed: string, action: string): string | null {
  if (current === 'unknown') return null;
  if (current !== null && ROLES.indexOf(current) >= ROLES.indexOf(needed as Role)) return null;
  return `${action} needs the ${needed} role; ${current ? `you are signed in as ${current}` : 'sign in first'}.`;
}

/** Stops clicks on guarded buttons and submits of guarded forms the current role may not use, and says why. */
export function guardRoleControls(): void {
  applyRole(undefined);
  const guard = (ev: Event) => {
    const target = ev.target as Element | null;
    const el = target?.closest?.('[data-needs]');
    if (!el) return;
    // A click only counts on a button (typing into a guarded form's fields is fine).
    if (ev.type === 'click' && !target?.closest('button, input[type=submit]')) return;
    const why = refusal(el.getAttribute('data-needs') ?? 'admin', el.getAttribute('data-action') ?? 'This');
    if (why === null) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    setStatus(why, 'error');
  };
  document.addEventListener('click', guard, true);
  document.addEventListener('submit', guard, true);
}
