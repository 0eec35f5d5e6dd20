// Account takeover: old, real customers whose accounts one attacker kit (device, proxy, headless
// browser) logs into within a few days, changes the address of and orders expensive goods to a
// drop address.
import { AUTOMATION_UAS } from '../data.js';
import { START, type Generator } from '../generator.js';
import type { RingKit } from './kit.js';
import { DAY, MINUTE } from '../../model/time-units.js';

export async function accountTakeover(g: Generator, kit: RingKit, size: number): Promise<void> {
  const r = g.rng;
  const attacker = { device: g.device(), ip: r.pick(kit.proxies), ua: AUTOMATION_UAS[0] };
  const drop = kit.dropAddresses[0]!;
  for (let i = 0; i < size; i++) {
    const p = g.persona(g.time(START, 60 * DAY)); // old, real customers
    await g.register(p);
    await g.activity(p, 2, 1);
    const t = g.time(kit.burst, 3 * DAY);
    await g.login(p, t - 10 * MINUTE, { ...attacker, status: 'failed', api: ['POST', '/api/v1/login'] });
    await g.login(p, t, { ...attacker, api: ['POST', '/api/v1/login'] });
    await g.login(p, t + MINUTE, { ...attacker, api: ['PUT', '/api/v1/users/{id}/address'] });
    await g.order(p, t + 5 * MINUTE, { amount: 400 + r.int(0, 150000) / 100, address: drop });
    kit.members.push(p);
  }
  kit.resources.add(`Device:${attacker.device}`);
  await kit.tag('ip', [attacker.ip], ['proxy'], 75);
}
