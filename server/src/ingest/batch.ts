// Aggregates the effects of many rows into statement parameters: one row per account, per
// (account, identifier) pair and per account pair, so a batch never writes one edge per event.
import {
  LINK_SUMS,
  LINK_TYPES,
  zeroSums,
  type AccountLinkType,
  type LinkSums,
  type LinkType,
  type RowEffects,
} from './effects.js';
import { addEvent, keepsEvents, type LinkEvents } from '../model/events.js';

type Props = Record<string, string | number | boolean>;

interface Span {
  first: number | null;
  last: number | null;
}

/** The value under `key`, created by `make` the first time. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

function widen(span: Span, t: number | null) {
  if (t === null) return;
  if (span.first === null || t < span.first) span.first = t;
  if (span.last === null || t > span.last) span.last = t;
}

export interface AccountRow extends Span {
  key: string;
  registeredAt: number | null;
  firstOrderAt: number | null;
  label: 'fraud' | 'legit' | null;
  props: Props;
}
export interface LinkRow extends Span, LinkSums, Partial<LinkEvents> {
  account: string;
  key: string;
  count: number;
}
export interface NodeRow extends Span {
  key: string;
  nodeProps: Props;
}
export interface AccountLinkRow extends Span, LinkEvents {
  from: string;
  to: string;
  count: number;
  amount: number;
}

export class Batch {
  rows = 0;
  readonly accounts = new Map<string, AccountRow>();
  /** Identifier nodes by label, one row per key however many accounts name it in the batch. */
  readonly nodes = new Map<string, Map<string, NodeRow>>();
  readonly links = new Map<LinkType, Map<string, LinkRow>>();
  readonly accountLinks = new Map<AccountLinkType, Map<string, AccountLinkRow>>();
  readonly deviceTools = new Map<string, { device: string; tool: string; category: string; count: number }>();
  readonly intel: RowEffects['intel'] = [];
  readonly apis: RowEffects['apis'] = [];

  add(e: RowEffects): void {
    this.rows++;
    for (const a of e.accounts) {
      const row = entry(this.accounts, a.key, () => ({
        key: a.key,
        first: null,
        last: null,
        registeredAt: null,
        firstOrderAt: null,
        label: null,
        props: {},
      }));
      widen(row, a.t);
      if (a.registeredAt !== null && (row.registeredAt === null || a.registeredAt < row.registeredAt)) {
        row.registeredAt = a.registeredAt;
      }
      if (a.firstOrderAt !== null && (row.firstOrderAt === null || a.firstOrderAt < row.firstOrderAt)) {
        row.firstOrderAt = a.firstOrderAt;
      }
      if (a.label !== null) row.label = a.label;
      Object.assign(row.props, a.props);
    }
    for (const a of e.attributes) {
      const byKey = entry(this.nodes, a.label, () => new Map<string, NodeRow>());
      const node = entry(byKey, a.key, () => ({ key: a.key, first: null, last: null, nodeProps: {} }));
      Object.assign(node.nodeProps, a.props);
    }
    for (const l of e.links) {
      const byPair = entry(this.links, l.rel, () => new Map<string, LinkRow>());
      const row = entry(byPair, `${l.account}\u0000${l.key}`, () => ({
        account: l.account,
        key: l.key,
        first: null,
        last: null,
        count: 0,
        ...zeroSums(),
        ...(keepsEvents(l.rel) ? { eventTimes: [], eventAmounts: [] } : {}),
      }));
      widen(row, l.t);
      row.count++;
      for (const k of LINK_SUMS) row[k] += l[k];
      if (row.eventTimes && row.eventAmounts) addEvent(row as LinkEvents, l.t, l.amount);
      const byKey = entry(this.nodes, LINK_TYPES[l.rel], () => new Map<string, NodeRow>());
      const node = entry(byKey, l.key, () => ({ key: l.key, first: null, last: null, nodeProps: {} }));
      widen(node, l.t);
      Object.assign(node.nodeProps, l.nodeProps);
    }
    for (const l of e.accountLinks) {
      const byPair = entry(this.accountLinks, l.rel, () => new Map<string, AccountLinkRow>());
      const row = entry(byPair, `${l.from}\u0000${l.to}`, () => ({
        from: l.from,
        to: l.to,
        first: null,
        last: null,
        count: 0,
        amount: 0,
        eventTimes: [],
        eventAmounts: [],
      }));
      widen(row, l.t);
      row.count++;
      row.amount += l.amount;
      if (keepsEvents(l.rel)) addEvent(row, l.t, l.amount);
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

/** The catalogue statement upserting one label's nodes: "PaymentMethod" → "ingest/node-payment-method". */
export function nodeStatement(label: string): string {
  return `ingest/node-${label === 'IP' ? 'ip' : label.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase()}`;
}
