// The bulk import's aggregation: row effects → spill records (spill.ts) → per partition, one
// aggregate per node, per (account, identifier) link, per account pair and per device–tool pair,
// folded with exactly the rules of the transactional statements in cypher/ingest/ (min first seen,
// max last seen, summed counts and amounts, last non-null label, later properties overwrite
// earlier ones, tags and intel sources kept once each in first-seen order, highest confidence).
import { LINK_TYPES, type AccountLinkType, type LinkType, type RowEffects } from '../effects.js';
import type { SpillWriter } from './spill.js';
import { addEvent, keepsEvents, type LinkEvents } from '../../model/events.js';

type Props = Record<string, string | number | boolean>;
type Time = number | null;

export interface NodeAgg {
  key: string;
  first: Time;
  last: Time;
  registeredAt: Time;
  firstOrderAt: Time;
  label: string | null;
  props: Props;
  tags: string[];
  intelConfidence: number | null;
  intelSources: string[] | null;
  /** Accounts: the data sources they were seen in, in first-seen order. */
  sources: string[];
  /** Set when an API asset row named this endpoint (cypher/ingest/api-assets.cypher). */
  asset: { domain: string | null; sensitivity: string | null; controls: string[] } | null;
}
export interface LinkAgg {
  start: string;
  end: string;
  first: Time;
  last: Time;
  count: number;
  amount: number;
  declines: number;
  chargebacks: number;
  refunds: number;
  failures: number;
  /** Dated events, on the types that keep them (model/events.ts). */
  events: LinkEvents | null;
}

export interface PartitionAggregate {
  /** label → key → node. */
  nodes: Map<string, Map<string, NodeAgg>>;
  /** relationship file name (e.g. "USED_IP", "RAN-device") → pair → relationship. */
  rels: Map<string, Map<string, LinkAgg>>;
}

const SEP = '\u0000';

/** Writes one row's effects as spill records, each under the key it aggregates by. */
export function spillEffects(spill: SpillWriter, e: RowEffects, source: string): void {
  for (const a of e.accounts) {
    spill.add(`Account${SEP}${a.key}`, ['A', a.key, a.t, a.registeredAt, a.label, a.props, a.firstOrderAt, source]);
  }
  // Attribute tables (device → os, model; card → BIN, country): properties merged onto the node, as
  // the transactional batch does (a node row without a time).
  for (const a of e.attributes) spill.add(`${a.label}${SEP}${a.key}`, ['N', a.label, a.key, null, a.props]);
  for (const l of e.links) {
    const label = LINK_TYPES[l.rel];
    spill.add(`${label}${SEP}${l.key}`, ['N', label, l.key, l.t, l.nodeProps]);
    spill.add(`${l.rel}${SEP}${l.account}${SEP}${l.key}`, [
      'L',
      l.rel,
      l.account,
      l.key,
      l.t,
      l.amount,
      l.declines,
      l.chargebacks,
      l.refunds,
      l.failures,
    ]);
  }
  for (const l of e.accountLinks) {
    spill.add(`Account${SEP}${l.from}`, ['T', l.from]);
    spill.add(`Account${SEP}${l.to}`, ['T', l.to]);
    spill.add(`${l.rel}${SEP}${l.from}${SEP}${l.to}`, ['R', l.rel, l.from, l.to, l.t, l.amount]);
  }
  for (const d of e.deviceTools) {
    spill.add(`RAN-device${SEP}${d.device}${SEP}${d.tool}`, ['D', d.device, d.tool]);
  }
  for (const i of e.intel) {
    spill.add(`${i.label}${SEP}${i.key}`, ['I', i.label, i.key, i.tags, i.confidence, i.source, i.nodeProps]);
  }
  for (const p of e.apis) {
    spill.add(`Api${SEP}${p.key}`, ['P', p.key, p.domain, p.sensitivity, p.controls, p.tags]);
  }
}

function widen(agg: { first: Time; last: Time }, t: Time) {
  if (t === null) return;
  if (agg.first === null || t < agg.first) agg.first = t;
  if (agg.last === null || t > agg.last) agg.last = t;
}

function addTags(into: string[], tags: string[]) {
  for (const t of tags) if (!into.includes(t)) into.push(t);
}

export function emptyAggregate(): PartitionAggregate {
  return { nodes: new Map(), rels: new Map() };
}

