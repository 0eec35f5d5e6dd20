// Legitimate customers: singles, and the crowds that share identifiers on purpose (households,
// public terminals, corporate cards behind an office IP), so that counting shared identifiers
// alone does badly. Each function writes one unit and returns how many accounts it made.
import type { Generator, Persona } from './generator.js';
import { DAY, HOUR, MINUTE } from '../model/time-units.js';

export async function legitSingle(g: Generator): Promise<number> {
  const r = g.rng;
  const p = g.persona();
  await g.register(p);
  // Some sign up to buy at once (minutes, not seconds); a few pay with a second card later on.
  if (r.chance(0.05)) await g.order(p, p.signup + r.int(2, 30) * MINUTE);
  await g.activity(p, r.int(1, 3), r.int(0, 2));
  if (r.chance(0.05)) await g.order(p, p.signup + r.int(1, 90) * DAY * r.next(), { card: g.card() });
  await payFriends(g, p, g.p2pShare);
  g.remember(p);
  if (r.chance(0.02)) await g.w.labels.write({ user_id: p.key, label: 'legit' });
  return 1;
}

/** With probability `share`, one or two wallet transfers to earlier customers (a split bill). */
async function payFriends(g: Generator, p: Persona, share: number): Promise<void> {
  const r = g.rng;
  if (!r.chance(share)) return;
  for (let i = 0, n = r.int(1, 2); i < n; i++) {
    const friend = g.peer(p);
    if (!friend) continue;
    const t = Math.max(p.signup, friend.signup) + MINUTE + r.int(1, 60) * DAY * r.next();
    await g.transfer(p, friend, Math.floor(t), r.int(500, 20000) / 100);
  }
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
    g.remember(p);
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
    g.remember(p);
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
    g.remember(p);
    members.push(p.key);
  }
  g.legit.push({ kind: 'corporate-card', members, resources: [`IP:${office}`] });
  return size;
}

/**
 * A club or flat share: members pay their dues to one treasurer by wallet transfer, and the
 * treasurer pays the venue by card weeks later. Money fans in, but is not passed on within hours
 * as it is through mules.
 */
export async function legitClub(g: Generator): Promise<number> {
  const r = g.rng;
  const size = r.int(5, 12);
  const treasurer = g.persona();
  await g.register(treasurer);
  await g.activity(treasurer, r.int(1, 3), r.int(0, 2));
  const members = [treasurer.key];
  const due = r.int(1000, 5000) / 100;
  const months = r.int(1, 3);
  const firstDue = treasurer.signup + r.int(1, 20) * DAY;
  let collected = 0;
  for (let i = 1; i < size; i++) {
    const p = g.persona();
    await g.register(p);
    await g.activity(p, r.int(1, 3), r.int(0, 2));
    for (let m = 0; m < months; m++) {
      const t = Math.max(firstDue + m * 30 * DAY, p.signup + HOUR) + r.int(0, 5) * DAY * r.next();
      await g.transfer(p, treasurer, Math.floor(t), due);
      collected += due;
    }
    g.remember(p);
    members.push(p.key);
  }
  await g.order(treasurer, firstDue + months * 30 * DAY + r.int(5, 15) * DAY, { amount: collected * 0.9 });
  g.remember(treasurer);
  g.legit.push({ kind: 'club', members, resources: [`Account:${treasurer.key}`] });
  return size;
}
