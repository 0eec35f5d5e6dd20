// The ground truth a generated data set is written with (truth.json): the planted operations by
// scenario and the legitimate crowds that share identifiers on purpose.

export const SCENARIOS = [
  'coupon-farm',
  'anti-detect-farm',
  'card-testing',
  'account-takeover',
  'refund-cashout',
  'money-mules',
  'brushing',
  'mule-network',
  'lone-fraudster',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface TruthRing {
  id: string;
  scenario: Scenario;
  members: string[];
  resources: string[];
}

export interface LegitGroup {
  kind: 'household' | 'public-terminal' | 'corporate-card' | 'club' | 'office' | 'cgnat' | 'public-wifi';
  members: string[];
  resources: string[];
}