function node(agg: PartitionAggregate, label: string, key: string): NodeAgg {
  let byKey = agg.nodes.get(label);
  if (!byKey) agg.nodes.set(label, (byKey = new Map()));
  let n = byKey.get(key);
  if (!n) {
    n = {
      key,
      first: null,
      last: null,
      registeredAt: null,
      firstOrderAt: null,
      label: null,
      props: {},
      tags: [],
      intelConfidence: null,
      intelSources: null,
      sources: [],
      asset: null,
    };
    byKey.set(key, n);
  }
  return n;
}

function rel(agg: PartitionAggregate, file: string, start: string, end: string): LinkAgg {
  let byPair = agg.rels.get(file);
  if (!byPair) agg.rels.set(file, (byPair = new Map()));
  const id = `${start}${SEP}${end}`;
  let r = byPair.get(id);
  if (!r) {
    r = {
      start,
      end,
      first: null,
      last: null,
      count: 0,
      amount: 0,
      declines: 0,
      chargebacks: 0,
      refunds: 0,
      failures: 0,
      events: keepsEvents(file) ? { eventTimes: [], eventAmounts: [] } : null,
    };
    byPair.set(id, r);
  }
  return r;
}

/** Folds one spill record into the partition's aggregate (records arrive in file order). */
export function foldRecord(agg: PartitionAggregate, rec: unknown[]): void {
  switch (rec[0]) {
    case 'A': {
      const [, key, t, registeredAt, label, props, firstOrderAt, source] = rec as [
        string,
        string,
        Time,
        Time,
        string | null,
        Props,
        Time,
        string,
      ];
      const n = node(agg, 'Account', key);
      widen(n, t);
      if (registeredAt !== null && (n.registeredAt === null || registeredAt < n.registeredAt)) {
        n.registeredAt = registeredAt;
      }
      if (firstOrderAt != null && (n.firstOrderAt === null || firstOrderAt < n.firstOrderAt)) {
        n.firstOrderAt = firstOrderAt;
      }
      if (label !== null) n.label = label;
      Object.assign(n.props, props);
      if (!n.sources.includes(source)) n.sources.push(source);
      return;
    }
    case 'T':
      node(agg, 'Account', rec[1] as string);
      return;
    case 'N': {
      const [, label, key, t, props] = rec as [string, string, string, Time, Props];
      const n = node(agg, label, key);
      widen(n, t);
      Object.assign(n.props, props);
      return;
    }
    case 'L': {
      const [, type, account, key, t, amount, declines, chargebacks, refunds, failures] = rec as [
        string,
        LinkType,
        string,
        string,
        Time,
        number,
        number,
        number,
        number,
        number,
      ];
      const r = rel(agg, type, account, key);
      widen(r, t);
      r.count++;
      r.amount += amount;
      r.declines += declines;
      r.chargebacks += chargebacks;
      r.refunds += refunds;
      r.failures += failures;
      if (r.events) addEvent(r.events, t, amount);
      return;
    }
    case 'R': {
      const [, type, from, to, t, amount] = rec as [string, AccountLinkType, string, string, Time, number];
      const r = rel(agg, type, from, to);
      widen(r, t);
      r.count++;
      r.amount += amount;
      if (r.events) addEvent(r.events, t, amount);
      return;
    }
    case 'D':
      rel(agg, 'RAN-device', rec[1] as string, rec[2] as string).count++;
      return;
    case 'I': {
      const [, label, key, tags, confidence, source, props] = rec as [
        string,
        string,
        string,
        string[],
        number | null,
        string | null,
        Props,
      ];
      const n = node(agg, label, key);
      addTags(n.tags, tags);
      if (confidence !== null && (n.intelConfidence === null || confidence > n.intelConfidence)) {
        n.intelConfidence = confidence;
      }
      if (source !== null) {
        n.intelSources ??= [];
        if (!n.intelSources.includes(source)) n.intelSources.push(source);
      }
      Object.assign(n.props, props);
      return;
    }
    case 'P': {
      const [, key, domain, sensitivity, controls, tags] = rec as [
        string,
        string,
        string | null,
        string | null,
        string[],
        string[],
      ];
      const n = node(agg, 'Api', key);
      n.asset = {
        domain: domain ?? n.asset?.domain ?? null,
        sensitivity: sensitivity ?? n.asset?.sensitivity ?? null,
        controls,
      };
      addTags(n.tags, tags);
      return;
    }
    default:
      throw new Error(`bulk import: unknown spill record '${String(rec[0])}'`);
  }
}
