import { describe, expect, it } from 'vitest';
import { ringChanges } from '../../../server/src/workflow/ring-history.js';

const ring = (id: string, prefix: string, from: number, to: number) => ({
  id,
  members: Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`),
});

describe('ring history between two runs', () => {
  it('names born, grew, shrank and dissolved rings', () => {
    const prev = [ring('A', 'a', 0, 6), ring('B', 'b', 0, 6), ring('C', 'c', 0, 4)];
    const cur = [ring('A', 'a', 0, 9), ring('B', 'b', 0, 4), ring('D', 'd', 0, 5)];
    const byId = Object.fromEntries(ringChanges(prev, cur).map((c) => [c.ringId, c]));
    expect(byId.A).toMatchObject({ kind: 'grew', sizeBefore: 6, sizeAfter: 9, joined: 3, left: 0 });
    expect(byId.B).toMatchObject({ kind: 'shrank', sizeBefore: 6, sizeAfter: 4, left: 2 });
    expect(byId.C).toMatchObject({ kind: 'dissolved', into: [] });
    expect(byId.D).toMatchObject({ kind: 'born', from: [] });
  });

  it('says which rings merged into one, also under the id that did not carry on', () => {
    const prev = [ring('A', 'a', 0, 8), ring('B', 'b', 0, 6)];
    const cur = [{ id: 'A', members: [...ring('A', 'a', 0, 8).members, ...ring('B', 'b', 0, 6).members] }];
    const changes = ringChanges(prev, cur);
    expect(changes.find((c) => c.ringId === 'A')).toMatchObject({ kind: 'merged', from: ['A', 'B'], sizeAfter: 14 });
    expect(changes.find((c) => c.ringId === 'B')).toMatchObject({ kind: 'merged', into: ['A'] });
  });

  it('says which rings one split into', () => {
    const prev = [{ id: 'P', members: [...ring('', 'x', 0, 10).members] }];
    const cur = [ring('P', 'x', 0, 6), ring('Q', 'x', 6, 10)];
    const changes = ringChanges(prev, cur);
    expect(changes).toHaveLength(2);
    for (const c of changes) expect(c).toMatchObject({ kind: 'split', from: ['P'], into: ['P', 'Q'] });
  });

  it('does not call one member moving across a merge', () => {
    const prev = [ring('A', 'a', 0, 10), ring('B', 'b', 0, 10)];
    const cur = [{ id: 'A', members: [...ring('A', 'a', 0, 10).members, 'b0'] }, ring('B', 'b', 1, 10)];
    const kinds = Object.fromEntries(ringChanges(prev, cur).map((c) => [c.ringId, c.kind]));
    expect(kinds).toEqual({ A: 'grew', B: 'shrank' });
  });
});
