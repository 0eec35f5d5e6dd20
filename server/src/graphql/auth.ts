// Roles from bearer tokens: viewer < investigator < analyst < admin. With no tokens configured
// the server only listens on loopback (see http/serve.ts) and the local user is admin.
import type { Request } from 'express';
import { ROLES, type Config, type Role } from '../config.js';
import { apiError } from './errors.js';

export interface Caller {
  role: Role | null;
  name: string;
}

export function callerFrom(req: Request, config: Config): Caller {
  const header = req.headers.authorization;
  if (config.tokens.size === 0) return { role: 'admin', name: 'local' };
  if (!header) return { role: null, name: 'anonymous' };
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  const role = m ? config.tokens.get(m[1]!) : undefined;
  if (!role) throw apiError('UNAUTHENTICATED', 'the bearer token is not valid');
  return { role, name: `${role}:${m![1]!.slice(0, 4)}…` };
}

export function requireRole(caller: Caller, needed: Role): void {
  if (caller.role === null) throw apiError('UNAUTHENTICATED', 'a bearer token is required');
  if (ROLES.indexOf(caller.role) < ROLES.indexOf(needed)) {
    throw apiError('FORBIDDEN', `this needs the ${needed} role; you are ${caller.role}`);
  }
}
