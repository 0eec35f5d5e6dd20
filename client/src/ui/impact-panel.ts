// Impact preview before a block (left sidebar tab "Block"): identifiers typed one per line or
// taken from the canvas selection → accounts, orders and amount the block would touch, flagged vs
// collateral, and the rings it reaches. The same view shows a ring's choke point impact.
import { html, nothing, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { ImpactQuery, type BlockInput, type ImpactResult } from '../api/workflow-queries.js';
import type { Workspace } from './workspace.js';

const BLOCKABLE = new Set(['Device', 'IP', 'PaymentMethod', 'Phone', 'Email', 'Address']);

/** One identifier per line: Label:key, a CIDR range, a BIN (6–8 digits), +phone prefix, or an address. */
export function parseBlockLines(text: string): BlockInput {
  const block = {
    ids: [] as string[],
    ipRanges: [] as string[],
    bins: [] as string[],
    phoneBlocks: [] as string[],
    addresses: [] as string[],
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon > 0 && BLOCKABLE.has(line.slice(0, colon))) block.ids.push(line);
    else if (/^[\d.:a-f]+\/\d{1,3}$/i.test(line)) block.ipRanges.push(line);
    else if (/^(bin:)?\d{6,8}$/i.test(line)) block.bins.push(line.replace(/^bin:/i, ''));
    else if (/^\+[\d ()-]+$/.test(line)) block.phoneBlocks.push(line);
    else block.addresses.push(line);
  }
  return block;
}

const money = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 0 });

export function impactView(i: ImpactResult, open: (ringId: string) => void) {
  return html`<table class="impact props">
      <tr>
        <th></th>
        <th>flagged</th>
        <th>collateral</th>
      </tr>
      <tr>
        <th>accounts</th>
        <td class="impact-flagged-accounts">${i.flaggedAccounts}</td>
        <td class="impact-unflagged-accounts">${i.unflaggedAccounts}</td>
      </tr>
      <tr>
        <th>orders</th>
        <td>${i.flaggedOrders}</td>
        <td>${i.unflaggedOrders}</td>
      </tr>
      <tr>
        <th>amount</th>
        <td>${money(i.flaggedAmount)}</td>
        <td>${money(i.unflaggedAmount)}</td>
      </tr>
    </table>
    <p class="muted">${i.blocked.length} identifier(s) blocked · ${i.accounts} account(s) touched</p>
    ${
      i.rings.length
        ? html`<h4>Rings cut</h4>
            <ul class="impact-rings">
              ${i.rings.map(
                (r) =>
                  html`<li>
                    <button class="link" @click=${() => open(r.id)}>${r.id}</button> ${r.touched} of ${r.size} members
                    (score ${r.score.toFixed(2)})
                  </li>`,
              )}
            </ul>`
        : nothing
    }
    ${
      i.accountsSample.some((a) => !a.flagged)
        ? html`<h4>Collateral accounts</h4>
            <ul class="impact-collateral">
              ${i.accountsSample
                .filter((a) => !a.flagged)
                .slice(0, 20)
                .map((a) => html`<li>${a.id} · ${a.orders} orders · ${money(a.amount)}</li>`)}
            </ul>`
        : nothing
    }`;
}

export function initImpactPanel(ws: Workspace, box: HTMLElement): void {
  let result: ReturnType<typeof html> | typeof nothing = nothing;
  const draw = () =>
    render(
      html`<p class="muted">
          One per line: an id (Device:…, IP:…, PaymentMethod:…, Phone:…, Address:…), an IP range (203.0.113.0/24), a
          card BIN (6–8 digits), a phone block (+1202555) or an address.
        </p>
        <textarea id="block-input" rows="6"></textarea>
        <button id="block-selected">Use selected nodes</button>
        <button id="block-preview">Preview impact</button>
        <div id="impact-result">${result}</div>`,
      box,
    );
  draw();
  const input = () => box.querySelector<HTMLTextAreaElement>('#block-input')!;
  box.querySelector<HTMLButtonElement>('#block-selected')!.onclick = () => {
    const ids = ws.cy
      .$('node:selected')
      .map((n) => n.id())
      .filter((id) => BLOCKABLE.has(id.slice(0, id.indexOf(':'))));
    input().value = [...new Set([...input().value.split('\n').filter(Boolean), ...ids])].join('\n');
  };
  box.querySelector<HTMLButtonElement>('#block-preview')!.onclick = async () => {
    result = html`<p class="muted">Computing…</p>`;
    draw();
    try {
      const { impactPreview } = await gql(ImpactQuery, { block: parseBlockLines(input().value) });
      result = impactView(impactPreview, (id) => void ws.openRing(id));
    } catch (e) {
      result = html`<p class="error">${messageOf(e)}</p>`;
    }
    draw();
  };
}
