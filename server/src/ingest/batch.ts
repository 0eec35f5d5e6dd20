// Aggregates the effects of many rows into statement parameters: one row per account, per
// (account, identifier) pair and per account pair, so a batch never writes one edge per event.
import type { AccountLinkType, LinkType, RowEffects } from './row-effects.js';

type Props = Record<string, string | number | boolean>;

interface Span {
  first: number | null;
  last: number | null;
}

function widen(span: Span, t: number | null) {
  if (t === null) return;
  if (span.first === null || t < span.first) span.first = t;
  if (span.last === null || t > span.last) span.last = t;
}

export interface AccountRow extends Span {
  key: string;
  registeredAt: number | null;
  label: 'fraud' | 'legit' | null;
  props: Props;
}
export interface LinkRow extends Span {
  account: string;
  key: string;
  count: number;
  amount: number;
  declines: number;
  chargebacks: number;
  refunds: number;
  failures: number;
  nodeProps: Props;
}
export interface AccountLinkRow extends Span {
  from: string;
  to: string;
  count: number;
  amount: number;
}

export class Batch {
  rows = 0;
  readonly accounts = new Map<string, AccountRow>();
  readonly links = new Map<LinkType, Map<string, LinkRow>>();
  readonly accountLinks = new Map<AccountLinkType, Map<string, AccountLinkRow>>();
  readonly deviceTools = new Map<string, { device: string; tool: string; category: string; count: number }>();
  readonly intel: RowEffects['intel'] = [];
  readonly apis: RowEffects['apis'] = [];

  add(e: RowEffects): void {
    this.rows++;
    for (const a of e.accounts) {
      let row = this.accounts.get(a.key);
      if (!row) {
        row = { key: a.key, first: null, last: null, registeredAt: null, label: null, props: {} };
        this.accounts.set(a.key, row);
      }
      widen(row, a.t);
      if (a.registeredAt !== null && (row.registeredAt === null || a.registeredAt < row.registeredAt)) {
        row.registeredAt = a.registeredAt;
      }
      if (a.label !== null) row.label = a.label;
      Object.assign(row.props, a.props);
    }
    for (const l of e.links) {
      let byPair = this.links.get(l.rel);
      if (!byPair) this.links.set(l.rel, (byPair = new Map()));
      const id = `${l.account}\u0000${l.key}`;
      let row = byPair.get(id);
      if (!row) {
        row = {
          account: l.account,
          key: l.key,
          first: null,
          last: null,
          count: 0,
          amount: 0,
          declines: 0,
          chargebacks: 0,
          refunds: 0,
          failures: 0,
          nodeProps: {},
        };
        byPair.set(id, row);
      }
      widen(row, l.t);
      row.count++;
      row.amount += l.amount;
      row.declines += l.declines;
      row.chargebacks += l.chargebacks;
      row.refunds += l.refunds;
      row.failures += l.failures;
      Object.assign(row.nodeProps, l.nodeProps);
    }
    for (const l of e.accountLinks) {
      let byPair = this.accountLinks.get(l.rel);
      if (!byPair) this.accountLinks.set(l.rel, (byPair = new Map()));
      const id = `${l.from}\u0000${l.to}`;
      let row = byPair.get(id);
      if (!row) byPair.set(id, (row = { from: l.from, to: l.to, first: null, last: null, count: 0, amount: 0 }));
      widen(row, l.t);
      row.count++;
      row.amount += l.amount;
    }
    for (const d of e.deviceTools) {
      const id = `${d.device}\u0000${d.tool}`;
      const row = this.deviceTools.get(id);
      if (row) row.count++;
      else this.deviceTools.set(id, { device: d.device, tool: d.tool, category: d.category, count: 1 });
    }
    this.intel.push(...e.intel);
    this.apis.push(...e.apis);
  }

  get empty(): boolean {
    return this.rows === 0;
  }
}

/** The catalogue statement for each link type: "USED_DEVICE" → "ingest/link-used-device". */
export function linkStatement(rel: string, prefix: 'link' | 'account-link'): string {
  return `ingest/${prefix}-${rel.toLowerCase().replaceAll('_', '-')}`;
}
