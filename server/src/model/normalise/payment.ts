// Payment methods: a given fingerprint/token as is (trimmed, lower-case); otherwise a hash of
// bin:last4:expiry. A full card number is never stored: it is reduced to BIN and last 4 first.
import { createHash } from 'node:crypto';

export interface NormalPayment {
  key: string;
  bin: string | undefined;
  last4: string | undefined;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function normalisePayment(parts: {
  fingerprint?: string | undefined;
  bin?: string | undefined;
  last4?: string | undefined;
  expiry?: string | undefined;
}): NormalPayment | undefined {
  const fp = parts.fingerprint?.trim();
  if (fp) {
    const digits = fp.replace(/[\s-]/g, '');
    if (/^\d{13,19}$/.test(digits) && luhn(digits)) {
      // A full PAN slipped into a fingerprint column: keep only BIN, last 4 and the hash.
      return normalisePayment({ bin: digits.slice(0, 6), last4: digits.slice(-4), expiry: parts.expiry });
    }
    return { key: fp.toLowerCase(), bin: parts.bin?.trim() || undefined, last4: parts.last4?.trim() || undefined };
  }
  const bin = parts.bin?.replace(/\D/g, '');
  const last4 = parts.last4?.replace(/\D/g, '');
  if (!bin || bin.length < 6) return undefined;
  const expiry = parts.expiry?.replace(/\s/g, '') ?? '';
  const hash = createHash('sha256')
    .update(`${bin.slice(0, 8)}:${last4 ?? ''}:${expiry}`)
    .digest('hex')
    .slice(0, 20);
  return { key: `pm_${hash}`, bin: bin.slice(0, 8), last4: last4 || undefined };
}
