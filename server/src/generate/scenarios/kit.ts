// What every planted operation starts from: a burst time inside the covered months, a pool of
// datacenter proxies, a block of SMS-platform numbers, drop addresses, and the helpers that
// record members, shared resources and threat-intel tags for truth.json.
import { Generator, SPAN_DAYS, START, type Persona } from '../generator.js';
import { ipv4FromInt } from '../../model/normalise/ip.js';
import { DAY } from '../../model/time-units.js';

export interface RingKit {
  /** When the operation runs (sign-up waves cluster around it). */
  burst: number;
  /** Datacenter exits in one 45.x.y.0/24, about one per four members. */
  proxies: string[];
  /** The SMS platform's number block (`+1AAABBB`) and the i-th number rented from it. */
  smsBlock: string;
  smsPhone: (i: number) => string;
  dropAddresses: string[];
  members: Persona[];
  /** Entity ids (`Label:key`) the operation shares, for truth.json. */
  resources: Set<string>;
  /** Reports most of `ids` to the black-market intel feed with the given tags. */
  tag: (kind: string, ids: string[], tags: string[], confidence: number) => Promise<void>;
}

export function ringKit(g: Generator, size: number): RingKit {
  const r = g.rng;
  const burst = g.time(START + 10 * DAY, (SPAN_DAYS - 20) * DAY);
  const proxyBase = 0x2d000000 + r.int(0, 0xffff) * 256; // 45.x.y.0/24 datacenter pools
  const proxies = Array.from({ length: Math.max(2, Math.ceil(size / 4)) }, (_, i) => ipv4FromInt(proxyBase + i + 1));
  const smsBlock = `+1${r.int(201, 989)}${r.int(100, 999)}`;
  return {
    burst,
    proxies,
    smsBlock,
    smsPhone: (i) => `${smsBlock}${String(1000 + i * r.int(1, 3)).padStart(4, '0')}`,
    dropAddresses: Array.from({ length: r.int(1, 2) }, () => g.address()),
    members: [],
    resources: new Set(),
    tag: async (kind, ids, tags, confidence) => {
      for (const v of ids) {
        if (r.chance(0.8)) await g.intel(v, kind, tags, confidence, 'feed-blackmarket');
      }
    },
  };
}
