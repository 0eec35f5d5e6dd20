// Impact preview before a block: which identifiers a block names (single ids, IP ranges in CIDR,
// card BINs, phone number blocks, addresses as typed), and what blocking them would touch:
// accounts, orders and amount, split into flagged accounts and collateral, and the rings reached.
import ipaddr from 'ipaddr.js';
import type { Database } from '../db/database.js';
import type { EntityId } from '../model/ids.js';
import { normaliseKey } from '../model/normalise/by-label.js';
import { FLAG_THRESHOLD } from '../model/thresholds.js';

export const BLOCKABLE = ['Device', 'IP', 'PaymentMethod', 'Phone', 'Email', 'Address'] as const;
export type Blockable = (typeof BLOCKABLE)[number];

/** A range or block that matches more identifiers than this is refused as too broad. */
export const MAX_BLOCKED = 5000;

export class BlockError extends Error {}

export interface BlockRequest {
  ids: EntityId[];
  ipRanges: string[];
  bins: string[];
  phoneBlocks: string[];
  addresses: string[];
}

export interface Impact {
  blocked: { label: string; key: string; tags: string[] }[];
  accounts: number;
  flaggedAccounts: number;
  unflaggedAccounts: number;
  flaggedOrders: number;
  unflaggedOrders: number;
  flaggedAmount: number;
  unflaggedAmount: number;
  rings: { id: string; score: number; size: number; touched: number }[];
  sample: { account: string; risk: number | null; flagged: boolean; orders: number; amount: number; rings: string[] }[];
}

/** The text prefix every address of a CIDR range starts with, and the exact range test. */
function cidrPrefix(cidr: string): { prefix: string; contains: (ip: string) => boolean } {
  let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    range = ipaddr.parseCIDR(cidr.trim());
  } catch {
    throw new BlockError(`ipRanges: '${cidr.slice(0, 60)}' is not a CIDR range such as 203.0.113.0/24`);
  }
  const [addr, bits] = range;
  const contains = (ip: string) => {
    try {
      const parsed = ipaddr.parse(ip);
      return parsed.kind() === addr.kind() && parsed.match(range);
    } catch {
      return false;
    }
  };
  if (addr.kind() === 'ipv4') {
    if (bits < 16) throw new BlockError(`ipRanges: ${cidr} is wider than a /16; block smaller ranges`);
    const octets = (addr as ipaddr.IPv4).octets.slice(0, Math.floor(bits / 8));
    return { prefix: `${octets.join('.')}.`, contains };
  }
  if (bits < 32) throw new BlockError(`ipRanges: ${cidr} is wider than a /32; block smaller IPv6 ranges`);
  const first = (addr as ipaddr.IPv6).parts[0]!.toString(16);
  return { prefix: `${first}:`, contains };
}

async function expand(db: Database, name: string, params: Record<string, unknown>, what: string): Promise<string[]> {
  const keys = (await db.read(name, { ...params, limit: 100_000 })).map((r) => String(r.key));
  if (keys.length >= 100_000) throw new BlockError(`${what} matches too many identifiers; block a narrower one`);
  return keys;
}

/** Every identifier a block request names, each once. */
export async function resolveBlock(db: Database, req: BlockRequest): Promise<EntityId[]> {
  const out = new Map<string, EntityId>();
  const add = (label: Blockable, key: string) => out.set(`${label}:${key}`, { label, key });
  for (const id of req.ids) {
    if (!(BLOCKABLE as readonly string[]).includes(id.label))
      throw new BlockError(`ids: ${id.label} cannot be blocked (only ${BLOCKABLE.join(', ')})`);
    add(id.label as Blockable, id.key);
  }
  for (const cidr of req.ipRanges) {
    const { prefix, contains } = cidrPrefix(cidr);
    for (const k of await expand(db, 'workflow/impact-ip-prefix', { prefix }, `ipRanges: ${cidr}`))
      if (contains(k)) add('IP', k);
  }
  for (const bin of req.bins) {
    if (!/^\d{6,8}$/.test(bin.trim())) throw new BlockError(`bins: '${bin.slice(0, 20)}' is not a 6 to 8 digit BIN`);
    for (const k of await expand(db, 'workflow/impact-bin', { bin: bin.trim() }, `bins: ${bin}`))
      add('PaymentMethod', k);
  }
  for (const block of req.phoneBlocks) {
    const digits = block.replace(/[^\d+]/g, '');
    if (digits.replace('+', '').length < 6)
      throw new BlockError(`phoneBlocks: '${block.slice(0, 20)}' is too short; give at least 6 digits`);
    const prefix = digits.startsWith('+') ? digits : `+${digits}`;
    for (const k of await expand(db, 'workflow/impact-phone-prefix', { prefix }, `phoneBlocks: ${block}`))
      add('Phone', k);
  }
  for (const text of req.addresses) {
    const key = normaliseKey('Address', text);
    if (!key) throw new BlockError(`addresses: '${text.slice(0, 40)}' is not an address`);
    add('Address', key);
  }
  if (out.size > MAX_BLOCKED) throw new BlockError(`the block names ${out.size} identifiers; at most ${MAX_BLOCKED}`);
  return [...out.values()];
}

export async function impactOf(db: Database, ids: EntityId[], maxAccounts = 200): Promise<Impact> {
  const row = (await db.read('workflow/impact', { ids, flag: FLAG_THRESHOLD, maxAccounts }))[0];
  if (!row)
    return {
      blocked: [],
      accounts: 0,
      flaggedAccounts: 0,
      unflaggedAccounts: 0,
      flaggedOrders: 0,
      unflaggedOrders: 0,
      flaggedAmount: 0,
      unflaggedAmount: 0,
      rings: [],
      sample: [],
    };
  const accounts = Number(row.accounts);
  const flaggedAccounts = Number(row.flaggedAccounts);
  const sample = (row.sample as Impact['sample']).sort(
    (a, b) => Number(b.flagged) - Number(a.flagged) || (b.risk ?? 0) - (a.risk ?? 0),
  );
  return {
    blocked: row.blocked as Impact['blocked'],
    accounts,
    flaggedAccounts,
    unflaggedAccounts: accounts - flaggedAccounts,
    flaggedOrders: Number(row.flaggedOrders),
    unflaggedOrders: Number(row.unflaggedOrders),
    flaggedAmount: Math.round(Number(row.flaggedAmount) * 100) / 100,
    unflaggedAmount: Math.round(Number(row.unflaggedAmount) * 100) / 100,
    rings: (row.rings as Impact['rings']).sort((a, b) => b.touched - a.touched || b.score - a.score),
    sample,
  };
}
