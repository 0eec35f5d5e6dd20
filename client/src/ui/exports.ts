// Exports of the picture: PNG, JSON (nodes and edges with their data, flags included) and CSV.
// The "+N more" helper nodes of hubs are not part of the picture and are left out.
import type { Core } from 'cytoscape';
import { csvCell } from './csv-cell.js';
import { byId, download } from './dom.js';

export function toCsv(cy: Core): string {
  const lines = ['kind,id,type,label,risk,tags,flagged,source,target,count,firstSeen,lastSeen'];
  cy.nodes()
    .not('.more')
    .forEach((n) => {
      const tags = ((n.data('tags') as string[] | undefined) ?? []).join(';');
      const flagged = ((n.data('flagged') as string[] | undefined) ?? []).join(';');
      lines.push(
        ['node', n.id(), n.data('type'), n.data('label'), n.data('risk'), tags, flagged, '', '', '', '', '']
          .map(csvCell)
          .join(','),
      );
    });
  cy.edges()
    .not('.more')
    .forEach((e) => {
      const d = e.data() as Record<string, unknown>;
      lines.push(
        ['edge', e.id(), d.type, '', '', '', '', d.source, d.target, d.count, d.firstSeen, d.lastSeen]
          .map(csvCell)
          .join(','),
      );
    });
  return lines.join('\n');
}

export function initExports(cy: Core): void {
  byId('export-png').onclick = () =>
    download('ringscope.png', cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }) as unknown as Blob);
  byId('export-json').onclick = () => {
    const picture = {
      nodes: cy
        .nodes()
        .not('.more')
        .map((n) => n.data()),
      edges: cy
        .edges()
        .not('.more')
        .map((e) => e.data()),
    };
    download('ringscope.json', new Blob([JSON.stringify(picture, null, 2)], { type: 'application/json' }));
  };
  byId('export-csv').onclick = () => download('ringscope.csv', new Blob([toCsv(cy)], { type: 'text/csv' }));
}
