import { describe, expect, it } from 'vitest';
import type { ColumnMap, Kind, Mapping } from '../../../server/src/ingest/fields.js';
import type { RowEffects } from '../../../server/src/ingest/effects.js';
import { rowEffects } from '../../../server/src/ingest/row-effects.js';

const mapping = (kind: Kind, columns: ColumnMap, required: Mapping['required'] = []): Mapping => ({
  kind,
  columns,
  accountProps: {},
  nodeProps: {},
  required,
});

function effects(row: Record<string, string>, m: Mapping): RowEffects {
  const r = rowEffects(row, m);
  if (!r.ok) throw new Error(`rejected: ${r.reason}`);
  return r.effects;
}

function reason(row: Record<string, string>, m: Mapping): string {
  const r = rowEffects(row, m);
  if (r.ok) throw new Error('accepted a row that should be rejected');
  return r.reason;
}

const registration = mapping('registration', {
  account: 'user_id',
  time: 'signup_time',
  ip: 'ip',
  device: 'device_id',
  phone: 'phone',
  email: 'email',
  userAgent: 'ua',
  referrer: 'ref',
});

describe('row effects', () => {
  it('turns a registration into an account and its normalised identifiers', () => {
    const e = effects(
      {
        user_id: 'u1',
        signup_time: '2025-01-02T03:04:05Z',
        ip: '010.000.000.001',
        device_id: ' DEV-1 ',
        phone: '(555)355 - 1785',
        email: 'A.B+promo@Gmail.com',
        ua: 'Mozilla/5.0',
        ref: 'u0',
      },
      registration,
    );
    const t = Date.UTC(2025, 0, 2, 3, 4, 5);
    expect(e.accounts).toEqual([expect.objectContaining({ key: 'u1', t, registeredAt: t })]);
    const links = Object.fromEntries(e.links.map((l) => [l.rel, l]));
    expect(links.USED_IP).toMatchObject({ account: 'u1', key: '10.0.0.1', nodeProps: { version: 4 } });
    expect(links.USED_DEVICE?.key).toBe('dev-1');
    expect(links.HAS_PHONE).toMatchObject({ key: '+15553551785', nodeProps: { block: '+1555355' } });
    expect(links.HAS_EMAIL).toMatchObject({ key: 'a.b+promo@gmail.com', nodeProps: { canonical: 'ab@gmail.com' } });
    expect(e.accountLinks).toEqual([{ rel: 'REFERRED', from: 'u0', to: 'u1', t, amount: 0 }]);
  });

  it('writes the same phone node however the number is written', () => {
    const key = (phone: string) =>
      effects({ user_id: 'u1', signup_time: '2025-01-02', phone }, registration).links[0]?.key;
    expect(key('1-555-355-1785')).toBe(key('(555)355 - 1785'));
  });

  it('rejects a bad value naming its column, and a missing required value', () => {
    const base = { user_id: 'u1', signup_time: '2025-01-02T03:04:05Z' };
    expect(reason({ ...base, ip: '300.1.2.3' }, registration)).toBe("column ip: invalid IP address '300.1.2.3'");
    expect(reason({ ...base, signup_time: 'yesterday' }, registration)).toBe(
      "column signup_time: unparseable timestamp 'yesterday'",
    );
    expect(reason({ ...base, phone: 'call me' }, registration)).toMatch(/^column phone: invalid phone number/);
    expect(reason({ ...base, user_id: '' }, registration)).toBe('column user_id: account key is empty');
    expect(reason({ ...base, ua: 'x'.repeat(5000) }, registration)).toMatch(/^column ua: value of 5000 characters/);
    const strict = mapping('registration', { account: 'user_id', email: 'email' }, ['email']);
    expect(reason({ user_id: 'u1', email: '' }, strict)).toBe('column email: required value is empty');
  });

  it('recognises cheating tools in the user agent, for the account and its device', () => {
    const e = effects(
      { user_id: 'u1', signup_time: '2025-01-02', device_id: 'd1', ua: 'Mozilla/5.0 HeadlessChrome/120' },
      registration,
    );
    expect(e.links.filter((l) => l.rel === 'RAN').map((l) => l.key)).toEqual(['headless-chrome']);
    expect(e.deviceTools).toEqual([expect.objectContaining({ device: 'd1', tool: 'headless-chrome' })]);
  });

  it('sums order outcomes on the card and address: amount when paid, a count when charged back', () => {
    const orders = mapping('order', { account: 'uid', time: 't', card: 'card', amount: 'amt', status: 'st' });
    const paid = effects({ uid: 'u1', t: '2025-01-02', card: 'FP1', amt: '$1,250.50', st: 'approved' }, orders);
    expect(paid.links[0]).toMatchObject({ rel: 'PAID_WITH', key: 'fp1', amount: 1250.5, chargebacks: 0 });
    const back = effects({ uid: 'u1', t: '2025-01-02', card: 'FP1', amt: '99', st: 'chargeback' }, orders);
    expect(back.links[0]).toMatchObject({ amount: 0, chargebacks: 1 });
    expect(reason({ uid: 'u1', t: '2025-01-02', card: 'FP1', amt: 'lots', st: 'paid' }, orders)).toBe(
      "column amt: amount 'lots' is not a number",
    );
  });

  it('reads intel indicators through the same normalisers as logs', () => {
    const intel = mapping('intel', {
      indicator: 'indicator',
      indicatorType: 'type',
      tags: 'tags',
      confidence: 'conf',
    });
    const ip = effects(
      { indicator: '2001:DB8:0:0:0:0:0:1', type: 'ipv6', tags: 'Proxy; datacenter', conf: '80' },
      intel,
    );
    expect(ip.intel).toEqual([
      { label: 'IP', key: '2001:db8::1', tags: ['proxy', 'datacenter'], confidence: 0.8, source: null, nodeProps: {} },
    ]);
    const bin = effects({ indicator: '411111', type: 'bin', tags: 'stolen', conf: '' }, intel);
    expect(bin.intel[0]).toMatchObject({ label: 'PaymentMethod', key: 'bin:411111', nodeProps: { bin: '411111' } });
    expect(reason({ indicator: 'x', type: 'planet', tags: '', conf: '' }, intel)).toMatch(
      /^column type: unknown indicator type 'planet' \(expected one of ip, ipv4/,
    );
    expect(reason({ indicator: '1.2.3.4', type: 'ip', tags: '', conf: '150' }, intel)).toMatch(
      /^column conf: confidence/,
    );
  });

  it('templates API endpoints in the asset table', () => {
    const assets = mapping('api-assets', { method: 'm', path: 'p', sensitivity: 's', controls: 'c' });
    const e = effects({ m: 'post', p: '/api/v1/orders/123456/refund?x=1', s: 'HIGH', c: 'captcha|2fa' }, assets);
    expect(e.apis).toEqual([
      {
        key: 'POST /api/v1/orders/{id}/refund',
        domain: null,
        sensitivity: 'high',
        controls: ['captcha', '2fa'],
        tags: [],
      },
    ]);
  });

  it('merges an attribute table row onto the identifier node it names', () => {
    const devices: Mapping = { ...mapping('attributes', { device: 'id' }), nodeProps: { os: 'os', model: 'device' } };
    const e = effects({ id: ' 2129722 ', os: 'OS_TYPE_3', device: 'DEVICE_MODEL_1120', guid: 'x' }, devices);
    expect(e.attributes).toEqual([
      { label: 'Device', key: '2129722', props: { os: 'OS_TYPE_3', model: 'DEVICE_MODEL_1120' } },
    ]);
    expect(e.accounts).toEqual([]);
    expect(reason({ id: '', os: 'a', device: 'b', guid: '' }, devices)).toBe('column id: device key is empty');
  });

  it('skips a row that only links an account to itself, saying why', () => {
    const referrals = mapping('link', { account: 'to_user_id', referrer: 'from_user_id' });
    const self = rowEffects({ from_user_id: '7', to_user_id: '7' }, referrals);
    expect(self).toEqual({ ok: false, skipped: true, reason: 'self-link (from_user_id = to_user_id)' });
    expect(effects({ from_user_id: '7', to_user_id: '8' }, referrals).accountLinks).toMatchObject([
      { rel: 'REFERRED', from: '7', to: '8' },
    ]);
    // An order to oneself still carries the order's identifiers: accepted, only the self-link is left out.
    const order = mapping('order', { account: 'u', seller: 's', card: 'c' });
    expect(effects({ u: '1', s: '1', c: 'card-9' }, order).links).toHaveLength(1);
  });
});
