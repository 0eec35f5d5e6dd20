// Refund cash-out: accounts behind proxies buy with a handful of shared cards, ship to drop
// addresses and claim refunds three days later.
import type { Generator } from '../generator.js';
import type { RingKit } from './kit.js';
import { DAY } from '../../model/time-units.js';

export async function refundCashout(g: Generator, kit: RingKit, size: number): Promise<void> {
  const r = g.rng;
  const cards = Array.from({ length: Math.max(2, Math.ceil(size / 2)) }, () => g.card());
  for (let i = 0; i < size; i++) {
    const p = g.persona(g.time(kit.burst, 5 * DAY));
    p.ips = [r.pick(kit.proxies)];
    await g.register(p);
    for (let j = 0; j < r.int(2, 4); j++) {
      const card = r.pick(cards);
      const t = p.signup + r.int(1, 20) * DAY;
      await g.order(p, t, { amount: 150 + r.int(0, 50000) / 100, card, address: r.pick(kit.dropAddresses) });
      await g.login(p, t + 3 * DAY, { api: ['POST', '/api/v1/refunds'] });
      await g.order(p, t + 3 * DAY, { amount: 150, card, status: 'refund', address: r.pick(kit.dropAddresses) });
    }
    kit.members.push(p);
  }
  kit.dropAddresses.forEach((a) => kit.resources.add(`Address:${a}`));
}
