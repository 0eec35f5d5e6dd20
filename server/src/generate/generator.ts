// The generator's means: a seeded random source, fresh identifiers, ordinary customers (personas)
// and the rows they leave in each log. Scenarios (scenarios/) and legitimate crowds (legit.ts)
// are built from these.
import { CITIES, DOMAINS, FIRST, LAST, LEGIT_APIS, LEGIT_UAS, STREETS } from './data.js';
import { Random } from './random.js';
import type { LegitGroup, TruthRing } from './truth.js';
import type { Writers } from './writers.js';
import { ipv4FromInt } from '../model/normalise/ip.js';
import { DAY } from '../model/time-units.js';

/** The six months the generated logs cover. */
export const START = Date.UTC(2025, 0, 1);
export const SPAN_DAYS = 180;
const PEER_SAMPLE = 5000;

/** Everything one generated account needs to emit its rows. */
export interface Persona {
  key: string;
  signup: number;
  devices: string[];
  ips: string[];
  phone: string;
  email: string;
  ua: string;
  card: { bin: string; last4: string; expiry: string };
  address: string;
  referrer?: string;
  country: string;
}

export class Generator {
  readonly rng: Random;
  private orderSeq = 0;
  private accountSeq = 0;
  private readonly usedKeys = new Set<string>();
  readonly truth: TruthRing[] = [];
  readonly legit: LegitGroup[] = [];
  readonly cgnat: string[];
  readonly offices: string[];
  readonly wifi: string[];
  /** A bounded sample of earlier legitimate customers: friends to pay, victims to defraud. */
  private readonly peers: Persona[] = [];
  private peersSeen = 0;

  constructor(
    readonly w: Writers,
    seed: number,
    accounts: number,
    /** Share of customers who also pay friends by wallet transfer (0: only operations transfer). */
    readonly p2pShare: number,
  ) {
    this.rng = new Random(seed);
    const n = (k: number) => Math.max(2, Math.ceil(accounts / k));
    this.cgnat = Array.from({ length: n(400) }, (_, i) => ipv4FromInt(0x64400000 + i * 7 + 1)); // 100.64.0.0/10
    this.offices = Array.from({ length: n(1500) }, (_, i) => ipv4FromInt(0xc6336400 + i)); // 198.51.100.0+
    this.wifi = Array.from({ length: n(3000) }, (_, i) => ipv4FromInt(0xcb007100 + i)); // 203.0.113.0+
  }

  time(base: number, spreadMs: number): number {
    return Math.floor(base + this.rng.next() * spreadMs);
  }
  newKey(): string {
    for (;;) {
      const key = `u_${this.rng.hex(10)}`;
      if (!this.usedKeys.has(key)) {
        this.usedKeys.add(key);
        this.accountSeq++;
        return key;
      }
    }
  }
  residentialIp(): string {
    return ipv4FromInt(0x18000000 + this.rng.int(0, 0x40000000));
  }
  device(): string {
    return this.rng.hex(16);
  }
  phone(): string {
    return `+1${this.rng.int(201, 989)}${String(this.rng.int(2000000, 9999999))}`;
  }
  email(): string {
    const r = this.rng;
    // Addresses are unique per person, as at a real provider: the sequence number sees to that.
    const local = `${r.pick(FIRST)}${r.chance(0.5) ? '.' : ''}${r.pick(LAST)}${r.chance(0.6) ? r.int(1, 99) : ''}.${(this.accountSeq * 7919).toString(36)}`;
    return `${local}@${r.pick(DOMAINS)}`;
  }
  card(bin?: string): Persona['card'] {
    const r = this.rng;
    return {
      bin: bin ?? String(r.pick([4, 5])) + String(r.int(10000, 99999)),
      last4: String(r.int(0, 9999)).padStart(4, '0'),
      expiry: `${String(r.int(1, 12)).padStart(2, '0')}/${r.int(26, 31)}`,
    };
  }
  address(): string {
    const r = this.rng;
    return `${r.int(1, 9999)} ${r.pick(STREETS)}, ${r.pick(CITIES)} ${r.int(10000, 99999)}`;
  }
  /** A typical customer: own device, home IP (often behind carrier CGNAT), own card and address. */
  persona(signup = this.time(START, SPAN_DAYS * DAY)): Persona {
    const r = this.rng;
    const ips = [r.chance(0.35) ? r.pick(this.cgnat) : this.residentialIp()];
    if (r.chance(0.3)) ips.push(r.chance(0.5) ? r.pick(this.cgnat) : this.residentialIp());
    return {
      key: this.newKey(),
      signup,
      devices: [this.device(), ...(r.chance(0.25) ? [this.device()] : [])],
      ips,
      phone: this.phone(),
      email: this.email(),
      ua: r.pick(LEGIT_UAS),
      card: this.card(),
      address: this.address(),
      country: 'US',
    };
  }

