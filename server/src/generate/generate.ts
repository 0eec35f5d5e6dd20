// Synthetic e-commerce logs with planted black-industry operations and ground truth.
// Streams every file (bounded memory at 1,000,000 accounts). Legitimate crowds that share
// identifiers (households, CGNAT, offices, public terminals, corporate cards, public Wi-Fi) are
// there on purpose: a detector that only counts shared identifiers must do badly on them.
import fs from 'node:fs';
import path from 'node:path';
import { CsvWriter } from './csv-writer.js';
import { Random } from './random.js';
import { ipv4FromInt } from '../model/normalise/ip.js';
import { DAY } from '../model/time-units.js';

export const SCENARIOS = [
  'coupon-farm',
  'anti-detect-farm',
  'card-testing',
  'account-takeover',
  'refund-cashout',
  'money-mules',
  'brushing',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface TruthRing {
  id: string;
  scenario: Scenario;
  members: string[];
  resources: string[];
}
export interface LegitGroup {
  kind: 'household' | 'public-terminal' | 'corporate-card' | 'office' | 'cgnat' | 'public-wifi';
  members: string[];
  resources: string[];
}

export interface GenerateOptions {
  outDir: string;
  accounts: number;
  seed: number;
  /** Share of accounts that belong to a fraud ring (default 0.05). */
  fraudShare?: number;
}

export interface GenerateResult {
  files: Record<string, number>;
  rings: number;
  ringMembers: number;
  accounts: number;
}

const START = Date.UTC(2025, 0, 1);
const SPAN_DAYS = 180;

const LEGIT_UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (Linux; Android 12; M2101K6G) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36',
  'ShopApp/5.12.0 (iPhone; iOS 17.4; Scale/3.00)',
  'ShopApp/5.12.0 (Android 14; SM-A546B)',
];
const EMULATOR_UA =
  'Mozilla/5.0 (Linux; Android 9; Android SDK built for x86 Build/PSR1.180720.093) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/69.0.3497.100 Mobile Safari/537.36';
const AUTOMATION_UAS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36',
  'python-requests/2.31.0',
];
const FIRST = [
  'anna',
  'li',
  'wei',
  'maria',
  'john',
  'fatima',
  'lucas',
  'yuki',
  'omar',
  'sofia',
  'chen',
  'james',
  'noah',
  'mia',
  'ivan',
  'zoe',
  'amir',
  'lena',
  'raj',
  'ella',
];
const LAST = [
  'smith',
  'wang',
  'garcia',
  'mueller',
  'tanaka',
  'khan',
  'rossi',
  'silva',
  'kim',
  'novak',
  'ali',
  'brown',
  'zhang',
  'lopez',
  'martin',
  'singh',
];
const DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'qq.com', '163.com', 'proton.me'];
const STREETS = [
  'Oak Street',
  'Maple Avenue',
  'Harbour Road',
  'Station Lane',
  'Park Drive',
  'Hill Court',
  'River Place',
  'Elm Boulevard',
];
const CITIES = ['Springfield', 'Riverton', 'Lakeside', 'Fairview', 'Greenville', 'Kingsport'];

const LEGIT_APIS: [string, string][] = [
  ['GET', '/api/v1/home'],
  ['GET', '/api/v1/products/{id}'],
  ['POST', '/api/v1/cart/items'],
  ['POST', '/api/v1/orders'],
  ['POST', '/api/v1/login'],
];
export const API_ASSETS: { method: string; path: string; domain: string; sensitivity: string; controls: string[] }[] = [
  { method: 'GET', path: '/api/v1/home', domain: 'catalog', sensitivity: 'low', controls: ['cdn-cache'] },
  { method: 'GET', path: '/api/v1/products/{id}', domain: 'catalog', sensitivity: 'low', controls: ['rate-limit'] },
  { method: 'POST', path: '/api/v1/cart/items', domain: 'cart', sensitivity: 'medium', controls: ['auth'] },
  {
    method: 'POST',
    path: '/api/v1/orders',
    domain: 'checkout',
    sensitivity: 'high',
    controls: ['auth', 'risk-engine'],
  },
  {
    method: 'POST',
    path: '/api/v1/login',
    domain: 'identity',
    sensitivity: 'high',
    controls: ['rate-limit', 'captcha'],
  },
  { method: 'POST', path: '/api/v1/register', domain: 'identity', sensitivity: 'high', controls: ['captcha'] },
  { method: 'POST', path: '/api/v1/sms/send-code', domain: 'identity', sensitivity: 'high', controls: [] },
  { method: 'POST', path: '/api/v1/coupons/claim', domain: 'marketing', sensitivity: 'high', controls: ['auth'] },
  { method: 'POST', path: '/api/v1/invite/redeem', domain: 'marketing', sensitivity: 'medium', controls: [] },
  {
    method: 'POST',
    path: '/api/v1/payments/authorize',
    domain: 'payments',
    sensitivity: 'critical',
    controls: ['auth', '3ds'],
  },
  { method: 'PUT', path: '/api/v1/users/{id}/address', domain: 'identity', sensitivity: 'high', controls: ['auth'] },
  { method: 'POST', path: '/api/v1/refunds', domain: 'after-sales', sensitivity: 'high', controls: ['auth'] },
  { method: 'POST', path: '/api/v1/reviews', domain: 'community', sensitivity: 'medium', controls: ['auth'] },
  {
    method: 'POST',
    path: '/api/v1/wallet/transfer',
    domain: 'payments',
    sensitivity: 'critical',
    controls: ['auth', 'otp'],
  },
];

