// Emails: the key is the trimmed, lower-cased address; `canonical` folds plus-tags (all providers)
// and dots (providers that ignore them) so that a.b+promo@gmail.com and ab@gmail.com meet.
const DOT_BLIND = new Set(['gmail.com', 'googlemail.com']);

export interface NormalEmail {
  key: string;
  canonical: string;
  local: string;
  domain: string;
}

export function normaliseEmail(raw: string): NormalEmail | undefined {
  const key = raw.trim().toLowerCase();
  const at = key.lastIndexOf('@');
  if (at <= 0 || at === key.length - 1 || /\s/.test(key) || key.indexOf('@') !== at) return undefined;
  const local = key.slice(0, at);
  let domain = key.slice(at + 1);
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)) return undefined;
  let folded = local.split('+')[0] ?? local;
  if (DOT_BLIND.has(domain)) {
    folded = folded.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return { key, canonical: `${folded}@${domain}`, local, domain };
}

/**
 * The shape of an email's local part with digits and letters collapsed ("fake_john1983" →
 * "a_a9"): throwaway emails made by one script share a shape and a domain.
 */
export function emailPattern(local: string): string {
  return local.replace(/[a-z]+/g, 'a').replace(/\d+/g, '9');
}
