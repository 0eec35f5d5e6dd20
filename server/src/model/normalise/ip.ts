// IP addresses → canonical text. IPv4 is also accepted as an unsigned integer or a float whose
// integer part is the address ("732758368.79", as in public fraud data sets); IPv6 is compressed
// and lower-cased. Returns undefined for anything that is not an address.
import net from 'node:net';

export function ipv4FromInt(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function compressIpv6(text: string): string | undefined {
  // Expand to eight groups, then compress the longest run of zero groups (RFC 5952).
  let head = text.toLowerCase();
  let tailV4: string[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(head);
  if (v4?.[1]) {
    const n = ipv4ToInt(v4[1]);
    tailV4 = [((n >>> 16) & 0xffff).toString(16), (n & 0xffff).toString(16)];
    head = head.slice(0, -v4[1].length) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (tailV4.length) groups.splice(6, 2, ...tailV4);
  if (groups.length !== 8) return undefined;
  const norm = groups.map((g) => parseInt(g, 16).toString(16));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (norm[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && norm[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return norm.join(':');
  return `${norm.slice(0, bestStart).join(':')}::${norm.slice(bestStart + bestLen).join(':')}`;
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
  const version = net.isIP(text);
  if (version === 4)
    return text
      .split('.')
      .map((p) => String(Number(p)))
      .join('.');
  if (version === 6) return compressIpv6(text);
  return undefined;
}
