// The account's first order time: from an order row's time, or from a registration row that also
// says when the account first bought (sign-up to purchase velocity needs both).
import { describe, expect, it } from 'vitest';
import { detectColumns } from '../../../server/src/ingest/columns.js';
import { rowEffects } from '../../../server/src/ingest/row-effects.js';

describe('first order time', () => {
  it('reads a purchase time column beside the sign-up time of a registration log', () => {
    const columns = detectColumns(['user_id', 'signup_time', 'purchase_time', 'device_id']);
    expect(columns).toMatchObject({ time: 'signup_time', orderTime: 'purchase_time' });
    const r = rowEffects(
      { user_id: 'u1', signup_time: '2015-02-24T22:55:00Z', purchase_time: '2015-02-24T22:56:00Z', device_id: 'D1' },
      { kind: 'registration', columns, accountProps: {}, nodeProps: {}, required: [] },
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.effects.accounts[0]).toMatchObject({
      registeredAt: Date.UTC(2015, 1, 24, 22, 55),
      firstOrderAt: Date.UTC(2015, 1, 24, 22, 56),
    });
  });

  it('takes an order row time as an order time, and no order time from logins', () => {
    const order = rowEffects(
      { user: 'u1', ts: '2025-01-02T03:04:05Z', amount: '10' },
      {
        kind: 'order',
        columns: { account: 'user', time: 'ts', amount: 'amount' },
        accountProps: {},
        nodeProps: {},
        required: [],
      },
    );
    const login = rowEffects(
      { user: 'u1', ts: '2025-01-02T03:04:05Z' },
      { kind: 'login', columns: { account: 'user', time: 'ts' }, accountProps: {}, nodeProps: {}, required: [] },
    );
    if (!order.ok || !login.ok) throw new Error('rejected');
    expect(order.effects.accounts[0]?.firstOrderAt).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(login.effects.accounts[0]?.firstOrderAt).toBeNull();
  });

  it('rejects an unreadable order time naming the column', () => {
    const r = rowEffects(
      { user: 'u1', ts: '2025-01-02T03:04:05Z', bought: 'soon' },
      {
        kind: 'registration',
        columns: { account: 'user', time: 'ts', orderTime: 'bought' },
        accountProps: {},
        nodeProps: {},
        required: [],
      },
    );
    expect(r.ok ? '' : r.reason).toMatch(/column bought: unparseable timestamp 'soon'/);
  });
});
