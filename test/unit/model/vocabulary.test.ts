import { describe, expect, it } from 'vitest';
import { normaliseKey, NORMALISERS } from '../../../server/src/model/normalise/by-label.js';
import { BENIGN_TAGS, RISKY_TAGS, UPSTREAM_TAGS } from '../../../server/src/model/tags.js';
import { FLAG_THRESHOLD, KEEP_THRESHOLD, parseScore } from '../../../server/src/model/thresholds.js';
import { TIERS, tierIndex, tierOf } from '../../../server/src/model/tiers.js';
import { ENTITY_LABELS } from '../../../server/src/model/labels.js';

describe('label → normaliser table', () => {
  it('has a normaliser for every label ingest creates, and none for rings', () => {
    expect(Object.keys(NORMALISERS).sort()).toEqual(ENTITY_LABELS.filter((l) => l !== 'Ring').sort());
  });

  it('gives the node key ingest would give', () => {
    expect(normaliseKey('IP', ' 010.001.002.003 ')).toBe('10.1.2.3');
    expect(normaliseKey('Email', 'A.B+promo@Gmail.com')).toBe('a.b+promo@gmail.com');
    expect(normaliseKey('Device', ' ABC-123 ')).toBe('abc-123');
    expect(normaliseKey('Tool', ' Selenium ')).toBe('selenium');
    expect(normaliseKey('Api', 'post /api/v1/orders/123456')).toBe('POST /api/v1/orders/{id}');
    expect(normaliseKey('PaymentMethod', 'FP_ABC')).toBe('fp_abc');
    expect(normaliseKey('Account', '  u_1 ')).toBe('u_1');
  });

  it('never keeps a full card number as a key', () => {
    const key = normaliseKey('PaymentMethod', '4111 1111 1111 1111');
    expect(key).toMatch(/^pm_[0-9a-f]{20}$/);
  });

  it('answers undefined for text that is not of the label', () => {
    expect(normaliseKey('IP', 'not an ip')).toBeUndefined();
    expect(normaliseKey('Email', 'nobody')).toBeUndefined();
    expect(normaliseKey('Account', '   ')).toBeUndefined();
  });
});

describe('tags, tiers and thresholds', () => {
  it('no tag is both benign and risky; upstream tags are risky', () => {
    expect(BENIGN_TAGS.filter((t) => RISKY_TAGS.includes(t))).toEqual([]);
    expect(UPSTREAM_TAGS.filter((t) => !RISKY_TAGS.includes(t))).toEqual([]);
  });

  it('places entities on the chain left to right', () => {
    expect(tierOf('Tool', [])).toBe('upstream');
    expect(tierOf('Phone', ['sms-platform'])).toBe('upstream');
    expect(tierOf('Phone', [])).toBe('access');
    expect(tierOf('Account', ['proxy'])).toBe('accounts');
    expect(tierOf('Address', ['drop'])).toBe('monetisation');
    expect(TIERS.map((t) => tierIndex(t.tier))).toEqual([0, 1, 2, 3]);
  });

  it('keeps fewer rings than it flags, and reads scores only from 0 to 1', () => {
    expect(KEEP_THRESHOLD).toBeLessThan(FLAG_THRESHOLD);
    expect(parseScore('--flag-score', '0.7')).toBe(0.7);
    for (const bad of ['', 'x', '-0.1', '1.5', 'NaN']) {
      expect(() => parseScore('--flag-score', bad)).toThrow(`--flag-score must be a number from 0 to 1, got '${bad}'`);
    }
  });
});
