// The status line under the canvas and the overlay that covers an empty or failing canvas.
import { messageOf } from '../api/graphql.js';
import { byId } from './dom.js';

export const EMPTY_HINT = 'Open a ring from the list, or search for an identifier.';

export function setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
  const s = byId('status');
  s.textContent = text;
  s.className = `status ${kind}`;
}

export function showOverlay(text: string | null, kind: 'info' | 'error' | 'loading' = 'info'): void {
  const o = byId('overlay');
  o.hidden = text === null;
  o.textContent = text ?? '';
  o.className = `overlay ${kind}`;
}

/** Reports an error in the status line, and on the overlay when the canvas is empty. */
export function showError(e: unknown, canvasEmpty: boolean): void {
  const msg = messageOf(e);
  setStatus(msg, 'error');
  if (canvasEmpty) showOverlay(msg, 'error');
}
