// Kinds of black-industry operation a ring can be (ring triage and reports use these words).
// Pure: the client build may import this file.
export const ATTACK_TYPES = [
  { id: 'coupon-farm', title: 'Coupon / promotion farm' },
  { id: 'card-testing', title: 'Card testing' },
  { id: 'account-takeover', title: 'Account takeover' },
  { id: 'refund-cashout', title: 'Refund / cash-out abuse' },
  { id: 'mule-network', title: 'Mule network' },
  { id: 'fake-registrations', title: 'Fake registrations' },
  { id: 'brushing', title: 'Brushing / fake orders' },
] as const;
export type AttackType = (typeof ATTACK_TYPES)[number]['id'];

export function isAttackType(text: string): text is AttackType {
  return ATTACK_TYPES.some((a) => a.id === text);
}

export function attackTypeTitle(id: AttackType): string {
  return ATTACK_TYPES.find((a) => a.id === id)?.title ?? id;
}
