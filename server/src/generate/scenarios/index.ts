// The planted operations: for each scenario its size range and the function that writes it. A
// ring gets the common kit (burst, proxies, SMS block, drop addresses), its scenario writes the
// members' rows, about 30% of the members get a 'fraud' label, and the ring goes to truth.json.
// A solo scenario (lone fraudsters) plants that many one-account entries instead of one ring.
import { accountTakeover } from './account-takeover.js';
import { antiDetectFarm } from './anti-detect-farm.js';
import { brushing } from './brushing.js';
import { cardTesting } from './card-testing.js';
import { couponFarm } from './coupon-farm.js';
import { ringKit, type RingKit } from './kit.js';
import { loneFraudster } from './lone-fraudster.js';
import { moneyMules } from './money-mules.js';
import { muleNetwork } from './mule-network.js';
import { refundCashout } from './refund-cashout.js';
import type { Generator } from '../generator.js';
import type { Scenario } from '../truth.js';

interface ScenarioPlan {
  /** Members per planted ring, inclusive. */
  sizes: [number, number];
  write: (g: Generator, kit: RingKit, size: number) => Promise<void>;
  /** Each account is an operation of its own (one truth entry each, no ring). */
  solo?: true;
}

export const SCENARIO_PLANS: Record<Scenario, ScenarioPlan> = {
  'coupon-farm': { sizes: [8, 30], write: couponFarm },
  'anti-detect-farm': { sizes: [6, 15], write: antiDetectFarm },
  'card-testing': { sizes: [5, 15], write: cardTesting },
  'account-takeover': { sizes: [5, 20], write: accountTakeover },
  'refund-cashout': { sizes: [4, 12], write: refundCashout },
  'money-mules': { sizes: [2, 3], write: moneyMules },
  brushing: { sizes: [6, 25], write: brushing },
  'mule-network': { sizes: [8, 20], write: muleNetwork },
  'lone-fraudster': { sizes: [4, 10], write: loneFraudster, solo: true },
};

/** Plants `size` accounts of `scenario`: one ring, or `size` lone accounts; returns how many it made. */
export async function plantRing(g: Generator, scenario: Scenario, size: number): Promise<number> {
  if (!SCENARIO_PLANS[scenario].solo) return plant(g, scenario, size, 'ring');
  let made = 0;
  for (let i = 0; i < size; i++) made += await plant(g, scenario, 1, 'lone');
  return made;
}

async function plant(g: Generator, scenario: Scenario, size: number, prefix: string): Promise<number> {
  const r = g.rng;
  const id = `${prefix}-${String(g.truth.length + 1).padStart(5, '0')}`;
  const kit = ringKit(g, size);
  await SCENARIO_PLANS[scenario].write(g, kit, size);
  for (const m of kit.members) if (r.chance(0.3)) await g.w.labels.write({ user_id: m.key, label: 'fraud' });
  g.truth.push({ id, scenario, members: kit.members.map((m) => m.key), resources: [...kit.resources] });
  return kit.members.length;
}
