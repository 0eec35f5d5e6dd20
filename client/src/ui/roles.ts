// What the signed-in role may do, shown before it is tried: a control that changes data carries
// `data-needs="<role>"` (and `data-action`, what it does); below that role it looks disabled and a
// click or submit is stopped with a status line that says which role it needs, instead of a
// request the API would refuse. The API still checks every call (graphql/auth.ts).
import { setStatus } from './status.js';

/** viewer < investigator < analyst < admin (the server's order). */
const ROLES = ['viewer', 'investigator', 'analyst', 'admin'] as const;
type Role = (typeof ROLES)[number];

let current: Role | null = 'admin';

/** Records who is signed in (null: nobody) and marks the page with what that role may do. */
export function applyRole(role: string | null): void {
  current = (ROLES as readonly string[]).includes(role ?? '') ? (role as Role) : null;
  const rank = current === null ? -1 : ROLES.indexOf(current);
  ROLES.forEach((r, i) => document.body.classList.toggle(`can-${r}`, rank >= i));
}

function allowed(needed: string): boolean {
  return current !== null && ROLES.indexOf(current) >= ROLES.indexOf(needed as Role);
}

/** Stops clicks and submits on controls the current role may not use, and says why. */
export function guardRoleControls(): void {
  applyRole(current);
  const guard = (ev: Event) => {
    const el = (ev.target as Element | null)?.closest?.('[data-needs]');
    const needed = el?.getAttribute('data-needs');
    if (!el || !needed || allowed(needed)) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    const action = el.getAttribute('data-action') ?? 'This';
    setStatus(
      `${action} needs the ${needed} role; ${current ? `you are signed in as ${current}` : 'sign in first'}.`,
      'error',
    );
  };
  document.addEventListener('click', guard, true);
  document.addEventListener('submit', guard, true);
}