type Row = Record<string, string | number | null>;

interface Writers {
  registrations: CsvWriter;
  logins: CsvWriter;
  orders: CsvWriter;
  intel: CsvWriter;
  apiAssets: CsvWriter;
  labels: CsvWriter;
}

/** Everything one generated account needs to emit its rows. */
interface Persona {
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

class Generator {
  readonly rng: Random;
  private orderSeq = 0;
  private accountSeq = 0;
  private readonly usedKeys = new Set<string>();
  readonly truth: TruthRing[] = [];
  readonly legit: LegitGroup[] = [];
  readonly cgnat: string[];
  readonly offices: string[];
  readonly wifi: string[];

  constructor(
    readonly w: Writers,
    seed: number,
    accounts: number,
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

  async legitSingle(): Promise<number> {
    const p = this.persona();
    await this.register(p);
    await this.activity(p, this.rng.int(1, 3), this.rng.int(0, 2));
    if (this.rng.chance(0.02)) await this.w.labels.write({ user_id: p.key, label: 'legit' });
    return 1;
  }

  async legitHousehold(): Promise<number> {
    const r = this.rng;
    const size = r.int(2, 4);
    const shared = { device: this.device(), card: this.card(), address: this.address(), ip: this.residentialIp() };
    const members: string[] = [];
    for (let i = 0; i < size; i++) {
      const p = this.persona();
      p.ips = [shared.ip];
      p.address = shared.address;
      if (r.chance(0.7)) p.devices = [shared.device, ...p.devices.slice(0, 1)];
      if (r.chance(0.6)) p.card = shared.card;
      await this.register(p);
      await this.activity(p, r.int(1, 3), r.int(1, 2));
      members.push(p.key);
    }
    this.legit.push({ kind: 'household', members, resources: [`Address:${shared.address}`] });
    return size;
  }

  async legitTerminal(): Promise<number> {
    const r = this.rng;
    const size = r.int(15, 40);
    const device = this.device();
    const ip = r.pick(this.wifi);
    const members: string[] = [];
    for (let i = 0; i < size; i++) {
      const p = this.persona();
      await this.register(p);
      await this.activity(p, 1, r.int(0, 1));
      // Logs in now and then at the library / hotel kiosk.
      for (let j = 0; j < r.int(1, 3); j++) await this.login(p, p.signup + r.int(5, 150) * DAY, { device, ip });
      members.push(p.key);
    }
    this.legit.push({ kind: 'public-terminal', members, resources: [`Device:${device}`] });
    return size;
  }

  async legitCorporate(): Promise<number> {
    const r = this.rng;
    const size = r.int(5, 15);
    const card = this.card('552233');
    const office = r.pick(this.offices);
    const members: string[] = [];
    for (let i = 0; i < size; i++) {
      const p = this.persona();
      p.ips = [office, ...p.ips];
      await this.register(p);
      await this.activity(p, r.int(1, 2), 0);
      for (let j = 0; j < r.int(1, 3); j++)
        await this.order(p, p.signup + r.int(1, 120) * DAY, {
          card,
          address: `1 Corporate Plaza, Fairview ${10000 + (office.length % 7)}`,
        });
      members.push(p.key);
    }
    this.legit.push({ kind: 'corporate-card', members, resources: [`IP:${office}`] });
    return size;
  }

  async ring(scenario: Scenario, size: number): Promise<number> {
    const r = this.rng;
    const id = `ring-${String(this.truth.length + 1).padStart(5, '0')}`;
    const members: Persona[] = [];
    const resources = new Set<string>();
    const burst = this.time(START + 10 * DAY, (SPAN_DAYS - 20) * DAY);
    const proxyBase = 0x2d000000 + r.int(0, 0xffff) * 256; // 45.x.y.0/24 datacenter pools
    const proxies = Array.from({ length: Math.max(2, Math.ceil(size / 4)) }, (_, i) => ipv4FromInt(proxyBase + i + 1));
    const smsBlock = `+1${r.int(201, 989)}${r.int(100, 999)}`;
    const smsPhone = (i: number) => `${smsBlock}${String(1000 + i * r.int(1, 3)).padStart(4, '0')}`;
    const dropAddresses = Array.from({ length: r.int(1, 2) }, () => this.address());
    const tag = async (kind: string, ids: string[], tags: string[], conf: number) => {
      for (const v of ids) {
        if (r.chance(0.8)) await this.intel(v, kind, tags, conf, 'feed-blackmarket');
      }
    };

    if (scenario === 'coupon-farm') {
      const emus = Array.from({ length: r.int(2, 4) }, () => `emu-${this.rng.hex(12)}`);
      const master = this.persona(burst - DAY);
      await this.register(master);
      for (let i = 0; i < size; i++) {
        const p = this.persona(this.time(burst, 2 * 3600_000));
        p.devices = [r.pick(emus)];
        p.ips = [r.pick(proxies)];
        p.phone = smsPhone(i);
        p.ua = EMULATOR_UA;
        p.referrer = master.key;
        await this.register(p, { api: ['POST', '/api/v1/sms/send-code'] });
        await this.login(p, p.signup + 60_000, { api: ['POST', '/api/v1/coupons/claim'] });
        await this.login(p, p.signup + 120_000, { api: ['POST', '/api/v1/invite/redeem'] });
        await this.order(p, p.signup + r.int(1, 48) * 3600_000, {
          amount: 0.99 + r.int(0, 300) / 100,
          address: r.pick(dropAddresses),
        });
        members.push(p);
      }
      members.push(master);
      emus.forEach((d) => resources.add(`Device:${d}`));
      proxies.forEach((ip) => resources.add(`IP:${ip}`));
      await tag('ip', proxies, ['proxy', 'datacenter'], 80);
      await tag(
        'phone',
        members.slice(0, -1).map((m) => m.phone),
        ['sms-platform', 'virtual-number'],
        70,
      );
    } else if (scenario === 'anti-detect-farm') {
      const resi = Array.from({ length: 3 }, () => r.pick(this.cgnat));
      const stem = `${r.pick(FIRST)}${r.pick(LAST)}`;
      const domain = r.pick(['outlook.com', 'yahoo.com', 'proton.me']);
      for (let i = 0; i < size; i++) {
        const p = this.persona(this.time(burst, 6 * 3600_000));
        p.devices = [this.device()]; // a fresh fingerprint per account
        p.ips = [r.pick(resi)]; // residential exits ordinary users share
        p.phone = smsPhone(i);
        p.email = `${stem}${r.int(1000, 9999)}@${domain}`;
        p.ua = LEGIT_UAS[0]!;
        await this.register(p, { api: ['POST', '/api/v1/sms/send-code'] });
        await this.login(p, p.signup + 90_000, { api: ['POST', '/api/v1/coupons/claim'] });
        await this.order(p, p.signup + r.int(1, 72) * 3600_000, {
          amount: 1.5 + r.int(0, 200) / 100,
          address: r.pick(dropAddresses),
        });
        members.push(p);
      }
      await tag(
        'phone',
        members.map((m) => m.phone),
        ['sms-platform'],
        60,
      );
      resources.add(`Phone:${smsBlock}`);
    } else if (scenario === 'card-testing') {
      const bin = String(r.int(400000, 499999));
      const devices = Array.from({ length: r.int(1, 2) }, () => this.device());
      const ua = r.pick(AUTOMATION_UAS);
      for (let i = 0; i < size; i++) {
        const p = this.persona(this.time(burst, 12 * 3600_000));
        p.devices = [r.pick(devices)];
        p.ips = [r.pick(proxies)];
        p.ua = ua;
        await this.register(p);
        for (let j = 0; j < r.int(3, 6); j++) {
          const card = this.card(bin);
          await this.login(p, p.signup + j * 60_000, { api: ['POST', '/api/v1/payments/authorize'] });
          await this.order(p, p.signup + j * 60_000 + 5000, {
            amount: r.int(100, 300) / 100,
            card,
            status: r.chance(0.8) ? 'declined' : 'paid',
          });
        }
        members.push(p);
      }
      devices.forEach((d) => resources.add(`Device:${d}`));
      await tag('ip', proxies, ['proxy', 'datacenter'], 85);
    } else if (scenario === 'account-takeover') {
      const kit = { device: this.device(), ip: r.pick(proxies) };
      const drop = dropAddresses[0]!;
      for (let i = 0; i < size; i++) {
        const p = this.persona(this.time(START, 60 * DAY)); // old, real customers
        await this.register(p);
        await this.activity(p, 2, 1);
        const t = this.time(burst, 3 * DAY);
        await this.login(p, t - 600_000, {
          device: kit.device,
          ip: kit.ip,
          ua: AUTOMATION_UAS[0],
          status: 'failed',
          api: ['POST', '/api/v1/login'],
        });
        await this.login(p, t, {
          device: kit.device,
          ip: kit.ip,
          ua: AUTOMATION_UAS[0],
          api: ['POST', '/api/v1/login'],
        });
        await this.login(p, t + 60_000, {
          device: kit.device,
          ip: kit.ip,
          ua: AUTOMATION_UAS[0],
          api: ['PUT', '/api/v1/users/{id}/address'],
        });
        await this.order(p, t + 300_000, { amount: 400 + r.int(0, 150000) / 100, address: drop });
        members.push(p);
      }
      resources.add(`Device:${kit.device}`);
      await tag('ip', [kit.ip], ['proxy'], 75);
    } else if (scenario === 'refund-cashout') {
      const cards = Array.from({ length: Math.max(2, Math.ceil(size / 2)) }, () => this.card());
      for (let i = 0; i < size; i++) {
        const p = this.persona(this.time(burst, 5 * DAY));
        p.ips = [r.pick(proxies)];
        await this.register(p);
        for (let j = 0; j < r.int(2, 4); j++) {
          const card = r.pick(cards);
          const t = p.signup + r.int(1, 20) * DAY;
          await this.order(p, t, { amount: 150 + r.int(0, 50000) / 100, card, address: r.pick(dropAddresses) });
          await this.login(p, t + 3 * DAY, { api: ['POST', '/api/v1/refunds'] });
          await this.order(p, t + 3 * DAY, { amount: 150, card, status: 'refund', address: r.pick(dropAddresses) });
        }
        members.push(p);
      }
      dropAddresses.forEach((a) => resources.add(`Address:${a}`));
    } else if (scenario === 'money-mules') {
      const card = this.card();
      const drop = dropAddresses[0]!;
      for (let i = 0; i < size; i++) {
        const p = this.persona(this.time(burst, 2 * DAY));
        p.card = card;
        p.address = drop;
        await this.register(p);
        members.push(p);
      }
      for (const [i, p] of members.entries()) {
        await this.order(p, p.signup + DAY, { amount: 300 + r.int(0, 60000) / 100, status: 'chargeback' });
        await this.order(p, p.signup + 2 * DAY, { amount: 200 + r.int(0, 30000) / 100 });
        const next = members[(i + 1) % members.length]!;
        await this.login(p, p.signup + 2 * DAY, { api: ['POST', '/api/v1/wallet/transfer'] });
        await this.order(p, p.signup + 2 * DAY + 60_000, { amount: 250, to: next.key, status: 'paid' });
      }
      resources.add(`Address:${drop}`);
    } else {
      // brushing / fake orders: a device farm of buyers ordering from one seller and reviewing
      const seller = this.persona(burst - 30 * DAY);
      await this.register(seller);
      const farm = Array.from({ length: Math.max(2, Math.ceil(size / 5)) }, () => this.device());
      for (let i = 0; i < size; i++) {
        const p = this.persona(this.time(burst, 3 * DAY));
        p.devices = [r.pick(farm)];
        p.ips = [r.pick(proxies)];
        await this.register(p);
        for (let j = 0; j < r.int(2, 5); j++) {
          const t = p.signup + r.int(1, 10) * 3600_000;
          await this.order(p, t, {
            amount: r.int(500, 2000) / 100,
            seller: seller.key,
            address: r.pick(dropAddresses),
          });
          await this.login(p, t + 3600_000, { api: ['POST', '/api/v1/reviews'] });
        }
        members.push(p);
      }
      members.push(seller);
      farm.forEach((d) => resources.add(`Device:${d}`));
      await tag('ip', proxies, ['proxy'], 70);
    }

    for (const m of members) if (r.chance(0.3)) await this.w.labels.write({ user_id: m.key, label: 'fraud' });
    this.truth.push({ id, scenario, members: members.map((m) => m.key), resources: [...resources] });
    return members.length;
  }
}

const RING_SIZES: Record<Scenario, [number, number]> = {
  'coupon-farm': [8, 30],
  'anti-detect-farm': [6, 15],
  'card-testing': [5, 15],
  'account-takeover': [5, 20],
  'refund-cashout': [4, 12],
  'money-mules': [2, 3],
  brushing: [6, 25],
};

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  if (!Number.isInteger(opts.accounts) || opts.accounts < 100)
    throw new Error('--accounts must be a whole number of at least 100');
  fs.mkdirSync(opts.outDir, { recursive: true });
  const file = (name: string) => path.join(opts.outDir, name);
  const w: Writers = {
    registrations: new CsvWriter(file('registrations.csv'), [
      'user_id',
      'signup_time',
      'ip_address',
      'device_id',
      'phone',
      'email',
      'user_agent',
      'referrer_id',
      'country',
    ]),
    logins: new CsvWriter(file('logins.csv'), [
      'user_id',
      'timestamp',
      'ip_address',
      'device_id',
      'user_agent',
      'method',
      'path',
      'status',
    ]),
    orders: new CsvWriter(file('orders.csv'), [
      'order_id',
      'user_id',
      'timestamp',
      'amount',
      'status',
      'card_bin',
      'card_last4',
      'card_expiry',
      'shipping_address',
      'seller_id',
      'to_user_id',
    ]),
    intel: new CsvWriter(file('intel.csv'), ['indicator', 'type', 'tags', 'confidence', 'source']),
    apiAssets: new CsvWriter(file('api_assets.csv'), ['method', 'path', 'domain', 'sensitivity', 'controls']),
    labels: new CsvWriter(file('labels.csv'), ['user_id', 'label']),
  };
  const g = new Generator(w, opts.seed, opts.accounts);
  const r = g.rng;
  const fraudTarget = Math.round(opts.accounts * (opts.fraudShare ?? 0.05));