  async register(p: Persona, opts: { api?: [string, string] } = {}): Promise<void> {
    await this.w.registrations.write({
      user_id: p.key,
      signup_time: new Date(p.signup).toISOString(),
      ip_address: p.ips[0] ?? null,
      device_id: p.devices[0] ?? null,
      phone: p.phone,
      email: p.email,
      user_agent: p.ua,
      referrer_id: p.referrer ?? null,
      country: p.country,
    });
    if (opts.api) await this.login(p, p.signup + 30_000, { api: opts.api });
  }

  async login(
    p: Persona,
    t: number,
    opts: { api?: [string, string]; ip?: string; device?: string; ua?: string; status?: string } = {},
  ): Promise<void> {
    const [method, apiPath] = opts.api ?? this.rng.pick(LEGIT_APIS);
    await this.w.logins.write({
      user_id: p.key,
      timestamp: new Date(t).toISOString(),
      ip_address: opts.ip ?? this.rng.pick(p.ips),
      device_id: opts.device ?? this.rng.pick(p.devices),
      user_agent: opts.ua ?? p.ua,
      method,
      path: apiPath.replace('{id}', String(this.rng.int(1000, 99999))),
      status: opts.status ?? 'success',
    });
  }

  async order(
    p: Persona,
    t: number,
    opts: {
      amount?: number;
      status?: string;
      card?: Persona['card'];
      address?: string;
      seller?: string;
      to?: string;
    } = {},
  ): Promise<void> {
    const card = opts.card ?? p.card;
    await this.w.orders.write({
      order_id: `o_${++this.orderSeq}`,
      user_id: p.key,
      timestamp: new Date(t).toISOString(),
      amount: (opts.amount ?? Math.round(this.rng.next() * 20000) / 100 + 5).toFixed(2),
      status: opts.status ?? 'paid',
      card_bin: card.bin,
      card_last4: card.last4,
      card_expiry: card.expiry,
      shipping_address: opts.address ?? p.address,
      seller_id: opts.seller ?? null,
      to_user_id: opts.to ?? null,
    });
  }

  /** A wallet transfer: the API call in the login log and the row in the transfers log. */
  async transfer(from: Persona, to: Persona, t: number, amount: number): Promise<void> {
    await this.login(from, t, { api: ['POST', '/api/v1/wallet/transfer'] });
    await this.w.transfers.write({
      from_user_id: from.key,
      to_user_id: to.key,
      timestamp: new Date(t).toISOString(),
      amount: amount.toFixed(2),
      status: 'completed',
    });
  }

  /** Keeps `p` in the peer sample (reservoir sampling: bounded memory at any size). */
  remember(p: Persona): void {
    this.peersSeen++;
    if (this.peers.length < PEER_SAMPLE) this.peers.push(p);
    else {
      const j = this.rng.int(0, this.peersSeen - 1);
      if (j < PEER_SAMPLE) this.peers[j] = p;
    }
  }

  /** An earlier legitimate customer other than `not`, if there is one. */
  peer(not?: Persona): Persona | undefined {
    if (this.peers.length === 0) return undefined;
    const p = this.rng.pick(this.peers);
    return p === not ? undefined : p;
  }

  async intel(indicator: string, type: string, tags: string[], confidence: number, source: string): Promise<void> {
    await this.w.intel.write({ indicator, type, tags: tags.join(';'), confidence, source });
  }

  /** Ordinary activity after sign-up: a few logins and orders spread over the following weeks. */
  async activity(p: Persona, logins: number, orders: number): Promise<void> {
    for (let i = 0; i < logins; i++) await this.login(p, p.signup + this.rng.int(1, 60) * DAY * this.rng.next());
    for (let i = 0; i < orders; i++) {
      const declined = this.rng.chance(0.03);
      await this.order(
        p,
        p.signup + this.rng.int(1, 90) * DAY * this.rng.next(),
        declined ? { status: 'declined' } : {},
      );
    }
  }
}
