// detect/persist.ts riskDigest: the fingerprint a detection run compares to skip writing an
// account's unchanged risk. A change in the risk or in any reason must change it.
import { describe, expect, it } from 'vitest';
import { riskDigest } from '../../../server/src/detect/persist.js';

describe('riskDigest', () => {
  const reasons = JSON.stringify([{ code: 'MANY_CARDS', weight: 0.4, detail: '5 cards' }]);
  it('is the same for the same risk and reasons', () => {
    expect(riskDigest(0.73, reasons)).toBe(riskDigest(0.73, String(reasons)));
  });
  it('changes with the risk, however little', () => {
    expect(riskDigest(0.73, reasons)).not.toBe(riskDigest(0.7300000000000001, reasons));
  });
  it('changes with a reason’s detail and does not mix risk and reasons up', () => {
    expect(riskDigest(0.73, reasons)).not.toBe(riskDigest(0.73, reasons.replace('5 cards', '6 cards')));
    expect(riskDigest(1, '2')).not.toBe(riskDigest(12, ''));
  });
});
