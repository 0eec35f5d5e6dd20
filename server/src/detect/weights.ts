// How much a shared identifier says that two accounts are run by one operator. Strong identifiers
// (card, device, phone) count more than weak ones (address, IP); an identifier shared by many
// accounts says less about each pair; intel lifts proxies and SMS-platform numbers and silences
// carrier CGNAT, office and public addresses, where sharing is normal.
import { hasBenignTag, hasRiskyTag } from '../model/tags.js';

export const BASE_WEIGHT: Record<string, number> = {
  PaymentMethod: 1,
  Device: 1,
  Phone: 1,
  Email: 0.8,
  Address: 0.5,
  IP: 0.35,
};
export const STRONG_LABELS = new Set(['PaymentMethod', 'Device', 'Phone']);

/** Weight of one shared identifier for each pair of its accounts (0 = ignore it). */
export function identifierWeight(label: string, degree: number, tags: string[]): number {
  const base = BASE_WEIGHT[label] ?? 0;
  if (base === 0 || degree < 2) return 0;
  if (hasBenignTag(tags)) return 0;
  const risky = hasRiskyTag(tags);
  const share = degree <= 4 ? 1 : (4 / degree) ** 0.75;
  return base * share * (risky ? 1.5 : 1);
}

/** Pairs whose summed weight reaches this are linked when grouping. */
export const LINK_THRESHOLD = 0.3;
