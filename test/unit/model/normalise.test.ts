import { describe, expect, it } from 'vitest';
import { normaliseApi } from '../../../server/src/model/normalise/api.js';
import { normaliseEmail } from '../../../server/src/model/normalise/email.js';
import { normaliseIp } from '../../../server/src/model/normalise/ip.js';
import { normalisePayment } from '../../../server/src/model/normalise/payment.js';
import { normalisePhone } from '../../../server/src/model/normalise/phone.js';
import { normaliseAddress } from '../../../server/src/model/normalise/text-keys.js';
import { parseTime } from '../../../server/src/model/normalise/time.js';
import { detectTools } from '../../../server/src/model/normalise/user-agent.js';

describe('normalisers', () => {
  it('reads IPv4 as text, integer and float integer, and compresses IPv6', () => {
    expect(normaliseIp('732758368.79')).toBe('43.173.1.96');
    expect(normaliseIp('3840542444')).toBe('228.234.6.236');
    expect(normaliseIp(' 010.001.002.003 ')).toBe('10.1.2.3');
    expect(normaliseIp('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(normaliseIp('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(normaliseIp('::ffff:1.2.3.4')).toBe('::ffff:102:304');
    expect(normaliseIp('fe80::1%eth0')).toBe('fe80::1');
    expect(normaliseIp('1::2::3')).toBeUndefined();
    expect(normaliseIp('999.1.1.1')).toBeUndefined();
    expect(normaliseIp('4294967296')).toBeUndefined();
    expect(normaliseIp('not-an-ip')).toBeUndefined();
  });

  it('folds plus-tags and gmail dots into the canonical email', () => {
    expect(normaliseEmail(' A.B+promo@GMail.com ')).toMatchObject({
      key: 'a.b+promo@gmail.com',
      canonical: 'ab@gmail.com',
    });
    expect(normaliseEmail('x.y+1@outlook.com')?.canonical).toBe('x.y@outlook.com');
    expect(normaliseEmail('no-at-sign')).toBeUndefined();
  });

  it('writes phones as E.164 when the country is known, digits otherwise', () => {
    expect(normalisePhone('+86 138 0000 0000')).toBe('+8613800000000');
    expect(normalisePhone('0086 138 0000 0000')).toBe('+8613800000000');
    expect(normalisePhone('call me')).toBeUndefined();
    expect(normalisePhone('020 7946 0958')).toBe('02079460958');
  });

  it('writes every way of writing one North-American number as one key', () => {
    const ways = ['(555)355 - 1785', '1-555-355-1785', '555.355.1785', '+1 555 355 1785', '+1 (555) 355-1785 ext. 12'];
    expect(new Set(ways.map(normalisePhone))).toEqual(new Set(['+15553551785']));
  });

  it('drops a bracketed trunk prefix in an international number', () => {
    expect(normalisePhone('+44 (0)20 7946 0958')).toBe(normalisePhone('+44 20 7946 0958'));
    expect(normalisePhone('+44 (0)20 7946 0958')).toBe('+442079460958');
  });

  it('never keeps a full card number', () => {
    const pm = normalisePayment({ fingerprint: '4111 1111 1111 1111' });
    expect(pm?.key).toMatch(/^pm_[0-9a-f]{20}$/);
    expect(pm?.key).not.toContain('4111111111111111');
    expect(pm?.bin).toBe('411111');
    expect(normalisePayment({ bin: '411111', last4: '1111', expiry: '01/30' })?.key).toBe(
      pm && normalisePayment({ bin: '411111', last4: '1111', expiry: '01/30' })?.key,
    );
    expect(normalisePayment({ bin: '41' })).toBeUndefined();
  });

  it('templates ids out of API paths', () => {
    expect(normaliseApi('get', '/api/v1/users/12345/orders/9f8e7d6c-1111-2222-3333-444455556666?x=1')).toBe(
      'GET /api/v1/users/{id}/orders/{id}',
    );
    expect(normaliseApi('POST https://shop.example/api/v2/coupons/claim')).toBe('POST /api/v2/coupons/claim');
    expect(normaliseApi('FETCH', '/x')).toBeUndefined();
  });

  it('normalises addresses across case, punctuation and street words', () => {
    expect(normaliseAddress('12 Oak Street, Apt. 4')).toBe(normaliseAddress('12 oak st apt 4'));
  });

  it('parses the timestamp formats found in exports', () => {
    expect(parseTime('2/24/2015 22:55')).toBe(Date.UTC(2015, 1, 24, 22, 55));
    expect(parseTime('2022-05-30T00:00:18Z')).toBe(Date.UTC(2022, 4, 30, 0, 0, 18));
    expect(parseTime('2022-05-30 00:00:18')).toBe(Date.UTC(2022, 4, 30, 0, 0, 18));
    expect(parseTime('1700000000')).toBe(1_700_000_000_000);
    expect(parseTime('13/45/2015 10:00')).toBeUndefined();
    expect(parseTime('yesterday')).toBeUndefined();
  });

  it('recognises emulators and automation in user agents but not ordinary browsers', () => {
    expect(
      detectTools('Mozilla/5.0 (Linux; Android 9; Android SDK built for x86) Chrome/69').map((t) => t.key),
    ).toEqual(['android-emulator']);
    expect(detectTools('python-requests/2.31.0').map((t) => t.key)).toEqual(['python-requests']);
    expect(detectTools('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36')).toEqual([]);
  });
});
