import { describe, expect, it } from 'vitest';
import { BASE_WEIGHT, identifierWeight, LINK_THRESHOLD } from '../../../server/src/detect/weights.js';

describe('identifier weights', () => {
  it('ignores an identifier only one account uses, and labels that are not identifiers', () => {
    expect(identifierWeight('Device', 1, [])).toBe(0);
    expect(identifierWeight('Account', 5, [])).toBe(0);
    expect(identifierWeight('Tool', 5, ['fraud-tool'])).toBe(0);
  });

  it('counts a strong identifier more than a weak one shared by as many accounts', () => {
    expect(identifierWeight('PaymentMethod', 2, [])).toBeGreaterThan(identifierWeight('Address', 2, []));
    expect(identifierWeight('Device', 3, [])).toBeGreaterThan(identifierWeight('IP', 3, []));
    expect(identifierWeight('Device', 2, [])).toBe(BASE_WEIGHT.Device);
  });

  it('says less about each pair the more accounts share the identifier', () => {
    const small = identifierWeight('Device', 4, []);
    const crowd = identifierWeight('Device', 40, []);
    expect(identifierWeight('Device', 2, [])).toBe(small);
    expect(crowd).toBeLessThan(small);
    expect(crowd).toBeCloseTo((4 / 40) ** 0.75);
  });

  it('silences carrier, office and public addresses, and lifts proxies and SMS-platform numbers', () => {
    expect(identifierWeight('IP', 3, ['cgnat', 'carrier'])).toBe(0);
    expect(identifierWeight('IP', 3, ['public-wifi'])).toBe(0);
    expect(identifierWeight('IP', 3, ['proxy'])).toBeCloseTo(identifierWeight('IP', 3, []) * 1.5);
    expect(identifierWeight('Phone', 3, ['sms-platform'])).toBeCloseTo(1.5);
    // benign wins when intel says both
    expect(identifierWeight('IP', 3, ['proxy', 'corporate'])).toBe(0);
  });

  it('links two accounts on one shared card, but not on one busy shared IP alone', () => {
    expect(identifierWeight('PaymentMethod', 2, [])).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(identifierWeight('IP', 30, [])).toBeLessThan(LINK_THRESHOLD);
  });
});
