// Coupon farm: a wave of new accounts on a few emulators behind datacenter proxies, verified with
// rented SMS numbers, all invited by one master account, claiming sign-up coupons and shipping
// cheap orders to a drop address.
import { EMULATOR_UA } from '../data.js';
import type { Generator } from '../generator.js';
import type { RingKit } from './kit.js';
import { DAY, HOUR, MINUTE } from '../../model/time-units.js';

export async function couponFarm(g: Generator, kit: RingKit, size: number): Promise<void> {
  const r = g.rng;
  const emus = Array.from({ length: r.int(2, 4) }, () => `emu-${r.hex(12)}`);
  const master = g.persona(kit.burst - DAY);
  await g.register(master);
  for (let i = 0; i < size; i++) {
    const p = g.persona(g.time(kit.burst, 2 * HOUR));
    p.devices = [r.pick(emus)];
    p.ips = [r.pick(kit.proxies)];
    p.phone = kit.smsPhone(i);
    p.ua = EMULATOR_UA;
    p.referrer = master.key;
    await g.register(p, { api: ['POST', '/api/v1/sms/send-code'] });
    await g.login(p, p.signup + MINUTE, { api: ['POST', '/api/v1/coupons/claim'] });
    await g.login(p, p.signup + 2 * MINUTE, { api: ['POST', '/api/v1/invite/redeem'] });
    await g.order(p, p.signup + r.int(1, 48) * HOUR, {
      amount: 0.99 + r.int(0, 300) / 100,
      address: r.pick(kit.dropAddresses),
    });
    kit.members.push(p);
  }
  const farmed = kit.members.map((m) => m.phone);
  kit.members.push(master);
  emus.forEach((d) => kit.resources.add(`Device:${d}`));
  kit.proxies.forEach((ip) => kit.resources.add(`IP:${ip}`));
  await kit.tag('ip', kit.proxies, ['proxy', 'datacenter'], 80);
  await kit.tag('phone', farmed, ['sms-platform', 'virtual-number'], 70);
}
