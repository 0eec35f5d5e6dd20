// The kind of a file from the fields the plan found (and its name), and the fields of tables that
// are not account logs, told by their values: intel feeds, API asset tables, card parts next to
// expiry dates, attribute tables keyed by an identifier other files share. Part of the plan.
import path from 'node:path';
import { detectKind } from './columns.js';
import type { ColumnMap, Field, Kind } from './fields.js';
import type { FileSample } from './sample.js';

/** The kind from the fields found, the file name, and (for attribute tables) the other files. */
export function pickKind(s: FileSample, columns: ColumnMap, sharedIdentifier: Field | undefined): Kind | undefined {
  if (columns.account === undefined && columns.email === undefined && !columns.indicator && !columns.path) {
    // No account: a table about one identifier (devices → os, model) is an attribute table.
    const keyed = (['device', 'card', 'ip', 'phone', 'address'] as Field[]).filter((f) => columns[f] !== undefined);
    if (keyed.length >= 1 && s.headers.length >= 2) {
      if (sharedIdentifier && columns[sharedIdentifier] !== undefined) {
        for (const f of keyed) if (f !== sharedIdentifier) delete columns[f];
      } else if (keyed.length > 1) return undefined;
      return 'attributes';
    }
  }
  // A plain link table: an account and one thing it is linked to (and when), nothing else.
  const name = path.basename(s.file);
  const hinted =
    /regist|signup|sign_up|login|api|access|traffic|session|order|transaction|payment|txn|purchase|refund|label/i.test(
      name,
    );
  const fields = Object.keys(columns).filter((f) => f !== 'account' && f !== 'time');
  if (
    !hinted &&
    columns.account !== undefined &&
    fields.length === 1 &&
    !['amount', 'label', 'status'].includes(fields[0]!)
  )
    return 'link';
  // An amount alone (a purchase value in a sign-up table) does not make an order log.
  const carriers = ['card', 'cardBin', 'cardLast4', 'address', 'toAccount', 'seller', 'orderId'] as Field[];
  const forKind = carriers.some((f) => columns[f] !== undefined) ? columns : { ...columns, amount: undefined };
  return detectKind(forKind, name, s.headers.length);
}

const IDENTIFIER_FIELDS: Field[] = ['ip', 'phone', 'email', 'device', 'card', 'address', 'userAgent', 'account'];

/**
 * Intel feeds and API asset tables by their values: next to a column of indicator types, the column
 * of mixed identifiers is the indicator (it may have been taken for a phone or IP column) and a
 * column of a few names is the feed; next to endpoints and sensitivity levels, the remaining
 * columns of a few values are the business domain and the controls.
 */
export function fillTables(
  s: FileSample,
  columns: ColumnMap,
  why: Map<string, { text: string; confidence: number }>,
): void {
  const free = () => s.headers.filter((h) => !Object.values(columns).includes(h));
  if (columns.indicatorType !== undefined) {
    if (columns.indicator === undefined) {
      const taken = IDENTIFIER_FIELDS.find((f) => columns[f] !== undefined);
      const h =
        (taken ? columns[taken] : undefined) ??
        free().sort((a, b) => s.profiles.get(b)!.distinctRatio - s.profiles.get(a)!.distinctRatio)[0];
      if (h) {
        for (const f of IDENTIFIER_FIELDS) if (columns[f] === h) delete columns[f];
        columns.indicator = h;
        why.set(h, {
          text: `identifiers of several types next to the indicator types in '${columns.indicatorType}'`,
          confidence: 0.7,
        });
      }
    }
    for (const f of IDENTIFIER_FIELDS) delete columns[f];
    const feed = free().find((h) => s.profiles.get(h)!.distinct <= 30 && s.profiles.get(h)!.distinctRatio <= 0.25);
    if (columns.source === undefined && feed) {
      columns.source = feed;
      why.set(feed, { text: 'a few names next to intel indicators (feeds)', confidence: 0.5 });
    }
  }
  // Next to card expiry dates, six digits are the BIN and four digits the last 4, however unique.
  if (columns.cardExpiry !== undefined) {
    for (const [f, shape, text] of [
      ['cardBin', 'cardBin', 'six-digit numbers next to card expiry dates (BINs)'],
      ['cardLast4', 'last4', 'four-digit numbers next to card expiry dates (last 4)'],
    ] as const) {
      const h = free().find((c) => (s.profiles.get(c)!.shares[shape] ?? 0) > 0.95);
      if (columns[f] === undefined && h) {
        columns[f] = h;
        why.set(h, { text, confidence: 0.75 });
      }
    }
  }
  if (
    columns.path !== undefined &&
    columns.account === undefined &&
    (columns.sensitivity !== undefined || columns.method !== undefined)
  ) {
    // Lists next to endpoints are their controls.
    if (columns.controls === undefined && columns.tags !== undefined) {
      columns.controls = columns.tags;
      delete columns.tags;
      why.set(columns.controls, { text: 'lists next to endpoints (controls)', confidence: 0.5 });
    }
    for (const f of ['domain', 'controls'] as Field[]) {
      const h = free().find(
        (c) =>
          s.profiles.get(c)!.category ||
          (s.profiles.get(c)!.shares.list ?? 0) > 0.1 ||
          s.profiles.get(c)!.distinct <= 30,
      );
      if (columns[f] === undefined && h && columns.sensitivity !== undefined) {
        columns[f] = h;
        why.set(h, {
          text:
            f === 'domain'
              ? 'a few names next to endpoints (business domains)'
              : 'names or lists next to endpoints (controls)',
          confidence: 0.5,
        });
      }
    }
  }
}
