// Anti-detect farm: like a coupon farm, but every account has a fresh browser fingerprint and
// exits through residential (CGNAT) addresses ordinary users share, so only the SMS number block,
// the e-mail pattern and the timing tie it together.
import { FIRST, LAST, LEGIT_UAS } from '../data.js';
import type { Generator } from '../generator.js';
import type { RingKit } from './kit.js';
import { HOUR } from '../../model/time-units.js';

export async function antiDetectFarm(g: Generator, kit: RingKit, size: number): Promise<void> {
  const r = g.rng;
  const resi = Array.from({ length: 3 }, () => r.pick(g.cgnat));
  const stem = `${r.pick(FIRST)}${r.pick(LAST)}`;
  const domain = r.pick(['outlook.com', 'yahoo.com', 'proton.me']);
  for (let i = 0; i < size; i++) {
    const p = g.persona(g.time(kit.burst, 6 * HOUR));
    p.devices = [g.device()]; // a fresh fingerprint per account
    p.ips = [r.pick(resi)]; // residential exits ordinary users share
    p.phone = kit.smsPhone(i);
    p.email = `${stem}${r.int(1000, 9999)}@${domain}`;
    p.ua = LEGIT_UAS[0]!;
    await g.register(p, { api: ['POST', '/api/v1/sms/send-code'] });
    await g.login(p, p.signup + 90_000, { api: ['POST', '/api/v1/coupons/claim'] });
    await g.order(p, p.signup + r.int(1, 72) * HOUR, {
      amount: 1.5 + r.int(0, 200) / 100,
      address: r.pick(kit.dropAddresses),
    });
    kit.members.push(p);
  }
  await kit.tag(
    'phone',
    kit.members.map((m) => m.phone),
    ['sms-platform'],
    60,
  );
  kit.resources.add(`Phone:${kit.smsBlock}`);
}
