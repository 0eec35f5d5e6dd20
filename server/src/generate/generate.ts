// Synthetic e-commerce logs with planted black-industry operations and ground truth.
// Streams every file (bounded memory at 1,000,000 accounts). Legitimate crowds that share
// identifiers (households, CGNAT, offices, public terminals, corporate cards, public Wi-Fi) and
// clubs whose dues fan in to one treasurer are there on purpose: a detector that only counts
// shared identifiers, or money fanning in, must do badly on them.
// The means are in generator.ts, the scenarios in scenarios/, the crowds in legit.ts.
import fs from 'node:fs';
import path from 'node:path';
import { API_ASSETS } from './data.js';
import { Generator } from './generator.js';
import { legitClub, legitCorporate, legitHousehold, legitSingle, legitTerminal } from './legit.js';
import { plantRing, SCENARIO_PLANS } from './scenarios/index.js';
import { SCENARIOS } from './truth.js';
import { openWriters } from './writers.js';

export { API_ASSETS } from './data.js';
export { SCENARIOS, type LegitGroup, type Scenario, type TruthRing } from './truth.js';

export interface GenerateOptions {
  outDir: string;
  accounts: number;
  seed: number;
  /** Share of accounts that belong to a fraud ring (default 0.05). */
  fraudShare?: number;
  /**
   * Share of customers who also pay friends by wallet transfer (default 0.1). With 0 no ordinary
   * customer transfers (no clubs either): only the operations move money between accounts.
   */
  p2pShare?: number;
}

export interface GenerateResult {
  files: Record<string, number>;
  rings: number;
  ringMembers: number;
  accounts: number;
}

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  if (!Number.isInteger(opts.accounts) || opts.accounts < 100)
    throw new Error('--accounts must be a whole number of at least 100');
  fs.mkdirSync(opts.outDir, { recursive: true });
  const w = openWriters(opts.outDir);
  const g = new Generator(w, opts.seed, opts.accounts, opts.p2pShare ?? 0.1);
  const r = g.rng;
  const fraudTarget = Math.round(opts.accounts * (opts.fraudShare ?? 0.05));

  for (const a of API_ASSETS) await w.apiAssets.write({ ...a, controls: a.controls.join(';') });
  for (const ip of g.cgnat) await g.intel(ip, 'ip', ['cgnat', 'carrier'], 90, 'feed-carrier-ranges');
  for (const ip of g.offices) await g.intel(ip, 'ip', ['corporate'], 80, 'feed-asn');
  for (const ip of g.wifi) await g.intel(ip, 'ip', ['public-wifi'], 70, 'feed-asn');
  for (const t of ['android-emulator', 'headless-chrome', 'python-requests'])
    await g.intel(t, 'tool', ['fraud-tool'], 90, 'feed-blackmarket');

  // Interleave units so rings are spread through the files, as they are through real logs.
  let made = 0;
  let fraudMade = 0;
  let scenarioIndex = 0;
  while (made < opts.accounts) {
    const wantFraud = fraudMade < fraudTarget && r.chance((fraudTarget / Math.max(1, opts.accounts)) * 1.3);
    if (wantFraud) {
      const scenario = SCENARIOS[scenarioIndex++ % SCENARIOS.length]!;
      const [lo, hi] = SCENARIO_PLANS[scenario].sizes;
      const n = await plantRing(g, scenario, r.int(lo, hi));
      made += n;
      fraudMade += n;
      continue;
    }
    const u = r.next();
    if (u < 0.9) made += await legitSingle(g);
    else if (u < 0.97) made += await legitHousehold(g);
    else if (u < 0.985) made += await legitCorporate(g);
    else if (u < 0.99) made += await legitTerminal(g);
    else if (u < 0.993 && g.p2pShare > 0) made += await legitClub(g);
    else made += await legitSingle(g);
  }
  for (const writer of Object.values(w)) await writer.close();
  const truth = { seed: opts.seed, accounts: made, rings: g.truth, legitGroups: g.legit };
  fs.writeFileSync(path.join(opts.outDir, 'truth.json'), JSON.stringify(truth));
  const files: Record<string, number> = {};
  for (const writer of Object.values(w)) files[path.basename(writer.file)] = writer.rows;
  return { files, rings: g.truth.length, ringMembers: fraudMade, accounts: made };
}
