// Lone fraudster: one account and no ring. It signs up and buys within a minute, trying stolen
// card after card of different banks on expensive goods, and never comes back. Some come through
// a datacenter proxy of their own; nothing is shared with anyone.
import { SPAN_DAYS, START, type Generator } from '../generator.js';
import type { RingKit } from './kit.js';
import { DAY, SECOND } from '../../model/time-units.js';

export async function loneFraudster(g: Generator, kit: RingKit, size: number): Promise<void> {
  const r = g.rng;
  for (let i = 0; i < size; i++) {
    const p = g.persona(g.time(START, SPAN_DAYS * DAY));
    const proxy = r.chance(0.4) ? kit.proxies[i] : undefined;
    if (proxy) {
      p.ips = [proxy];
      await kit.tag('ip', [proxy], ['proxy', 'datacenter'], 70);
    }
    await g.register(p);
    let t = p.signup + r.int(10, 60) * SECOND;
    for (let j = 0, cards = r.int(3, 8); j < cards; j++) {
      const paid = j === cards - 1 || r.chance(0.3);
      await g.order(p, t, { amount: r.int(20000, 150000) / 100, card: g.card(), status: paid ? 'paid' : 'declined' });
      t += r.int(20, 120) * SECOND;
    }
    kit.members.push(p);
  }
}
