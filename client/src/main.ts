// ringscope web app entry: health status header and the graph canvas.
import cytoscape from 'cytoscape';
import './style.css';

interface Health {
  status: string;
  neo4j: { connected: boolean; version?: string; counts?: Record<string, number>; error?: string };
}

const app = document.getElementById('app')!;
app.innerHTML = `
  <header class="topbar"><h1>ringscope</h1><span id="health" class="health pending">checking database…</span></header>
  <main id="canvas" class="canvas"></main>`;

const health = document.getElementById('health')!;
fetch('/health')
  .then((r) => r.json() as Promise<Health>)
  .then((h) => {
    if (h.neo4j.connected) {
      const c = h.neo4j.counts ?? {};
      health.textContent = `Neo4j ${h.neo4j.version} connected · ${c.accounts ?? 0} accounts · ${c.rings ?? 0} rings`;
      health.className = 'health ok';
    } else {
      health.textContent = `Database unavailable: ${h.neo4j.error ?? 'unknown error'}`;
      health.className = 'health down';
    }
  })
  .catch(() => {
    health.textContent = 'Server unreachable';
    health.className = 'health down';
  });

cytoscape({ container: document.getElementById('canvas'), elements: [] });
