// Roles from bearer tokens: viewer < investigator < analyst < admin. With no tokens configured
// the server only listens on loopback (see http/serve.ts) and the local user is admin.
// Tokens are compared as SHA-256 digests in constant time, against every configured token; the
// caller's name (audit trail, logs) is the role and a digest prefix, never any part of the token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ROLES, type Config, type Role } from '../config.js';
import { apiError } from './errors.js';

export interface Caller {
  role: Role | null;
  name: string;
}

interface TokenEntry {
  digest: Buffer;
  role: Role;
  name: string;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const tables = new WeakMap<Config, TokenEntry[]>();

function tokenTable(config: Config): TokenEntry[] {
  let table = tables.get(config);
  if (!table) {
    table = [...config.tokens].map(([token, role]) => {
      const d = digest(token);
      return { digest: d, role, name: `${role}#${d.toString('hex').slice(0, 8)}` };
    });
    tables.set(config, table);
  }
  return table;
}

/** The configured token matching `token`, looked up without early exit (constant time). */
function findToken(config: Config, token: string): TokenEntry | undefined {
  const d = digest(token);
  let found: TokenEntry | undefined;
  for (const e of tokenTable(config)) if (timingSafeEqual(d, e.digest) && !found) found = e;
  return found;
}

/**
 * Who is calling. No Authorization header in token mode: anonymous (role null, refused by
 * requireRole). A header with a token that is not configured: UNAUTHENTICATED with HTTP 401.
 */
export function callerFrom(req: { headers: IncomingHttpHeaders }, config: Config): Caller {
  if (config.tokens.size === 0) return { role: 'admin', name: 'local' };
  const header = req.headers.authorization;
  if (!header) return { role: null, name: 'anonymous' };
  const m = /^Bearer\s+(\S{1,512})$/i.exec(header);
  const entry = m ? findToken(config, m[1]!) : undefined;
  if (!entry) throw apiError('UNAUTHENTICATED', 'the bearer token is not valid', 401);
  return { role: entry.role, name: entry.name };
}

/** The caller, or undefined for an anonymous or invalid token (for answers that only hide details). */
export function callerOrNone(req: { headers: IncomingHttpHeaders }, config: Config): Caller | undefined {
  try {
    const c = callerFrom(req, config);
    return c.role ? c : undefined;
  } catch {
    return undefined;
  }
}

export function requireRole(caller: Caller, needed: Role): void {
  if (caller.role === null) throw apiError('UNAUTHENTICATED', 'a bearer token is required');
  if (ROLES.indexOf(caller.role) < ROLES.indexOf(needed)) {
    throw apiError('FORBIDDEN', `this needs the ${needed} role; you are ${caller.role}`);
  }
}
