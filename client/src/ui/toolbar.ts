// The canvas toolbar: layouts, expand/collapse/hide/pin, undo, path finder, clear; and the
// canvas gestures that go with them (double-click expands, selection opens details).
import type { ElementDefinition } from 'cytoscape';
import { gql } from '../api/graphql.js';
import { PathsQuery } from '../api/queries.js';
import { showEntity } from './details-panel.js';
import { byId } from './dom.js';
import { setStatus } from './status.js';
import type { Workspace } from './workspace.js';

export function initToolbar(ws: Workspace): void {
  const { cy } = ws;
  const expandType = () => byId<HTMLSelectElement>('expand-types').value;

  cy.on('dbltap', 'node', (ev) => {
    if (!ev.target.hasClass('more')) void ws.expand([ev.target.id()], expandType());
  });
  // The "+N more" node of a hub pages on through the hub's links.
  cy.on('tap', 'node.more', (ev) => void ws.pageHub(String(ev.target.data('hub'))));
  cy.on('select unselect', 'node', () => {
    const sel = cy.nodes(':selected').not('.more');
    byId<HTMLButtonElement>('btn-path').disabled = sel.length !== 2;
    if (sel.length === 1) void showEntity(ws, sel[0]!.id());
  });

  byId('btn-expand').onclick = () => {
    const ids = cy.nodes(':selected').map((n) => n.id());
    if (ids.length) void ws.expand(ids, expandType());
  };
  byId('btn-hide').onclick = () => {
    const sel = cy.elements(':selected').union(cy.elements(':selected').connectedEdges());
    ws.history.record({ added: [], removed: sel.jsons() as unknown as ElementDefinition[] });
    sel.remove();
    ws.changed();
  };
  byId('btn-collapse').onclick = () => {
    // Removes neighbours that hang only on the selected nodes.
    const leaves = cy
      .nodes(':selected')
      .neighborhood('node')
      .filter((n) => n.isNode() && n.connectedEdges().length <= 1 && !n.hasClass('pinned'));
    const gone = leaves.union(leaves.connectedEdges());
    ws.history.record({ added: [], removed: gone.jsons() as unknown as ElementDefinition[] });
    gone.remove();
    ws.changed();
  };
  byId('btn-pin').onclick = () => {
    cy.nodes(':selected').forEach((n) => {
      if (n.locked()) n.unlock().removeClass('pinned');
      else n.lock().addClass('pinned');
    });
  };
  byId('btn-undo').onclick = () => ws.undo();
  byId('btn-redo').onclick = () => ws.redo();
  byId('btn-clear').onclick = () => ws.clear();
  for (const name of ['force', 'chain', 'concentric', 'grid'] as const)
    byId(`layout-${name}`).onclick = () => ws.setLayout(name);
  byId('btn-fit').onclick = () => ws.fit();
  byId('btn-zoom-in').onclick = () => ws.zoomBy(1.25);
  byId('btn-zoom-out').onclick = () => ws.zoomBy(0.8);

  byId('btn-path').onclick = async () => {
    const [a, b] = cy.nodes(':selected').map((n) => n.id());
    if (!a || !b) return;
    try {
      const { paths } = await gql(PathsQuery, { from: a, to: b });
      if (!paths.nodes.length) {
        setStatus(`No path within 6 hops between ${a} and ${b}.`);
        return;
      }
      ws.addGraph(paths, 'none');
      cy.elements().removeClass('path');
      for (const e of paths.edges) cy.getElementById(e.id).addClass('path');
      for (const n of paths.nodes) cy.getElementById(n.id).addClass('path');
      setStatus(`Path: ${paths.nodes.length} nodes, ${paths.edges.length} links between ${a} and ${b} (highlighted)`);
    } catch (e) {
      ws.fail(e);
    }
  };
}
