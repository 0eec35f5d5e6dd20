// Tiers of the black-industry chain, left to right: tools and upstream resources → phones, IPs,
// devices, emails → accounts → APIs, cards, addresses. Pure: the client build may import this file.
import { UPSTREAM_TAGS } from './tags.js';

export const TIERS = [
  { tier: 'upstream', title: 'Tools and upstream resources', types: ['Tool'] },
  { tier: 'access', title: 'Phones, IPs, devices, emails', types: ['Phone', 'IP', 'Device', 'Email'] },
  { tier: 'accounts', title: 'Accounts', types: ['Account'] },
  { tier: 'monetisation', title: 'APIs, cards, addresses', types: ['Api', 'PaymentMethod', 'Address'] },
] as const;
export type Tier = (typeof TIERS)[number]['tier'];

/** The tier of an entity: a non-account tagged as an upstream resource (SMS platform, proxy, …) is upstream. */
export function tierOf(type: string, tags: readonly string[]): Tier {
  if (type !== 'Account' && tags.some((t) => UPSTREAM_TAGS.includes(t))) return 'upstream';
  return TIERS.find((t) => (t.types as readonly string[]).includes(type))?.tier ?? 'access';
}

/** Column of the tier, 0 (upstream) to TIERS.length - 1. */
export function tierIndex(tier: Tier): number {
  return TIERS.findIndex((t) => t.tier === tier);
}
