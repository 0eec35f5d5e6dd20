// GraphQL argument checks shared by the resolvers: each parses one argument into a typed value
// once, or throws BAD_USER_INPUT naming the argument and what was expected.
import { IdError, parseId, type EntityId } from '../model/ids.js';
import { ENTITY_LABELS, isEntityLabel, type EntityLabel } from '../model/labels.js';
import { badInput } from './errors.js';

export function intArg(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

export function scoreArg(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw badInput(`${name} must be from 0 to 1, got ${value}`);
  return value;
}

export function timeArg(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Number.isNaN(Date.parse(value)))
    throw badInput(`${name} must be an ISO 8601 date-time, got '${value.slice(0, 40)}'`);
  return new Date(value).toISOString();
}

export function typesArg(types: string[] | null | undefined): EntityLabel[] | null {
  if (!types || types.length === 0) return null;
  for (const t of types) {
    if (!isEntityLabel(t)) throw badInput(`types: '${t.slice(0, 40)}' is not one of ${ENTITY_LABELS.join(', ')}`);
  }
  return types as EntityLabel[];
}

/** An entity id argument; `defaultLabel` reads a bare key ("u_1") as that label's ("Account:u_1"). */
export function idArg(name: string, id: string, defaultLabel?: EntityLabel): EntityId {
  try {
    return parseId(defaultLabel && !id.includes(':') ? `${defaultLabel}:${id}` : id);
  } catch (e) {
    if (e instanceof IdError) throw badInput(`${name}: ${e.message}`);
    throw e;
  }
}

/**
 * An offset cursor as returned in `endCursor` by the paged lists (0 when absent). It must
 * round-trip: anything this API did not hand out (bad base64, a huge number) is refused.
 */
export function cursorArg(after: string | null | undefined): number {
  if (after === null || after === undefined || after === '') return 0;
  const text = Buffer.from(after, 'base64url').toString();
  if (!/^\d{1,9}$/.test(text) || Buffer.from(text).toString('base64url') !== after)
    throw badInput(`after: '${after.slice(0, 40)}' is not a cursor returned by this API`);
  return Number(text);
}

export function cursorOf(offset: number): string {
  return Buffer.from(String(offset)).toString('base64url');
}

/** One page of an offset-paged list (rings, triage, accounts, a hub's neighbours) as the API returns it. */
export function pageOf<T>(nodes: T[], skip: number, total: number) {
  const end = skip + nodes.length;
  return { nodes, totalCount: total, endCursor: nodes.length ? cursorOf(end) : null, hasNextPage: end < total };
}
