// What one input row means for the graph, as data: accounts, account→identifier links with their
// sums, account→account links, device tools, intel hits, API assets and attribute rows. The row
// readers (row-effects.ts, table-effects.ts) produce it; the batch and the bulk import consume it.
import type { IngestLabel } from '../model/labels.js';

export const LINK_TYPES = {
  USED_DEVICE: 'Device',
  USED_IP: 'IP',
  PAID_WITH: 'PaymentMethod',
  HAS_PHONE: 'Phone',
  HAS_EMAIL: 'Email',
  SHIPS_TO: 'Address',
  CALLED: 'Api',
  RAN: 'Tool',
} as const;
export type LinkType = keyof typeof LINK_TYPES;
export const ACCOUNT_LINK_TYPES = ['REFERRED', 'TRANSFERRED_TO', 'BOUGHT_FROM'] as const;
export type AccountLinkType = (typeof ACCOUNT_LINK_TYPES)[number];

/** Longest accepted field; a longer value is a broken export, not an identifier. */
export const MAX_FIELD_LENGTH = 4096;

export interface AccountUpsert {
  key: string;
  t: number | null;
  registeredAt: number | null;
  /** The account's first order or purchase (an order row's time, or a registration row's order time). */
  firstOrderAt: number | null;
  label: 'fraud' | 'legit' | null;
  props: Record<string, string | number | boolean>;
}
/** Sums a link carries besides its event count (one event here; aggregated in a batch). */
export const LINK_SUMS = ['amount', 'declines', 'chargebacks', 'refunds', 'failures'] as const;
/**
 * Sums each link type stores besides count, first and last seen: the transactional statements
 * (cypher/ingest/link-*.cypher), ringscope.writeBatch and the bulk importer's files all store these.
 */
export const LINK_SUM_COLUMNS: Record<string, readonly (typeof LINK_SUMS)[number][]> = {
  USED_DEVICE: ['failures'],
  USED_IP: ['failures'],
  CALLED: ['failures'],
  PAID_WITH: ['amount', 'declines', 'chargebacks', 'refunds'],
  SHIPS_TO: ['amount', 'declines', 'chargebacks', 'refunds'],
  HAS_PHONE: [],
  HAS_EMAIL: [],
  RAN: [],
  REFERRED: ['amount'],
  TRANSFERRED_TO: ['amount'],
  BOUGHT_FROM: ['amount'],
};

export type LinkSums = Record<(typeof LINK_SUMS)[number], number>;
export const zeroSums = (): LinkSums => ({ amount: 0, declines: 0, chargebacks: 0, refunds: 0, failures: 0 });

export interface Link extends LinkSums {
  rel: LinkType;
  account: string;
  key: string;
  t: number | null;
  nodeProps: Record<string, string | number | boolean>;
}
export interface AccountLink {
  rel: AccountLinkType;
  from: string;
  to: string;
  t: number | null;
  amount: number;
}
export interface DeviceTool {
  device: string;
  tool: string;
  category: string;
  t: number | null;
}
export interface IntelHit {
  label: IngestLabel;
  key: string;
  tags: string[];
  confidence: number | null;
  source: string | null;
  nodeProps: Record<string, string | number | boolean>;
}
export interface ApiAsset {
  key: string;
  domain: string | null;
  sensitivity: string | null;
  controls: string[];
  tags: string[];
}

/** Properties from an attribute table, merged onto one identifier node. */
export interface NodeAttributes {
  label: IngestLabel;
  key: string;
  props: Record<string, string | number>;
}

export interface RowEffects {
  accounts: AccountUpsert[];
  attributes: NodeAttributes[];
  links: Link[];
  accountLinks: AccountLink[];
  deviceTools: DeviceTool[];
  intel: IntelHit[];
  apis: ApiAsset[];
}

/** A row is accepted (its effects), rejected (why, naming the column) or skipped on purpose (why). */
export type RowResult = { ok: true; effects: RowEffects } | { ok: false; reason: string; skipped?: true };

export type RawRow = Record<string, string>;
