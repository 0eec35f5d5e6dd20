// API endpoints → "METHOD /path/template": ids in paths (numbers, UUIDs, hex, long mixed tokens)
// become {id}, the query string is dropped, so one endpoint is one node however it was called.
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function isIdSegment(seg: string): boolean {
  if (/^\{[^}]+\}$/.test(seg) || /^:[a-z_]+$/i.test(seg)) return true;
  if (/^\d+$/.test(seg)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(seg)) return true;
  if (/^[0-9a-f]{12,}$/i.test(seg)) return true;
  return seg.length >= 8 && /\d/.test(seg) && /[a-z]/i.test(seg) && !/^v\d+$/i.test(seg);
}

export function templatePath(path: string): string {
  const clean = path.split(/[?#]/)[0] ?? '';
  const segments = clean
    .split('/')
    .filter(Boolean)
    .map((s) => (isIdSegment(s) ? '{id}' : s.toLowerCase()));
  return `/${segments.join('/')}`;
}

/** From a method and a path, or one "METHOD /path" text. */
export function normaliseApi(methodOrEndpoint: string, path?: string): string | undefined {
  let method = methodOrEndpoint.trim().toUpperCase();
  let p = path?.trim();
  if (p === undefined) {
    const m = /^([A-Za-z]+)\s+(\S+)$/.exec(methodOrEndpoint.trim());
    if (!m) return undefined;
    method = (m[1] ?? '').toUpperCase();
    p = m[2] ?? '';
  }
  if (!METHODS.has(method) || !p) return undefined;
  if (/^https?:\/\//i.test(p)) p = p.replace(/^https?:\/\/[^/]+/i, '') || '/';
  if (!p.startsWith('/')) return undefined;
  return `${method} ${templatePath(p)}`;
}
