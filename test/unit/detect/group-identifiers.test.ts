// Ring reasons name the identifiers a group's members share; the list must not depend on the order
// they came in (the in-process graph streams them in node order, detect --engine gds reads them per
// batch of groups), or the same ring would read differently by engine.
import { describe, expect, it } from 'vitest';
import type { SharedIdentifier } from '../../../server/src/detect/account-graph.js';
import { identifiersByGroup } from '../../../server/src/detect/ring-inputs.js';
import { sharedIdentifiers } from '../../../server/src/detect/scoring.js';

const id = (label: string, key: string, members: number[]): SharedIdentifier => ({
  label,
  key,
  tags: [],
  degree: members.length,
  weight: 1,
  members,
});

describe('identifiersByGroup', () => {
  const identifiers = [
    id('IP', '10.0.0.1', [0, 1, 2]),
    id('Device', 'dev-b', [0, 1]),
    id('Email', 'a@x.test', [3, 4]),
    id('Device', 'dev-a', [1, 2]),
    id('Phone', '+100', [2, 3]), // one member in each group: shared by neither
  ];
  const groups = [
    [0, 1, 2],
    [3, 4],
  ];

  it('keeps, per group, the identifiers two of its members share, strong kinds first', () => {
    const byGroup = identifiersByGroup(identifiers, 5, groups);
    expect(byGroup[0]!.map((s) => s.key)).toEqual(['dev-a', 'dev-b', '10.0.0.1']);
    expect(byGroup[1]!.map((s) => s.key)).toEqual(['a@x.test']);
  });

  it('gives the same lists and reason text whatever order the identifiers came in', () => {
    const forward = identifiersByGroup(identifiers, 5, groups);
    const backward = identifiersByGroup([...identifiers].reverse(), 5, groups);
    expect(backward).toEqual(forward);
    const members = [0, 1, 2].map(() => ({}) as never);
    const reason = (shared: SharedIdentifier[]) =>
      sharedIdentifiers({ members, shared, soft: new Map(), ctx: {} as never, links: {} as never });
    expect(reason(backward[0]!)).toEqual(reason(forward[0]!));
    expect(reason(forward[0]!)?.detail).toBe('3 accounts share 2 devices, 1 IP');
  });
});
