// Legitimate customers: singles, and the crowds that share identifiers on purpose (households,
// public terminals, corporate cards behind an office IP), so that counting shared identifiers
// alone does badly. Each function writes one unit and returns how many accounts it made.
import type { Generator } from './generator.js';
import { DAY } from '../model/time-units.js';

export async function legitSingle(g: Generator): Promise<number> {
  const p = g.persona();
  await g.register(p);
  await g.activity(p, g.rng.int(1, 3), g.rng.int(0, 2));
  if (g.rng.chance(0.02)) await g.w.labels.write({ user_id: p.key, label: 'legit' });
  return 1;
}

export async function legitHousehold(g: Generator): Promise<number> {
  const r = g.rng;
  const size = r.int(2, 4);
  const shared = { device: g.device(), card: g.card(), address: g.address(), ip: g.residentialIp() };
  const members: string[] = [];
  for (let i = 0; i < size; i++) {
    const p = g.persona();
    p.ips = [shared.ip];
    p.address = shared.address;
    if (r.chance(0.7)) p.devices = [shared.device, ...p.devices.slice(0, 1)];
    if (r.chance(0.6)) p.card = shared.card;
    await g.register(p);
    await g.activity(p, r.int(1, 3), r.int(1, 2));
    members.push(p.key);
  }
  g.legit.push({ kind: 'household', members, resources: [`Address:${shared.address}`] });
  return size;
}

export async function legitTerminal(g: Generator): Promise<number> {
  const r = g.rng;
  const size = r.int(15, 40);
  const device = g.device();
  const ip = r.pick(g.wifi);
  const members: string[] = [];
  for (let i = 0; i < size; i++) {
    const p = g.persona();
    await g.register(p);
    await g.activity(p, 1, r.int(0, 1));
    // Logs in now and then at the library / hotel kiosk.
    for (let j = 0; j < r.int(1, 3); j++) await g.login(p, p.signup + r.int(5, 150) * DAY, { device, ip });
    members.push(p.key);
  }
  g.legit.push({ kind: 'public-terminal', members, resources: [`Device:${device}`] });
  return size;
}

export async function legitCorporate(g: Generator): Promise<number> {
  const r = g.rng;
  const size = r.int(5, 15);
  const card = g.card('552233');
  const office = r.pick(g.offices);
  const members: string[] = [];
  for (let i = 0; i < size; i++) {
    const p = g.persona();
    p.ips = [office, ...p.ips];
    await g.register(p);
    await g.activity(p, r.int(1, 2), 0);
    for (let j = 0; j < r.int(1, 3); j++)
      await g.order(p, p.signup + r.int(1, 120) * DAY, {
        card,
        address: `1 Corporate Plaza, Fairview ${10000 + (office.length % 7)}`,
      });
    members.push(p.key);
  }
  g.legit.push({ kind: 'corporate-card', members, resources: [`IP:${office}`] });
  return size;
}
