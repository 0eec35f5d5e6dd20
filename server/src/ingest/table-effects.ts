// Row effects of tables that describe identifiers and APIs rather than account events: intel
// indicators, the API asset table, and attribute tables (device → os, model; card → BIN, country;
// IP → ASN, country) merged onto identifier nodes. Pure: no I/O.
import type { IngestLabel } from '../model/labels.js';
import { normaliseApi } from '../model/normalise/api.js';
import { normaliseKey } from '../model/normalise/by-label.js';
import type { Field, Mapping } from './fields.js';
import type { IntelHit, RowEffects } from './effects.js';
import { Reject, splitList } from './row-values.js';

type Get = (f: Field) => string | undefined;

export const INTEL_TYPES: Record<string, IngestLabel> = {
  ip: 'IP',
  ipv4: 'IP',
  ipv6: 'IP',
  'ip-dst': 'IP',
  'ip-src': 'IP',
  phone: 'Phone',
  msisdn: 'Phone',
  device: 'Device',
  fingerprint: 'Device',
  email: 'Email',
  'email-src': 'Email',
  card: 'PaymentMethod',
  payment: 'PaymentMethod',
  bin: 'PaymentMethod',
  address: 'Address',
  tool: 'Tool',
  'user-agent': 'Tool',
  account: 'Account',
  api: 'Api',
};

export function intel(get: Get, columns: Mapping['columns'], effects: RowEffects): RowEffects {
  const indicator = get('indicator');
  if (!indicator) throw new Reject(`column ${columns.indicator}: indicator is empty`);
  const typeText = (get('indicatorType') ?? '').toLowerCase();
  const label = INTEL_TYPES[typeText];
  if (!label) {
    throw new Reject(
      `column ${columns.indicatorType ?? 'type'}: unknown indicator type '${typeText.slice(0, 30)}' (expected one of ${Object.keys(INTEL_TYPES).join(', ')})`,
    );
  }
  let key: string | undefined;
  const nodeProps: IntelHit['nodeProps'] = {};
  if (label === 'PaymentMethod' && typeText === 'bin') {
    // A BIN range is intel about every card from it: stored on a BIN-keyed node for lookups.
    key = `bin:${indicator.replace(/\D/g, '')}`;
    nodeProps.bin = indicator.replace(/\D/g, '');
  } else key = normaliseKey(label, indicator);
  if (!key) throw new Reject(`column ${columns.indicator}: '${indicator.slice(0, 60)}' is not a valid ${typeText}`);
  const confText = get('confidence');
  const confidence = confText === undefined ? null : Number(confText);
  if (confidence !== null && !(confidence >= 0 && confidence <= 100)) {
    throw new Reject(
      `column ${columns.confidence}: confidence '${confText}' is not a number from 0 to 1 (or 0 to 100)`,
    );
  }
  effects.intel.push({
    label,
    key,
    tags: splitList(get('tags')),
    confidence: confidence === null ? null : confidence > 1 ? confidence / 100 : confidence,
    source: get('source') ?? null,
    nodeProps,
  });
  return effects;
}

export function apiAsset(get: Get, columns: Mapping['columns'], effects: RowEffects): RowEffects {
  const pathText = get('path');
  if (!pathText) throw new Reject(`column ${columns.path}: endpoint is empty`);
  const method = get('method');
  const key = method ? normaliseApi(method, pathText) : normaliseApi(pathText);
  if (!key) throw new Reject(`column ${columns.path}: cannot read an API endpoint from '${pathText.slice(0, 80)}'`);
  effects.apis.push({
    key,
    domain: get('domain') ?? null,
    sensitivity: get('sensitivity')?.toLowerCase() ?? null,
    controls: splitList(get('controls')),
    tags: splitList(get('tags')),
  });
  return effects;
}

/** The identifier fields an attribute table can be keyed by, in the order they are looked for. */
export const ATTRIBUTE_KEYS = [
  ['device', 'Device'],
  ['card', 'PaymentMethod'],
  ['ip', 'IP'],
  ['phone', 'Phone'],
  ['email', 'Email'],
  ['address', 'Address'],
] as const satisfies readonly (readonly [Field, IngestLabel])[];

export function attributes(get: Get, row: Record<string, string>, mapping: Mapping, effects: RowEffects): RowEffects {
  const keyed = ATTRIBUTE_KEYS.find(([f]) => mapping.columns[f] !== undefined);
  if (!keyed) throw new Reject('attribute table: no identifier column (device, card, ip, phone, email or address)');
  const [field, label] = keyed;
  const column = mapping.columns[field]!;
  const raw = get(field);
  if (raw === undefined) throw new Reject(`column ${column}: ${field} key is empty`);
  const key = normaliseKey(label, raw);
  if (!key) throw new Reject(`column ${column}: '${raw.slice(0, 60)}' is not a valid ${field}`);
  const props: Record<string, string | number> = {};
  for (const [prop, col] of Object.entries(mapping.nodeProps)) {
    const v = row[col]?.trim();
    if (v && !/^(null|nan|none|n\/a)$/i.test(v))
      props[prop] = /^-?\d+(\.\d+)?$/.test(v) && v.length < 16 ? Number(v) : v;
  }
  effects.attributes.push({ label, key, props });
  return effects;
}
