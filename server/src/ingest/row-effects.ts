// One input row → what it means for the graph (accounts, account→identifier links, account→account
// links, intel, API assets), or a reject reason naming the column. Pure: no I/O.
import type { IngestLabel } from '../model/labels.js';
import type { Field, Mapping } from './fields.js';
import { normaliseApi } from '../model/normalise/api.js';
import { emailPattern, normaliseEmail } from '../model/normalise/email.js';
import { normaliseIp } from '../model/normalise/ip.js';
import { normalisePayment } from '../model/normalise/payment.js';
import { normalisePhone, phoneBlock } from '../model/normalise/phone.js';
import { normaliseAddress, normaliseDevice } from '../model/normalise/text-keys.js';
import { parseTime } from '../model/normalise/time.js';
import { detectTools } from '../model/normalise/user-agent.js';
import { orderOutcome, parseAmount, parseLabel, Reject, Skip } from './row-values.js';
import { apiAsset, attributes, intel } from './table-effects.js';
import {
  type AccountLinkType,
  type AccountUpsert,
  type Link,
  type LinkType,
  MAX_FIELD_LENGTH,
  type RawRow,
  type RowEffects,
  type RowResult,
  zeroSums,
} from './effects.js';

export function rowEffects(row: RawRow, mapping: Mapping): RowResult {
  try {
    return { ok: true, effects: build(row, mapping) };
  } catch (e) {
    if (e instanceof Reject) return { ok: false, reason: e.message };
    if (e instanceof Skip) return { ok: false, reason: e.message, skipped: true };
    throw e;
  }
}

