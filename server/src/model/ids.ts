// Entity ids: "<Label>:<key>" (e.g. "Account:u_1042", "IP:203.0.113.7"). Parsed once at the door
// (GraphQL arguments, CLI options) into an EntityId, which is what every service below takes.
// Pure: the client build may import this file.
import { printable } from '../printable.js';
import { ENTITY_LABELS, isEntityLabel, type EntityLabel } from './labels.js';

export interface EntityId {
  label: EntityLabel;
  key: string;
}

/** Longest key accepted in an id; a longer one is not an identifier of ours. */
export const MAX_KEY_LENGTH = 512;

export class IdError extends Error {}

export function parseId(id: string): EntityId {
  const cut = id.indexOf(':');
  const label = id.slice(0, cut);
  const key = id.slice(cut + 1);
  if (cut <= 0 || !isEntityLabel(label) || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new IdError(
      `'${printable(id, 80)}' is not an entity id: expected <Label>:<key> with Label one of ${ENTITY_LABELS.join(', ')}`,
    );
  }
  return { label, key };
}

export function formatId(id: EntityId): string {
  return `${id.label}:${id.key}`;
}
