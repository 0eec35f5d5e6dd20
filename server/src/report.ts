// Case reports in plain words (Markdown) for the CLI: a ring (score, reasons, the chain tier by
// tier, members, timeline) or an entity's trace (its ring, resources and events in time order).
// The web app's HTML report adds the picture; this one is for tickets and e-mails.
import type { Database } from './db/database.js';
import type { GraphNode } from './explore/graph-model.js';
import { getRing, type RingDetail, type TimelineEvent } from './explore/rings.js';
import { trace, type Trace } from './explore/trace.js';
import { parseId } from './model/ids.js';

const LIST_CAP = 25;

function nodeLine(n: GraphNode): string {
  const tags = n.tags.length ? ` [${n.tags.join(', ')}]` : '';
  const risk = n.risk !== null ? ` risk ${n.risk.toFixed(2)}` : '';
  return `${n.type} \`${n.label}\`${tags}${risk}`;
}

function capped<T>(items: T[], line: (x: T) => string): string[] {
  const out = items.slice(0, LIST_CAP).map((x) => `- ${line(x)}`);
  if (items.length > LIST_CAP) out.push(`- … and ${items.length - LIST_CAP} more`);
  return out;
}

function timelineLines(events: TimelineEvent[]): string[] {
  return capped(events, (e) => `${e.time.slice(0, 19).replace('T', ' ')} UTC: ${e.detail}`);
}

export function formatRingReport(ring: RingDetail): string {
  const lines = [
    `# Ring ${ring.id}`,
    '',
    `Score **${ring.score.toFixed(2)}**, ${ring.size} accounts` +
      (ring.detectedAt ? `, detected ${ring.detectedAt.slice(0, 16).replace('T', ' ')} UTC` : '') +
      '.',
    '',
    '## Why it was flagged',
    ...ring.reasons.map((r) => `- ${r.detail} (${r.code}, weight ${r.weight.toFixed(2)})`),
    '',
    '## The chain, upstream to cash-out',
  ];
  for (const tier of ring.chain) {
    lines.push('', `### ${tier.title} (${tier.entities.length})`, ...capped(tier.entities, nodeLine));
  }
  lines.push('', '## Timeline', ...timelineLines(ring.timeline));
  if (ring.graph.truncated) lines.push('', `_The picture was capped at ${ring.graph.nodes.length} nodes._`);
  return lines.join('\n') + '\n';
}

export function formatTraceReport(t: Trace): string {
  const root = t.graph.nodes.find((n) => n.id === t.root);
  const lines = [
    `# Trace of ${root ? nodeLine(root) : t.root}`,
    '',
    t.rings.length ? `Member of ring(s): ${t.rings.join(', ')}.` : 'Not a member of any detected ring.',
    '',
    `## What it connects to (${t.graph.nodes.length - 1})`,
    ...capped(
      t.graph.nodes.filter((n) => n.id !== t.root),
      nodeLine,
    ),
    '',
    '## Attack path in time order',
    ...timelineLines(t.events),
  ];
  return lines.join('\n') + '\n';
}

export type Report = { kind: 'ring'; ring: RingDetail } | { kind: 'trace'; trace: Trace };

/** A ring id gives a ring report; an account id ("Account:u_1") the trace of that account. */
export async function buildReport(db: Database, id: string, maxNodes: number): Promise<Report | undefined> {
  const ring = await getRing(db, id, maxNodes);
  if (ring) return { kind: 'ring', ring };
  if (!id.includes(':')) return undefined;
  const t = await trace(db, parseId(id), maxNodes);
  return t ? { kind: 'trace', trace: t } : undefined;
}
