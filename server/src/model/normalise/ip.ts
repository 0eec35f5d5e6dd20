// IP addresses → canonical text. IPv4 is also accepted as an unsigned integer or a float whose
// integer part is the address ("732758368.79", as in public fraud data sets); IPv6 is read by
// ipaddr.js and written in RFC 5952 form (lower-case, longest zero run compressed, no zone id).
// Returns undefined for anything that is not an address.
import ipaddr from 'ipaddr.js';

export function ipv4FromInt(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function normaliseIp(raw: string): string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text) && !/^\d+\.\d+\.\d+\.\d+$/.test(text)) {
    const n = Math.floor(Number(text));
    if (!Number.isFinite(n) || n < 0 || n > 0xffffffff) return undefined;
    return ipv4FromInt(n);
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    // Zero-padded quads ("010.001.002.003") come out of some exports: read them as decimal.
    const parts = text.split('.').map(Number);
    return parts.every((p) => p <= 255) ? parts.join('.') : undefined;
  }
  const v6 = text.replace(/%.*$/, '');
  return ipaddr.IPv6.isValid(v6) ? ipaddr.IPv6.parse(v6).toRFC5952String() : undefined;
}
