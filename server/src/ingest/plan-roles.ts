// Roles in the ingest plan: what a canonical field is to the graph (account, counterparty,
// identifier of a type, time, amount, …), which fields each kind of file actually uses, and what
// becomes of a column no field claimed (account property, numeric feature, identifier property,
// or ignored, always with the reason).
import { accountPropName, nodePropName } from '../model/account-props.js';
import type { ColumnMap, Field, Kind } from './fields.js';
import type { ColumnProfile } from './value-shapes.js';

export type Role =
  | 'account'
  | 'counterparty'
  | 'identifier'
  | 'time'
  | 'amount'
  | 'status'
  | 'label'
  | 'account property'
  | 'numeric feature'
  | 'identifier property'
  | 'intel'
  | 'api asset'
  | 'ignored';

export interface ColumnPlan {
  column: string;
  role: Role;
  /** The canonical field (mapping name) when a field holds it. */
  field?: Field;
  /** Identifier type (node label) or relationship for counterparties. */
  type?: string;
  /** Property name for properties and features. */
  property?: string;
  evidence: string;
  confidence: number;
}

const IDENTIFIER_TYPE: Partial<Record<Field, string>> = {
  ip: 'IP',
  device: 'Device',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  city: 'Address',
  state: 'Address',
  postal: 'Address',
  card: 'PaymentMethod',
  cardBin: 'PaymentMethod',
  cardLast4: 'PaymentMethod',
  cardExpiry: 'PaymentMethod',
  method: 'Api',
  path: 'Api',
  userAgent: 'Tool',
  tool: 'Tool',
};
const RELATION: Partial<Record<Field, string>> = {
  toAccount: 'TRANSFERRED_TO',
  seller: 'BOUGHT_FROM',
  referrer: 'REFERRED',
};

export function roleOf(field: Field, kind: Kind): Pick<ColumnPlan, 'role' | 'type'> {
  if (kind === 'intel') return { role: 'intel' };
  if (kind === 'api-assets') return { role: 'api asset' };
  if (field === 'account') return { role: 'account' };
  if (RELATION[field]) return { role: 'counterparty', type: RELATION[field] };
  if (IDENTIFIER_TYPE[field]) return { role: 'identifier', type: IDENTIFIER_TYPE[field] };
  if (field === 'time') return { role: 'time' };
  if (field === 'orderTime') return { role: 'time', type: 'first order' };
  if (field === 'amount') return { role: 'amount' };
  if (field === 'status' || field === 'event') return { role: 'status' };
  if (field === 'label') return { role: 'label' };
  return { role: 'account property' };
}

export function describeField(field: Field): string {
  const t = IDENTIFIER_TYPE[field];
  if (field === 'account') return 'account key';
  if (RELATION[field]) return `other account (${RELATION[field]})`;
  if (t && t !== field) return `${field} (${t})`;
  return field;
}

/** The fields a kind of file turns into graph data; any other field found there is a leftover. */
export function usedFields(kind: Kind, columns: ColumnMap): Set<Field> {
  const has = (f: Field) => columns[f] !== undefined;
  switch (kind) {
    case 'intel':
      return new Set(['indicator', 'indicatorType', 'tags', 'confidence', 'source']);
    case 'api-assets':
      return new Set(['method', 'path', 'domain', 'sensitivity', 'controls', 'tags']);
    case 'attributes':
      return new Set(['device', 'card', 'ip', 'phone', 'email', 'address']);
    case 'labels':
      return new Set(['account', 'email', 'label', 'time', 'country', 'userAgent']);
    default: {
      const used = new Set<Field>(
        ['account', 'time', 'ip', 'device', 'phone', 'email', 'address', 'city', 'state', 'postal', 'country'].concat(
          ['userAgent', 'referrer', 'card', 'cardBin', 'cardLast4', 'cardExpiry', 'method', 'path', 'toAccount'],
          // orderTime: a first-purchase time on a sign-up row (the sign-up-to-purchase velocity).
          ['seller', 'label', 'tool', 'orderTime'],
        ) as Field[],
      );
      // Amounts are summed on what carries money: cards, addresses, other accounts.
      if (['card', 'cardLast4', 'address', 'toAccount', 'seller'].some((f) => has(f as Field))) used.add('amount');
      if (kind === 'order' || kind === 'login') (['status', 'event'] as Field[]).forEach((f) => used.add(f));
      return used;
    }
  }
}

const camel = (h: string) => {
  const words = h
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(name) ? name.slice(0, 40) : `col${name}`.slice(0, 40);
};

/**
 * A column no field claimed. In a table with one row per account (registrations, users) its values
 * become account properties (numbers: numeric features for risk scoring); in an attribute table,
 * properties of the identifier; in an event log they have no place in the graph and are ignored —
 * listed with the reason, never dropped silently.
 */
export function leftoverColumn(
  h: string,
  p: ColumnProfile,
  kind: Kind,
  account: ColumnProfile | null,
  matchesNothing: boolean,
  reason?: string,
): ColumnPlan {
  const ignored = (why: string): ColumnPlan => ({ column: h, role: 'ignored', evidence: why, confidence: 0.6 });
  if (p.filled === 0) return ignored('empty in every sampled row');
  const numeric = (p.shares.integer ?? 0) + (p.shares.decimal ?? 0) > 0.95;
  const rowKey = p.distinctRatio > 0.99 && p.filled > 50;
  if (kind === 'attributes') {
    return {
      column: h,
      role: 'identifier property',
      property: nodePropName(camel(h)),
      evidence: reason ?? 'a column of the attribute table',
      confidence: 0.7,
    };
  }
  if (kind === 'intel' || kind === 'api-assets') return ignored(reason ?? 'no field of this kind of table');
  if (rowKey && matchesNothing && !numeric)
    return ignored('unique per row and found in no other file: a row or event id');
  if (p.sequential) return ignored('consecutive numbers, one per row: a row number');
  if (rowKey && (p.shares.integer ?? 0) > 0.99 && (kind === 'link' || /^(row_?)?id$/i.test(h)))
    return ignored('a different number in every row of a link table: a row id');
  const perAccount = account !== null && account.distinctRatio > 0.95;
  if (!perAccount) {
    return ignored(
      `${reason ? `${reason}; ` : ''}an event log (accounts have many rows here): per-event values have no place in the graph`,
    );
  }
  const shape = p.category ? `${p.distinct} categories` : numeric ? 'numbers' : (p.main ?? 'text');
  const property = accountPropName(camel(h));
  const renamed = property !== camel(h) ? ` as '${property}' ('${camel(h)}' is ringscope's own)` : '';
  return {
    column: h,
    role: numeric ? 'numeric feature' : 'account property',
    property,
    evidence: `${reason ? `${reason}; ` : ''}one row per account: ${shape}, kept on the account${renamed}${numeric ? ' (a risk feature)' : ''}`,
    confidence: 0.6,
  };
}
