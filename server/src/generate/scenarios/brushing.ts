// Brushing (fake orders): a device farm of buyers behind proxies ordering from one seller and
// reviewing every order an hour later.
import type { Generator } from '../generator.js';
import type { RingKit } from './kit.js';
import { DAY, HOUR } from '../../model/time-units.js';

export async function brushing(g: Generator, kit: RingKit, size: number): Promise<void> {
  const r = g.rng;
  const seller = g.persona(kit.burst - 30 * DAY);
  await g.register(seller);
  const farm = Array.from({ length: Math.max(2, Math.ceil(size / 5)) }, () => g.device());
  for (let i = 0; i < size; i++) {
    const p = g.persona(g.time(kit.burst, 3 * DAY));
    p.devices = [r.pick(farm)];
    p.ips = [r.pick(kit.proxies)];
    await g.register(p);
    for (let j = 0; j < r.int(2, 5); j++) {
      const t = p.signup + r.int(1, 10) * HOUR;
      await g.order(p, t, { amount: r.int(500, 2000) / 100, seller: seller.key, address: r.pick(kit.dropAddresses) });
      await g.login(p, t + HOUR, { api: ['POST', '/api/v1/reviews'] });
    }
    kit.members.push(p);
  }
  kit.members.push(seller);
  farm.forEach((d) => kit.resources.add(`Device:${d}`));
  await kit.tag('ip', kit.proxies, ['proxy'], 70);
}
