// The columns of the offline importer's files: the list delimiter, the value types of dynamic
// properties seen per label, and per relationship type its end label (the sums it stores are
// LINK_SUM_COLUMNS in ../effects.ts, shared with the transactional writers).

/** Never in a tag, source or control (they are split on ; | , and cut to printable text). */
export const ARRAY_DELIMITER = '\u001f';

export type PropType = 'double' | 'string' | 'boolean' | 'mixed';

/** Dynamic property names and their value types per label (account attributes, identifier props). */
export class PropTypes {
  readonly byLabel = new Map<string, Map<string, PropType>>();

  note(label: string, props: Record<string, string | number | boolean>): void {
    let types = this.byLabel.get(label);
    for (const [k, v] of Object.entries(props)) {
      if (!types) this.byLabel.set(label, (types = new Map()));
      const t: PropType = typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'string';
      const before = types.get(k);
      types.set(k, before === undefined || before === t ? t : 'mixed');
    }
  }
}

export const NODE_COLUMNS = ['tags', 'created', 'firstSeen', 'lastSeen', 'intelConfidence', 'intelSources'];
export const ACCOUNT_COLUMNS = ['registeredAt', 'firstOrderAt', 'label', 'sources'];
export const API_COLUMNS = ['method', 'path', 'domain', 'sensitivity', 'controls'];
export const LINK_END: Record<string, string> = {
  USED_DEVICE: 'Device',
  USED_IP: 'IP',
  CALLED: 'Api',
  PAID_WITH: 'PaymentMethod',
  SHIPS_TO: 'Address',
  HAS_PHONE: 'Phone',
  HAS_EMAIL: 'Email',
  RAN: 'Tool',
  REFERRED: 'Account',
  TRANSFERRED_TO: 'Account',
  BOUGHT_FROM: 'Account',
};
