// Timestamps → epoch milliseconds (UTC). Accepts ISO 8601, "M/D/YYYY H:MM[:SS]" (US exports),
// "YYYY-MM-DD HH:MM:SS", and epoch seconds or milliseconds.
export function parseTime(raw: string): number | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (/^\d{9,10}(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (/^\d{12,13}$/.test(text)) return Number(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (us) {
    const [, mo, d, y, h = '0', mi = '0', s = '0'] = us;
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    const check = new Date(t);
    if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23) return undefined;
    return t;
  }
  if (/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) {
    const iso = text.replace(' ', 'T');
    const withZone = /T/.test(iso) && !/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? `${iso}Z` : iso;
    const t = Date.parse(withZone);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}