  for (const a of API_ASSETS) await w.apiAssets.write({ ...a, controls: a.controls.join(';') });
  for (const ip of g.cgnat) await g.intel(ip, 'ip', ['cgnat', 'carrier'], 90, 'feed-carrier-ranges');
  for (const ip of g.offices) await g.intel(ip, 'ip', ['corporate'], 80, 'feed-asn');
  for (const ip of g.wifi) await g.intel(ip, 'ip', ['public-wifi'], 70, 'feed-asn');
  for (const t of ['android-emulator', 'headless-chrome', 'python-requests'])
    await g.intel(t, 'tool', ['fraud-tool'], 90, 'feed-blackmarket');

  // Interleave units so rings are spread through the files, as they are through real logs.
  let made = 0;
  let fraudMade = 0;
  let scenarioIndex = 0;
  while (made < opts.accounts) {
    const wantFraud = fraudMade < fraudTarget && r.chance((fraudTarget / Math.max(1, opts.accounts)) * 1.3);
    if (wantFraud) {
      const scenario = SCENARIOS[scenarioIndex++ % SCENARIOS.length]!;
      const [lo, hi] = RING_SIZES[scenario];
      const n = await g.ring(scenario, r.int(lo, hi));
      made += n;
      fraudMade += n;
      continue;
    }
    const u = r.next();
    if (u < 0.9) made += await g.legitSingle();
    else if (u < 0.97) made += await g.legitHousehold();
    else if (u < 0.985) made += await g.legitCorporate();
    else if (u < 0.99) made += await g.legitTerminal();
    else made += await g.legitSingle();
  }
  for (const writer of Object.values(w)) await writer.close();
  const truth = { seed: opts.seed, accounts: made, rings: g.truth, legitGroups: g.legit };
  fs.writeFileSync(file('truth.json'), JSON.stringify(truth));
  const files: Record<string, number> = {};
  for (const writer of Object.values(w)) files[path.basename(writer.file)] = writer.rows;
  return { files, rings: g.truth.length, ringMembers: fraudMade, accounts: made };
}
