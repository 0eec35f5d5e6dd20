// Keyboard shortcuts and the help overlay (? key) that lists them with the canvas gestures.
import { html, render } from 'lit-html';
import { byId } from './dom.js';
import type { Workspace } from './workspace.js';

const KEYS: [string, string][] = [
  ['Double-click a node', 'expand it (new nodes are placed around it; nothing else moves)'],
  ['Click, Shift-click', 'select one node, add a second; with two selected, Path finds how they connect'],
  ['Shift-drag on the background', 'select everything in a box'],
  ['Drag a node', 'place it; Pin keeps it there in every layout'],
  ['Wheel / drag the background', 'zoom / pan'],
  ['Delete', 'hide the selection'],
  ['Ctrl+Z', 'undo'],
  ['Ctrl+Shift+Z (or Ctrl+Y)', 'redo'],
  ['F', 'fit the picture'],
  ['+ / −', 'zoom in / out'],
  ['Escape', 'clear the selection, close this help'],
  ['?', 'show or hide this help'],
];

export function toggleHelp(show?: boolean): void {
  const box = byId('help');
  box.hidden = show === undefined ? !box.hidden : !show;
}

export function initShortcuts(ws: Workspace): void {
  render(
    html`<div class="help-card" role="dialog" aria-label="Keyboard shortcuts">
      <h2>Shortcuts and gestures</h2>
      <table>
        ${KEYS.map(
          ([k, v]) =>
            html`<tr>
              <th><kbd>${k}</kbd></th>
              <td>${v}</td>
            </tr>`,
        )}
      </table>
      <button id="help-close" @click=${() => toggleHelp(false)}>Close</button>
    </div>`,
    byId('help'),
  );
  byId('btn-help').onclick = () => toggleHelp();
  document.addEventListener('keydown', (ev) => {
    const t = ev.target as HTMLElement | null;
    if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
    const ctrl = ev.ctrlKey || ev.metaKey;
    const key = ev.key.toLowerCase();
    let done = true;
    if (ctrl && key === 'z' && ev.shiftKey) ws.redo();
    else if (ctrl && key === 'y') ws.redo();
    else if (ctrl && key === 'z') ws.undo();
    else if (ctrl || ev.altKey) done = false;
    else if (ev.key === 'Delete' || ev.key === 'Backspace') byId('btn-hide').click();
    else if (key === 'f') ws.fit();
    else if (ev.key === '+' || ev.key === '=') ws.zoomBy(1.25);
    else if (ev.key === '-') ws.zoomBy(0.8);
    else if (ev.key === '?') toggleHelp();
    else if (ev.key === 'Escape') {
      toggleHelp(false);
      ws.cy.elements(':selected').unselect();
    } else done = false;
    if (done) ev.preventDefault();
  });
}
