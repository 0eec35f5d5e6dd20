import { describe, expect, it } from 'vitest';
import { formatId, IdError, parseId } from '../../../server/src/model/ids.js';
import { ENTITY_LABELS } from '../../../server/src/model/labels.js';

describe('entity ids', () => {
  it('round-trips every label, keys with colons and spaces included', () => {
    for (const label of ENTITY_LABELS) {
      for (const key of ['u_1042', '2001:db8::1', 'POST /api/v1/coupons/{id}', '12 high st london']) {
        const id = `${label}:${key}`;
        expect(parseId(id)).toEqual({ label, key });
        expect(formatId(parseId(id))).toBe(id);
      }
    }
  });

  it('rejects text that is not <Label>:<key>, naming what it expected', () => {
    for (const bad of ['u_1042', ':u_1042', 'Account:', 'account:u_1042', 'Person:bob', `Account:${'x'.repeat(513)}`]) {
      expect(() => parseId(bad)).toThrow(IdError);
    }
    expect(() => parseId('Person:bob')).toThrow(/expected <Label>:<key> with Label one of Account, Device/);
  });
});
