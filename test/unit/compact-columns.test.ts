// The feature table keeps whole-number columns as 32-bit integers: the same values, half the memory;
// any column a 32-bit integer cannot hold exactly stays 64-bit.
import { describe, expect, it } from 'vitest';
import { compactColumns, type Column } from '../../server/src/detect/risk-features.js';

describe('compactColumns', () => {
  it('keeps counts as Int32Array with every value the same, and the rest as they were', () => {
    const columns = new Map<string, Column>([
      ['counts', Float64Array.from([0, 3, 12, 2_147_483_647, -2_147_483_648, 7])],
      ['withNaN', Float64Array.from([1, NaN, 2])],
      ['fraction', Float64Array.from([1, 2.5, 3])],
      ['negativeZero', Float64Array.from([1, -0, 3])],
      ['tooLarge', Float64Array.from([1, 2_147_483_648, 3])],
      ['epochMs', Float64Array.from([1_700_000_000_000])],
    ]);
    const before = new Map([...columns].map(([k, v]) => [k, Array.from(v)]));
    compactColumns(columns);
    expect(columns.get('counts')).toBeInstanceOf(Int32Array);
    for (const k of ['withNaN', 'fraction', 'negativeZero', 'tooLarge', 'epochMs']) {
      expect(columns.get(k), k).toBeInstanceOf(Float64Array);
    }
    for (const [k, values] of before) expect(Array.from(columns.get(k)!), k).toEqual(values);
    expect(Object.is(columns.get('negativeZero')![1], -0)).toBe(true);
  });
});
