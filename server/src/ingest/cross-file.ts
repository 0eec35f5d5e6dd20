// Files of one run inform each other: id columns whose values overlap across files hold the same
// thing. Groups of such columns are found (union-find over pairwise overlap of sampled values),
// each group is named by the strongest evidence inside it (a mapping, then header names, then
// "the group found in most files is the accounts"), and every column of a group gets that field as
// evidence: the column of the orders file whose values are the registration file's accounts is the
// account column. Cost: O(id columns² × sample size) set look-ups.
import path from 'node:path';
import { isIdLike, isShortKey, nameEvidence, type Evidence } from './column-evidence.js';
import type { ColumnMap, Field } from './fields.js';
import type { FileSample } from './sample.js';
import { overlap } from './value-shapes.js';

const ID_FIELDS: Field[] = ['account', 'device', 'card', 'phone', 'email', 'ip'];
const ACCOUNTISH: Field[] = ['account', 'toAccount', 'seller', 'referrer'];
const MIN_OVERLAP = 0.3;
/** Values found in another file's column are the strongest evidence there is: above any header name. */
export const CROSS_FILE_SCORE = 0.97;

export interface CrossFile {
  /** Evidence per file index and column. */
  get(file: number): Map<string, Evidence[]> | undefined;
  /** For a file: the identifier field of a group it shares with other files (an attribute table's key). */
  identifierFiles: Map<number, Field>;
  /** The column is an id column whose values no other file of the run has. */
  matchedNothing(file: number, column: string): boolean;
}

/**
 * Short keys (`u7`, `17`) under a header that names an account (`to_user`, `payer_id`). Only
 * accounts: small numbers under `device_id` and `user_id` overlap by chance, and must not be taken
 * for one kind of thing.
 */
function namedShortKey(h: string, p: Parameters<typeof isShortKey>[0]): boolean {
  return isShortKey(p) && nameEvidence(h).some((e) => e.score >= 0.55 && ACCOUNTISH.includes(e.field));
}

interface Col {
  file: number;
  h: string;
}

export function crossFileEvidence(samples: FileSample[], fixed: ColumnMap[]): CrossFile {
  const cols: Col[] = [];
  samples.forEach((s, file) => {
    const fixedFields = new Map(Object.entries(fixed[file] ?? {}).map(([f, h]) => [h, f as Field]));
    for (const h of s.headers) {
      const f = fixedFields.get(h);
      const p = s.profiles.get(h)!;
      if ((f && (ID_FIELDS.includes(f) || ACCOUNTISH.includes(f))) || (!f && (isIdLike(p) || namedShortKey(h, p))))
        cols.push({ file, h });
    }
  });
  const parent = cols.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const best = new Map<number, { other: number; share: number }>();
  for (let i = 0; i < cols.length; i++) {
    for (let j = i + 1; j < cols.length; j++) {
      const a = cols[i]!;
      const b = cols[j]!;
      const pa = samples[a.file]!.profiles.get(a.h)!;
      const pb = samples[b.file]!.profiles.get(b.h)!;
      const share = Math.max(overlap(pa, pb.values), overlap(pb, pa.values));
      // Inside one file too (a referrer column holds accounts of the account column), more strictly.
      if (share < (a.file === b.file ? 0.5 : MIN_OVERLAP)) continue;
      parent[find(i)] = find(j);
      if ((best.get(i)?.share ?? 0) < share) best.set(i, { other: j, share });
      if ((best.get(j)?.share ?? 0) < share) best.set(j, { other: i, share });
    }
  }
  const groups = new Map<number, number[]>();
  cols.forEach((_, i) => {
    if (!best.has(i)) return;
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });

  // Name each group: mapping > header names > most files (accounts are in every kind of log).
  const named = new Map<number, { field: Field; why: string }>();
  let widest: { root: number; files: number } | undefined;
  for (const [root, members] of groups) {
    const votes = new Map<Field, { score: number; why: string }>();
    const vote = (f: Field, score: number, why: string) => {
      const key = ACCOUNTISH.includes(f) ? 'account' : f;
      const v = votes.get(key) ?? { score: 0, why };
      v.score += score;
      if (score >= 1) v.why = why;
      votes.set(key, v);
    };
    for (const m of members) {
      const c = cols[m]!;
      const fixedField = Object.entries(fixed[c.file] ?? {}).find(([, h]) => h === c.h)?.[0] as Field | undefined;
      const where = `'${c.h}' of ${path.basename(samples[c.file]!.file)}`;
      if (fixedField) vote(fixedField, 3, `the mapping's ${fixedField} column ${where}`);
      for (const e of nameEvidence(c.h))
        if (ID_FIELDS.includes(e.field) || ACCOUNTISH.includes(e.field)) vote(e.field, e.score, `${where}`);
    }
    const top = [...votes.entries()].sort((a, b) => b[1].score - a[1].score)[0];
    if (top && top[1].score >= 0.5) named.set(root, { field: top[0], why: top[1].why });
    const files = new Set(members.map((m) => cols[m]!.file)).size;
    if (!widest || files > widest.files) widest = { root, files };
  }
  if (
    widest &&
    widest.files >= 2 &&
    ![...named.values()].some((n) => n.field === 'account') &&
    !named.has(widest.root)
  ) {
    named.set(widest.root, { field: 'account', why: `the id shared by the most files (${widest.files})` });
  }

  const evidence = new Map<number, Map<string, Evidence[]>>();
  const identifierFiles = new Map<number, Field>();
  for (const [root, members] of groups) {
    const name = named.get(root);
    if (!name) continue;
    for (const m of members) {
      const c = cols[m]!;
      const link = best.get(m)!;
      const o = cols[link.other]!;
      const why = `values match '${o.h}' of ${path.basename(samples[o.file]!.file)} (${Math.round(link.share * 100)}%), ${name.field} as in ${name.why}`;
      const perFile = evidence.get(c.file) ?? new Map<string, Evidence[]>();
      perFile.set(c.h, [...(perFile.get(c.h) ?? []), { field: name.field, score: CROSS_FILE_SCORE, why }]);
      evidence.set(c.file, perFile);
      if (name.field !== 'account') identifierFiles.set(c.file, name.field);
    }
  }
  const linked = new Set([...best.keys()].map((i) => `${cols[i]!.file}\u0000${cols[i]!.h}`));
  const candidate = new Set(cols.map((c) => `${c.file}\u0000${c.h}`));
  return {
    get: (file) => evidence.get(file),
    identifierFiles,
    matchedNothing: (file, h) =>
      samples.length > 1 && candidate.has(`${file}\u0000${h}`) && !linked.has(`${file}\u0000${h}`),
  };
}
