// Account risk with enough confirmed cases to learn from: closeness to confirmed fraud still flags
// the operation's unconfirmed accounts, and an ordinary household whose one tie to fraud is a small
// transfer from a confirmed fraudster (the fraudster paying a friend back) is not flagged.
import { describe, expect, it } from 'vitest';
import { computeAccountRisk, learnedDetail } from '../../server/src/detect/account-risk.js';
import { EdgeList } from '../../server/src/detect/fraud-proximity.js';
import { BASE_FEATURES, type FeatureTable } from '../../server/src/detect/risk-features.js';

const DAY = 86_400;

/**
 * 400 accounts. 0–39 an operation: pairs share a device and an address, and money is passed on
 * along a chain; 0–29 confirmed fraud, 30–39 not yet reviewed. 40–79 reviewed and
 * legitimate, 80–397 never reviewed, each with one card and device of its own. 398 and 399 a
 * household: one address, IP and device between them; fraudster 0 once paid 398 back 30.
 */
function world(): FeatureTable {
  const n = 400;
  const keys = Array.from({ length: n }, (_, i) => `a${i}`);
  const col = () => new Float64Array(n);
  const columns = new Map<string, Float64Array>(BASE_FEATURES.map((f) => [f, col()]));
  const set = (f: string, i: number, v: number) => (columns.get(f)![i] = v);
  const labels: FeatureTable['labels'] = Array.from({ length: n }, () => null);
  const moneyLinks: FeatureTable['moneyLinks'] = [];
  for (let i = 0; i < n; i++) {
    const wobble = (i * 7919) % 13;
    set('cards', i, 1);
    set('devices', i, 1);
    set('phones', i, 1);
    set('emails', i, 1);
    set('ips', i, 1 + (wobble % 3));
    set('velocitySeconds', i, (2 + wobble) * DAY);
    set('activeDays', i, 20 + 3 * wobble);
    set('payments', i, 1 + (wobble % 4));
    set('orderAmount', i, 40 + 10 * wobble);
  }
  for (let i = 0; i < 40; i++) {
    const amount = 500 + 40 * i;
    set('sharedStrong', i, 0.6);
    set('sharedWeak', i, 1);
    set('sentAmount', i, amount * 0.95);
    set('receivedAmount', i, amount);
    set('sentCount', i, 1);
    set('receivedCount', i, 1);
    set('fanOut', i, 1);
    set('fanIn', i, 1);
    set('passThrough', i, amount * 0.95);
    moneyLinks.push({ from: i, to: (i + 1) % 40, amount, count: 1, type: 'TRANSFERRED_TO' });
    if (i < 30) labels[i] = 'fraud';
  }
  for (let i = 40; i < 80; i++) labels[i] = 'legit';
  for (const i of [398, 399]) {
    set('addresses', i, 1);
    set('sharedStrong', i, 0.63);
    set('sharedWeak', i, 1.26);
  }
  moneyLinks.push({ from: 0, to: 398, amount: 30, count: 1, type: 'TRANSFERRED_TO' });
  set('sentAmount', 0, 1530);
  set('fanOut', 0, 2);
  set('receivedAmount', 398, 30);
  set('receivedCount', 398, 1);
  set('fanIn', 398, 1);
  return {
    keys,
    index: new Map(keys.map((k, i) => [k, i])),
    columns,
    propFeatures: [],
    labels,
    registered: new Float64Array(n).fill(NaN),
    tags: keys.map(() => []),
    moneyLinks,
  };
}

describe('account risk learned from confirmed cases', () => {
  const t = world();
  // The operation shares a device pairwise; the household its device, address and IP.
  const shareLinks = EdgeList.from([
    ...Array.from({ length: 39 }, (_, i) => ({ a: i, b: i + 1, w: 1 })),
    { a: 398, b: 399, w: 1.85 },
  ]);
  const r = computeAccountRisk(t, { ringOf: new Map(), shareLinks, dismissed: new Set() });

  it('learns from the labels', () => {
    expect(r.model.mode).toBe('learned');
  });

  it('flags the operation’s unreviewed accounts', () => {
    for (let i = 30; i < 40; i++) expect(r.risk[i]!).toBeGreaterThanOrEqual(0.5);
  });

  it('does not flag a household paid once by a confirmed fraudster', () => {
    expect(r.risk[398]!).toBeLessThan(0.5);
    expect(r.risk[399]!).toBeLessThan(0.5);
  });

  it('shows what the model took away as a negative LEARNED weight, so the reasons explain the risk', () => {
    const ring = { id: 'R-h', score: 0.6, size: 2, structural: 0.6, memberMedian: 0.1 };
    const withRing = computeAccountRisk(t, {
      ringOf: new Map([
        [398, ring],
        [399, ring],
      ]),
      shareLinks,
      dismissed: new Set(),
    });
    const reasons = withRing.reasons[399]!;
    const member = reasons.find((x) => x.code === 'RING_MEMBER')!;
    const learned = reasons.find((x) => x.code === 'LEARNED')!;
    expect(withRing.risk[399]!).toBeLessThan(member.weight);
    expect(learned.weight).toBeLessThan(0);
    expect(learned.detail).toMatch(/^unlike the 30 confirmed fraud cases/);
    expect(reasons.at(-1)).toBe(learned);
    for (const rs of withRing.reasons) expect(rs.every((x) => x.weight !== 0 || x.code !== 'LEARNED')).toBe(true);
  });
});

describe('the LEARNED reason in words', () => {
  it('says which way the model moved the risk, never "looks like" for a risk it lowered', () => {
    expect(learnedDetail(0.3, 1, 40, ['cards'])).toBe(
      'looks like the 40 confirmed fraud cases (odds ×2.7 over the labelled base rate), most in cards',
    );
    expect(learnedDetail(-0.27, 1, 40, [])).toBe(
      'looks less like the 40 confirmed fraud cases than its other reasons say (odds ×2.7 over the labelled base rate)',
    );
    expect(learnedDetail(-0.2, -2, 40, [])).toBe(
      'unlike the 40 confirmed fraud cases (odds ×0.14 over the labelled base rate)',
    );
    expect(learnedDetail(0.1, -0.3, 40, [])).toMatch(
      /^the model learned from the 40 confirmed fraud cases puts it higher/,
    );
  });
});
