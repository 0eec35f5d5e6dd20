// Properties ringscope itself writes and reads on accounts and identifiers (keys, times, labels,
// investigators' tags and flag history, sources, intel, detection's risk): a log column may not take
// these names, or one load would overwrite an investigator's flags or detection's result. Ingest
// keeps such a column as `log<Name>`; a mapping naming one is refused. Pure words, no imports.

export const RESERVED_ACCOUNT_PROPS: readonly string[] = [
  'key',
  'label',
  'tags',
  'flags',
  'sources',
  'country',
  'userAgent',
  'created',
  'registeredAt',
  'firstSeen',
  'lastSeen',
  'firstOrderAt',
  'risk',
  'riskReasons',
  'riskDigest',
  'ringScore',
];

/** The property a leftover log column is kept under: its own name, or `log<Name>` when that is reserved. */
export function accountPropName(name: string): string {
  return RESERVED_ACCOUNT_PROPS.includes(name) ? `log${name[0]!.toUpperCase()}${name.slice(1)}` : name;
}

/** Identifier properties ringscope writes itself (keys, intel tags and provenance, flags, times). */
export const RESERVED_NODE_PROPS: readonly string[] = [
  'key',
  'tags',
  'flags',
  'created',
  'firstSeen',
  'lastSeen',
  'intelConfidence',
  'intelSources',
];

/** The property an attribute table's column is kept under on an identifier: `log<Name>` when reserved. */
export function nodePropName(name: string): string {
  return RESERVED_NODE_PROPS.includes(name) ? `log${name[0]!.toUpperCase()}${name.slice(1)}` : name;
}