function build(row: RawRow, mapping: Mapping): RowEffects {
  const { columns, kind } = mapping;
  const get = (f: Field): string | undefined => {
    const col = columns[f];
    if (col === undefined) return undefined;
    const v = row[col];
    if (v === undefined) return undefined;
    const t = v.trim();
    return t === '' || /^(null|nan|none|n\/a)$/i.test(t) ? undefined : t;
  };
  for (const [col, v] of Object.entries(row)) {
    if (v.length > MAX_FIELD_LENGTH)
      throw new Reject(`column ${col}: value of ${v.length} characters (limit ${MAX_FIELD_LENGTH})`);
    if (v.includes('\uFFFD')) throw new Reject(`column ${col}: invalid UTF-8`);
  }
  for (const f of mapping.required) {
    if (get(f) === undefined) throw new Reject(`column ${columns[f] ?? f}: required value is empty`);
  }
  const effects: RowEffects = {
    accounts: [],
    attributes: [],
    links: [],
    accountLinks: [],
    deviceTools: [],
    intel: [],
    apis: [],
  };

  if (kind === 'intel') return intel(get, columns, effects);
  if (kind === 'api-assets') return apiAsset(get, columns, effects);
  if (kind === 'attributes') return attributes(get, row, mapping, effects);

  const timeText = get('time');
  const t = timeText === undefined ? null : (parseTime(timeText) ?? null);
  if (timeText !== undefined && t === null) {
    throw new Reject(`column ${columns.time}: unparseable timestamp '${timeText.slice(0, 40)}'`);
  }
  if ((kind === 'registration' || kind === 'login' || kind === 'order') && t === null && columns.time !== undefined) {
    throw new Reject(`column ${columns.time}: timestamp is empty`);
  }

  const emailText = get('email');
  const email = emailText === undefined ? undefined : normaliseEmail(emailText);
  if (emailText !== undefined && !email)
    throw new Reject(`column ${columns.email}: invalid email '${emailText.slice(0, 60)}'`);
  // Without an account column the email is the account (registration logs keyed by email).
  const account = get('account') ?? email?.key;
  if (account === undefined) throw new Reject(`column ${columns.account ?? 'account'}: account key is empty`);
  if (account.length > 256) throw new Reject(`column ${columns.account}: account key longer than 256 characters`);

  const labelText = get('label');
  const label = labelText === undefined ? null : parseLabel(labelText, columns.label ?? 'label');
  const props: AccountUpsert['props'] = {};
  for (const [prop, col] of Object.entries(mapping.accountProps)) {
    const v = row[col]?.trim();
    if (v) props[prop] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  const country = get('country');
  if (country) props.country = country;
  const ua = get('userAgent');
  if (ua) props.userAgent = ua.slice(0, 512);
  const orderText = get('orderTime');
  const orderT = orderText === undefined ? null : (parseTime(orderText) ?? null);
  if (orderText !== undefined && orderT === null) {
    throw new Reject(`column ${columns.orderTime}: unparseable timestamp '${orderText.slice(0, 40)}'`);
  }
  const firstOrderAt = orderT ?? (kind === 'order' ? t : null);
  effects.accounts.push({
    key: account,
    t,
    registeredAt: kind === 'registration' ? t : null,
    firstOrderAt,
    label,
    props,
  });
  if (kind === 'labels') return effects;

  const link = (rel: LinkType, key: string, extra: Partial<Link> = {}) =>
    effects.links.push({
      rel,
      account,
      key,
      t,
      ...zeroSums(),
      nodeProps: {},
      ...extra,
    });

  // Outcome of an order / login, used for the aggregate counters on the links it creates.
  const statusText = [get('status'), get('event')].filter(Boolean).join(' ');
  const outcome = kind === 'order' ? orderOutcome(statusText) : 'other';
  const amountText = get('amount');
  const amount = amountText === undefined ? 0 : parseAmount(amountText, columns.amount ?? 'amount');
  const money = {
    amount: outcome === 'paid' || outcome === 'other' ? amount : 0,
    declines: outcome === 'declined' ? 1 : 0,
    chargebacks: outcome === 'chargeback' ? 1 : 0,
    refunds: outcome === 'refund' ? 1 : 0,
  };
  const loginFailed = kind === 'login' && /fail|denied|invalid|wrong|locked/i.test(statusText) ? 1 : 0;

  const ipText = get('ip');
  if (ipText !== undefined) {
    const ip = normaliseIp(ipText);
    if (!ip) throw new Reject(`column ${columns.ip}: invalid IP address '${ipText.slice(0, 60)}'`);
    link('USED_IP', ip, { failures: loginFailed, nodeProps: { version: ip.includes(':') ? 6 : 4 } });
  }
  const deviceText = get('device');
  let device: string | undefined;
  if (deviceText !== undefined) {
    device = normaliseDevice(deviceText);
    if (!device) throw new Reject(`column ${columns.device}: invalid device id`);
    link('USED_DEVICE', device, { failures: loginFailed });
  }
  const phoneText = get('phone');
  if (phoneText !== undefined) {
    const phone = normalisePhone(phoneText);
    if (!phone) throw new Reject(`column ${columns.phone}: invalid phone number '${phoneText.slice(0, 40)}'`);
    link('HAS_PHONE', phone, { nodeProps: { block: phoneBlock(phone) } });
  }
  if (email) {
    link('HAS_EMAIL', email.key, {
      nodeProps: {
        canonical: email.canonical,
        domain: email.domain,
        pattern: emailPattern(email.local),
        stem: `${email.local.replace(/[^a-z]/g, '')}@${email.domain}`,
      },
    });
  }
  const addressParts = [get('address'), get('city'), get('state'), get('postal')].filter(Boolean) as string[];
  if (get('address') !== undefined) {
    const address = normaliseAddress(addressParts.join(' '));
    if (!address) throw new Reject(`column ${columns.address}: address has no letters or digits`);
    link('SHIPS_TO', address, { ...money, nodeProps: { text: addressParts.join(', ').slice(0, 300) } });
  }
  const cardFp = get('card');
  const cardLast4 = get('cardLast4');
  if (cardFp !== undefined || cardLast4 !== undefined) {
    const pm = normalisePayment({
      fingerprint: cardFp,
      bin: get('cardBin'),
      last4: cardLast4,
      expiry: get('cardExpiry'),
    });
    if (!pm)
      throw new Reject(
        `column ${columns.card ?? columns.cardBin}: payment method needs a fingerprint or BIN and last 4`,
      );
    const nodeProps: Link['nodeProps'] = {};
    if (pm.bin) nodeProps.bin = pm.bin;
    if (pm.last4) nodeProps.last4 = pm.last4;
    link('PAID_WITH', pm.key, { ...money, nodeProps });
  }
  const methodText = get('method');
  const pathText = get('path');
  if (pathText !== undefined) {
    const api = methodText !== undefined ? normaliseApi(methodText, pathText) : normaliseApi(pathText);
    if (!api) throw new Reject(`column ${columns.path}: cannot read an API endpoint from '${pathText.slice(0, 80)}'`);
    link('CALLED', api, { failures: loginFailed });
  }
  // Tools are recognised in user agents only: device ids are random tokens that can spell anything.
  for (const tool of detectTools(ua)) {
    link('RAN', tool.key, { nodeProps: { category: tool.category } });
    if (device) effects.deviceTools.push({ device, tool: tool.key, category: tool.category, t });
  }
  const toolText = get('tool');
  if (toolText) link('RAN', toolText.toLowerCase(), { nodeProps: { category: 'reported' } });

  const selfLinks: string[] = [];
  const accountLink = (rel: AccountLinkType, field: Field, from: string, to: string, amt: number) => {
    if (from === to) selfLinks.push(`${columns[field]} = ${columns.account ?? 'account'}`);
    else effects.accountLinks.push({ rel, from, to, t, amount: amt });
  };
  const referrer = get('referrer');
  if (referrer) accountLink('REFERRED', 'referrer', referrer, account, 0);
  const to = get('toAccount');
  if (to) accountLink('TRANSFERRED_TO', 'toAccount', account, to, amount);
  const seller = get('seller');
  if (seller) accountLink('BOUGHT_FROM', 'seller', account, seller, amount);
  // A row that only links an account to itself says nothing: skipped, with the reason counted.
  if (selfLinks.length && !effects.links.length && !effects.accountLinks.length)
    throw new Skip(`self-link (${selfLinks.join(', ')})`);
  return effects;
}
