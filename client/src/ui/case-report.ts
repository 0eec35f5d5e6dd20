// A case report in HTML and Markdown: the picture and its legend, members, the rings' reasons,
// attack types and blind spots, flags and notes, the action timeline and an account's attack path.
import { gql } from '../api/graphql.js';
import { TraceQuery } from '../api/queries.js';
import { CaseRingQuery, type CaseDetail, type CaseRing } from '../api/workflow-queries.js';
import { TYPE_STYLE } from '../graph/style.js';
import { download, shortTime } from './dom.js';
import type { Workspace } from './workspace.js';

interface ReportData {
  c: CaseDetail;
  picture: string;
  types: string[];
  members: string[];
  rings: CaseRing[];
  path: { time: string; detail: string }[];
}

async function collect(ws: Workspace, c: CaseDetail): Promise<ReportData> {
  const ringIds = c.entities.filter((e) => e.startsWith('Ring:'));
  const rings = (await Promise.all(ringIds.map((id) => gql(CaseRingQuery, { id: id.slice(5) }))))
    .map((r) => r.ring)
    .filter((r): r is CaseRing => r !== null);
  const accounts = [
    ...new Set([
      ...c.entities.filter((e) => e.startsWith('Account:')),
      ...ws.cy.nodes('[type = "Account"]').map((n) => n.id()),
    ]),
  ];
  const first = c.entities.find((e) => e.startsWith('Account:')) ?? accounts[0];
  const path = first ? ((await gql(TraceQuery, { id: first })).trace?.events ?? []) : [];
  return {
    c,
    picture: ws.cy.elements().length ? ws.cy.png({ full: true, bg: '#ffffff', maxWidth: 1600 }) : '',
    types: [...new Set(ws.cy.nodes().map((n) => String(n.data('type'))))],
    members: accounts,
    rings,
    path,
  };
}

export function markdown(d: ReportData): string {
  const { c } = d;
  const lines = [
    `# Case ${c.id}: ${c.title}`,
    '',
    `Opened by ${c.createdBy} on ${shortTime(c.createdAt)}.`,
    '',
    '## Picture',
    '',
    d.picture ? `![case picture](${d.picture})` : '_no picture: the canvas was empty_',
    '',
    `Legend: ${d.types.map((t) => `${t} (${TYPE_STYLE[t]?.color ?? '?'})`).join(', ')}; red border = risk ≥ 0.5.`,
    '',
  ];
  for (const r of d.rings) {
    lines.push(
      `## Ring ${r.id}`,
      '',
      `Score ${r.score.toFixed(2)}, ${r.size} accounts, triage ${r.triage.status.toLowerCase()}${r.triage.assignee ? ` (${r.triage.assignee})` : ''}.`,
    );
    lines.push(
      `Attack type: ${r.attack ? `${r.attack.title} (confidence ${r.attack.confidence.toFixed(2)})` : 'unclear'}.`,
      '',
    );
    lines.push('Reasons:', '', ...r.reasons.map((x) => `- **${x.code}**: ${x.detail}`), '');
    if (r.blindSpots.length)
      lines.push(
        'Blind spots (abused APIs without a protective control):',
        '',
        ...r.blindSpots.map((b) => `- ${b.api}: ${b.calls} calls, ${b.money.toFixed(0)} paid`),
        '',
      );
  }
  lines.push('## Members', '', ...(d.members.length ? d.members.map((m) => `- ${m}`) : ['_none_']), '');
  lines.push(
    '## Flags',
    '',
    ...(c.flags.length
      ? c.flags.map((f) => `- ${f.entityId}: **${f.tag}** by ${f.by} ${shortTime(f.at)}${f.note ? ` — ${f.note}` : ''}`)
      : ['_none_']),
    '',
  );
  lines.push(
    '## Notes',
    '',
    ...(c.notes.length ? c.notes.map((n) => `- ${shortTime(n.at)} ${n.by}: ${n.text}`) : ['_none_']),
    '',
  );
  lines.push(
    '## Timeline',
    '',
    ...c.timeline.map((e) => `- ${shortTime(e.at)} ${e.by}: ${e.action} — ${e.detail}`),
    '',
  );
  lines.push(
    '## Attack path',
    '',
    ...(d.path.length ? d.path.map((p) => `- ${shortTime(p.time)} ${p.detail}`) : ['_no account in the case_']),
    '',
  );
  return lines.join('\n');
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export function htmlReport(d: ReportData): string {
  const { c } = d;
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p><em>none</em></p>';
  const rings = d.rings
    .map(
      (r) => `<h2>Ring ${esc(r.id)}</h2>
<p>Score ${r.score.toFixed(2)}, ${r.size} accounts, triage ${esc(r.triage.status.toLowerCase())}${r.triage.assignee ? ` (${esc(r.triage.assignee)})` : ''}.
Attack type: <b>${r.attack ? `${esc(r.attack.title)}</b> (confidence ${r.attack.confidence.toFixed(2)})` : 'unclear</b>'}.</p>
<h3>Reasons</h3>${list(r.reasons.map((x) => `<b>${esc(x.code)}</b>: ${esc(x.detail)}`))}
<h3>Blind spots</h3>${list(r.blindSpots.map((b) => `${esc(b.api)}: ${b.calls} calls, ${b.money.toFixed(0)} paid`))}`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Case ${esc(c.id)}</title>
<style>body{font:14px system-ui,sans-serif;max-width:1000px;margin:2em auto}img{max-width:100%;border:1px solid #ddd}
.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin:0 4px 0 10px}</style></head><body>
<h1>Case ${esc(c.id)}: ${esc(c.title)}</h1>
<p>Opened by ${esc(c.createdBy)} on ${esc(shortTime(c.createdAt))}.</p>
${d.picture ? `<img alt="case picture" src="${d.picture}">` : '<p><em>no picture: the canvas was empty</em></p>'}
<p class="legend">${d.types.map((t) => `<i style="background:${TYPE_STYLE[t]?.color ?? '#999'}"></i>${esc(t)}`).join('')} · red border = risk ≥ 0.5</p>
${rings}
<h2>Members</h2>${list(d.members.map(esc))}
<h2>Flags</h2>${list(c.flags.map((f) => `${esc(f.entityId)}: <b>${esc(f.tag)}</b> by ${esc(f.by)} ${esc(shortTime(f.at))}${f.note ? ` — ${esc(f.note)}` : ''}`))}
<h2>Notes</h2>${list(c.notes.map((n) => `${esc(shortTime(n.at))} ${esc(n.by)}: ${esc(n.text)}`))}
<h2>Timeline</h2>${list(c.timeline.map((e) => `${esc(shortTime(e.at))} ${esc(e.by)}: ${esc(e.action)} — ${esc(e.detail)}`))}
<h2>Attack path</h2>${list(d.path.map((p) => `${esc(shortTime(p.time))} ${esc(p.detail)}`))}
</body></html>`;
}

export async function downloadCaseReport(ws: Workspace, c: CaseDetail, format: 'html' | 'md'): Promise<void> {
  const d = await collect(ws, c);
  const text = format === 'html' ? htmlReport(d) : markdown(d);
  download(`case-${c.id}.${format}`, new Blob([text], { type: format === 'html' ? 'text/html' : 'text/markdown' }));
}
