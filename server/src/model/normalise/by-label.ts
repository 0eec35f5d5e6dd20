// The label → normaliser table: how a raw text becomes the key of a node of that label. Ingest (intel
// indicators), search and the generator all read keys through here, so one text always meets one node.
import type { IngestLabel } from '../labels.js';
import { normaliseApi } from './api.js';
import { normaliseEmail } from './email.js';
import { normaliseIp } from './ip.js';
import { normalisePayment } from './payment.js';
import { normalisePhone } from './phone.js';
import { normaliseAddress, normaliseDevice } from './text-keys.js';

export type KeyNormaliser = (raw: string) => string | undefined;

const trimmed: KeyNormaliser = (raw) => raw.trim() || undefined;

export const NORMALISERS: Record<IngestLabel, KeyNormaliser> = {
  Account: trimmed,
  Device: normaliseDevice,
  IP: normaliseIp,
  PaymentMethod: (raw) => normalisePayment({ fingerprint: raw })?.key,
  Phone: normalisePhone,
  Email: (raw) => normaliseEmail(raw)?.key,
  Address: normaliseAddress,
  Api: (raw) => normaliseApi(raw),
  Tool: (raw) => raw.trim().toLowerCase() || undefined,
};

/** The node key for a raw text of this label, or undefined when the text is not one. */
export function normaliseKey(label: IngestLabel, raw: string): string | undefined {
  return NORMALISERS[label](raw);
}
