// client/src/graph/style.ts risk tiers and client/src/ui/score-input.ts: how the web app colours a
// risk and reads a minimum-risk filter, both from the model's named thresholds; client/src/ui/weight-text.ts
// signedWeight: how a reason's weight reads.
import { describe, expect, it } from 'vitest';
import { COLORS, RISK_BADGE, riskTier } from '../../../client/src/graph/style.js';
import { signedWeight } from '../../../client/src/ui/weight-text.js';
import { parseScoreFilter } from '../../../client/src/ui/score-input.js';
import { FLAG_THRESHOLD, KEEP_THRESHOLD } from '../../../server/src/model/thresholds.js';

describe('riskTier', () => {
  it('is high from the flag threshold, mid from the keep threshold, low below', () => {
    expect(riskTier(1)).toBe('high');
    expect(riskTier(FLAG_THRESHOLD)).toBe('high');
    expect(riskTier(FLAG_THRESHOLD - 0.001)).toBe('mid');
    expect(riskTier(KEEP_THRESHOLD)).toBe('mid');
    expect(riskTier(KEEP_THRESHOLD - 0.001)).toBe('low');
    expect(riskTier(0)).toBe('low');
  });
  it('colours a badge as the canvas borders a node', () => {
    expect(RISK_BADGE.high.background).toBe(COLORS.riskHigh);
    expect(RISK_BADGE.mid.background).toBe(COLORS.riskMid);
    expect(RISK_BADGE.high.title).toContain(String(FLAG_THRESHOLD));
  });
});

describe('parseScoreFilter', () => {
  const read = (value: string, badInput = false) => parseScoreFilter('Min risk', { value, badInput });
  it('reads an empty field as no minimum and a score as itself', () => {
    expect(read('')).toBe(0);
    expect(read('  ')).toBe(0);
    expect(read('0.75')).toBe(0.75);
    expect(read('1')).toBe(1);
  });
  it('names the field and what was expected for anything else', () => {
    expect(read('1.5')).toBe("Min risk must be a number from 0 to 1, got '1.5'");
    expect(read('-0.1')).toBe("Min risk must be a number from 0 to 1, got '-0.1'");
    expect(read('', true)).toBe('Min risk must be a number from 0 to 1.');
  });
});

describe('signedWeight', () => {
  it('shows the sign and two decimals', () => {
    expect(signedWeight(0.3)).toBe('+0.30');
    expect(signedWeight(-0.25)).toBe('−0.25');
    expect(signedWeight(0)).toBe('+0.00');
  });
  it('never shows a reason that counted as +0.00', () => {
    expect(signedWeight(0.004)).toBe('+<0.01');
    expect(signedWeight(-0.001)).toBe('−<0.01');
    expect(signedWeight(0.005)).toBe('+0.01');
  });
});
