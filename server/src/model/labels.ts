// Node labels of the graph. Pure words with no imports: the client build may import this file.
//
// Every entity node is one of ENTITY_LABELS; accounts link to IDENTIFIER_LABELS (the things an
// operator buys and reuses); a Ring is detection output, never ingested or named by intel.
export const ENTITY_LABELS = [
  'Account',
  'Device',
  'IP',
  'PaymentMethod',
  'Phone',
  'Email',
  'Address',
  'Api',
  'Tool',
  'Ring',
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** What an account uses: the identifiers it shares with other accounts. */
export const IDENTIFIER_LABELS = ['Device', 'IP', 'PaymentMethod', 'Phone', 'Email', 'Address', 'Api', 'Tool'] as const;
export type IdentifierLabel = (typeof IDENTIFIER_LABELS)[number];

/** Labels that ingest creates and intel can name: every entity except detection output. */
export type IngestLabel = Exclude<EntityLabel, 'Ring'>;

export function isEntityLabel(text: string): text is EntityLabel {
  return (ENTITY_LABELS as readonly string[]).includes(text);
}
