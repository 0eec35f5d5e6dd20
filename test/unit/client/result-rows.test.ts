// client/src/ui/result-rows.ts: which entity a result row is about, and sorting by a column.
import { describe, expect, it } from 'vitest';
import { rowEntity, sortRows } from '../../../client/src/ui/result-rows.js';

describe('rowEntity', () => {
  it('takes an entity id from any cell, else builds one from a column named after a type', () => {
    expect(
      rowEntity(['account', 'link', 'neighbour'], { account: 'Account:u_1', link: 'USED_IP', neighbour: 'IP:1.2.3.4' }),
    ).toBe('Account:u_1');
    expect(rowEntity(['address', 'accounts'], { address: '5691 park dr', accounts: 4 })).toBe('Address:5691 park dr');
    expect(rowEntity(['ip', 'accounts'], { ip: '45.35.223.2', accounts: 9 })).toBe('IP:45.35.223.2');
    expect(rowEntity(['hour', 'registrations'], { hour: '2025-01-01T10', registrations: 7 })).toBeNull();
  });
});

describe('sortRows', () => {
  const rows = [
    { a: 'u_10', n: 3 },
    { a: 'u_9', n: 12 },
    { a: null, n: 1 },
  ];
  it('sorts numbers as numbers and text naturally, both ways, nulls last', () => {
    expect(sortRows(rows, 'n', 1).map((r) => r.n)).toEqual([1, 3, 12]);
    expect(sortRows(rows, 'n', -1).map((r) => r.n)).toEqual([12, 3, 1]);
    expect(sortRows(rows, 'a', 1).map((r) => r.a)).toEqual(['u_9', 'u_10', null]);
  });
});
