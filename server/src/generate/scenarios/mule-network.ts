// Mule network, visible only through money flow: feeder accounts top up their wallets with stolen
// cards and send the money on; recruited mules with their own phones, devices and home connections
// (shared no more than any customer's) receive it from several feeders, pass it on within hours
// through a second layer, and cash-out accounts spend it on resaleable goods. Only the transfers
// tie them together.
import type { Generator, Persona } from '../generator.js';
import type { RingKit } from './kit.js';
import { DAY, HOUR, MINUTE } from '../../model/time-units.js';

interface Holding {
  mule: Persona;
  received: number;
  /** Time of the last money in. */
  last: number;
}

export async function muleNetwork(g: Generator, kit: RingKit, size: number): Promise<void> {
  const r = g.rng;
  const recruit = async (): Promise<Holding> => {
    // Recruited over the weeks before, each with ordinary activity of their own.
    const mule = g.persona(g.time(kit.burst - 45 * DAY, 40 * DAY));
    await g.register(mule);
    await g.activity(mule, r.int(1, 3), r.int(0, 2));
    const friend = r.chance(Math.min(1, 3 * g.p2pShare)) ? g.peer(mule) : undefined;
    if (friend) await g.transfer(mule, friend, Math.max(mule.signup, friend.signup) + DAY, r.int(500, 8000) / 100);
    kit.members.push(mule);
    return { mule, received: 0, last: kit.burst };
  };
  const cashers = Math.max(1, Math.round(size / 8));
  const second = Math.max(1, Math.round(size / 5));
  const first = Math.max(2, Math.round(size / 4));
  const feeders = Math.max(1, size - cashers - second - first);
  const layer1: Holding[] = [];
  const layer2: Holding[] = [];
  const cashOut: Holding[] = [];
  for (let i = 0; i < first; i++) layer1.push(await recruit());
  for (let i = 0; i < second; i++) layer2.push(await recruit());
  for (let i = 0; i < cashers; i++) cashOut.push(await recruit());

  // Money in: each feeder tops up with a stolen card and sends it to a few first-layer mules.
  for (let i = 0; i < feeders; i++) {
    const feeder = (await recruit()).mule;
    let t = kit.burst + r.int(0, 3 * DAY);
    for (let j = 0, n = r.int(2, 4); j < n; j++) {
      const amount = r.int(30000, 250000) / 100;
      await g.order(feeder, t, { amount, card: g.card() });
      const h = r.pick(layer1);
      t += r.int(10, 120) * MINUTE;
      await g.transfer(feeder, h.mule, t, amount);
      h.received += amount;
      h.last = Math.max(h.last, t);
      t += r.int(1, 12) * HOUR;
    }
  }
  // Passed on within hours, keeping a small cut, to the next layer, then to the cash-out accounts.
  await passOn(g, layer1, layer2);
  await passOn(g, layer2, cashOut);
  // Cash-out: resaleable goods (gift cards, phones) bought with the money within a day.
  for (const h of cashOut) {
    let left = h.received * 0.95;
    let t = h.last + r.int(1, 24) * HOUR;
    while (left > 1) {
      const amount = Math.min(left, r.int(20000, 150000) / 100);
      await g.order(h.mule, t, { amount });
      left -= amount;
      t += r.int(10, 180) * MINUTE;
    }
  }
}

async function passOn(g: Generator, from: Holding[], to: Holding[]): Promise<void> {
  const r = g.rng;
  for (const h of from) {
    if (h.received === 0) continue;
    const parts = r.int(1, 2);
    const amount = (h.received * (0.85 + r.next() * 0.1)) / parts;
    for (let i = 0; i < parts; i++) {
      const next = r.pick(to);
      const t = h.last + r.int(1, 12) * HOUR;
      await g.transfer(h.mule, next.mule, t, amount);
      next.received += amount;
      next.last = Math.max(next.last, t);
    }
  }
}
