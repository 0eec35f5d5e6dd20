// Card testing: scripted accounts on one or two devices behind proxies try many cards of one BIN
// with small amounts, most of them declined.
import { AUTOMATION_UAS } from '../data.js';
import type { Generator } from '../generator.js';
import type { RingKit } from './kit.js';
import { HOUR, MINUTE } from '../../model/time-units.js';

export async function cardTesting(g: Generator, kit: RingKit, size: number): Promise<void> {
  const r = g.rng;
  const bin = String(r.int(400000, 499999));
  const devices = Array.from({ length: r.int(1, 2) }, () => g.device());
  const ua = r.pick(AUTOMATION_UAS);
  for (let i = 0; i < size; i++) {
    const p = g.persona(g.time(kit.burst, 12 * HOUR));
    p.devices = [r.pick(devices)];
    p.ips = [r.pick(kit.proxies)];
    p.ua = ua;
    await g.register(p);
    for (let j = 0; j < r.int(3, 6); j++) {
      const card = g.card(bin);
      await g.login(p, p.signup + j * MINUTE, { api: ['POST', '/api/v1/payments/authorize'] });
      await g.order(p, p.signup + j * MINUTE + 5000, {
        amount: r.int(100, 300) / 100,
        card,
        status: r.chance(0.8) ? 'declined' : 'paid',
      });
    }
    kit.members.push(p);
  }
  devices.forEach((d) => kit.resources.add(`Device:${d}`));
  await kit.tag('ip', kit.proxies, ['proxy', 'datacenter'], 85);
}
