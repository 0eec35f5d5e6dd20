// Money mules on one card: two or three accounts with the same card and drop address buy, take a
// chargeback and pass money round in a circle through wallet transfers.
import type { Generator } from '../generator.js';
import type { RingKit } from './kit.js';
import { DAY, MINUTE } from '../../model/time-units.js';

export async function moneyMules(g: Generator, kit: RingKit, size: number): Promise<void> {
  const r = g.rng;
  const card = g.card();
  const drop = kit.dropAddresses[0]!;
  for (let i = 0; i < size; i++) {
    const p = g.persona(g.time(kit.burst, 2 * DAY));
    p.card = card;
    p.address = drop;
    await g.register(p);
    kit.members.push(p);
  }
  for (const [i, p] of kit.members.entries()) {
    await g.order(p, p.signup + DAY, { amount: 300 + r.int(0, 60000) / 100, status: 'chargeback' });
    await g.order(p, p.signup + 2 * DAY, { amount: 200 + r.int(0, 30000) / 100 });
    const next = kit.members[(i + 1) % kit.members.length]!;
    await g.login(p, p.signup + 2 * DAY, { api: ['POST', '/api/v1/wallet/transfer'] });
    await g.order(p, p.signup + 2 * DAY + MINUTE, { amount: 250, to: next.key, status: 'paid' });
  }
  kit.resources.add(`Address:${drop}`);
}
