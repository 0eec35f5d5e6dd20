// Mapping files (--mapping M.json): either one mapping for every file of a run,
//   { "kind", "columns": { field: column }, "accountProps", "nodeProps", "required" }
// or one per file of a data set, chosen by glob:
//   { "files": { "<glob>": <mapping>, … } }
// A glob without a slash matches the file name (`users.csv*`); with a slash it matches the end of
// the path as given (`p2p-payments/*.csv.gz`). The first glob that matches wins; a file that no glob
// matches is planned from its header and values alone, and the plan says so.
import fs from 'node:fs';
import picomatch from 'picomatch';
import { z } from 'zod';
import { RESERVED_ACCOUNT_PROPS, RESERVED_NODE_PROPS } from '../model/account-props.js';
import { printable } from '../printable.js';
import { FIELDS, KINDS } from './fields.js';

const propName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,40}$/, 'a property name: a letter, then letters, digits or _');

const singleSchema = z
  .object({
    kind: z.enum(KINDS).optional(),
    columns: z.partialRecord(z.enum(FIELDS), z.string().min(1)).optional(),
    accountProps: z.record(propName, z.string().min(1)).optional(),
    nodeProps: z.record(propName, z.string().min(1)).optional(),
    required: z.array(z.enum(FIELDS)).optional(),
    /** Columns deliberately left out: listed as ignored in the plan, never an error. */
    ignore: z.array(z.string().min(1)).optional(),
  })
  .strict()
  // Properties a mapping may fill: not ones ringscope writes itself (flags, risk, intel tags, …).
  .superRefine((m, ctx) => {
    for (const [where, reserved] of [
      ['accountProps', RESERVED_ACCOUNT_PROPS],
      ['nodeProps', RESERVED_NODE_PROPS],
    ] as const) {
      for (const name of Object.keys(m[where] ?? {}).filter((n) => reserved.includes(n)))
        ctx.addIssue({
          code: 'custom',
          path: [where, name],
          message: `a property ringscope writes itself (${reserved.join(', ')}): choose another name`,
        });
    }
  });

const multiSchema = z
  .object({
    files: z.record(z.string().min(1), singleSchema).refine((f) => Object.keys(f).length > 0, 'at least one glob'),
  })
  .strict();

export type MappingFile = z.infer<typeof singleSchema>;

/** A mapping file as read: one mapping for all files, or one per glob. */
export interface MappingSet {
  source: string;
  single?: MappingFile;
  files?: { glob: string; mapping: MappingFile }[];
}

export class MappingError extends Error {}

function issueText(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  return `mapping file ${file}: ${printable(issue?.path.join('.') || 'root', 80)}: ${printable(issue?.message ?? 'invalid', 200)}`;
}

/** Parses mapping JSON (already read) into a MappingSet; `source` names it in errors. */
export function parseMapping(json: unknown, source: string): MappingSet {
  if (typeof json === 'object' && json !== null && 'files' in json) {
    const parsed = multiSchema.safeParse(json);
    if (!parsed.success) throw new MappingError(issueText(source, parsed.error));
    for (const glob of Object.keys(parsed.data.files)) {
      try {
        picomatch(glob);
      } catch (e) {
        throw new MappingError(
          `mapping file ${source}: files: '${printable(glob, 80)}' is not a valid glob (${printable((e as Error).message, 120)})`,
        );
      }
    }
    return { source, files: Object.entries(parsed.data.files).map(([glob, mapping]) => ({ glob, mapping })) };
  }
  const parsed = singleSchema.safeParse(json);
  if (!parsed.success) throw new MappingError(issueText(source, parsed.error));
  return { source, single: parsed.data };
}

export function readMappingFile(file: string): MappingSet {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MappingError(`mapping file ${file}: not valid JSON (${printable((e as Error).message, 120)})`);
  }
  return parseMapping(json, file);
}

export interface ChosenMapping {
  mapping: MappingFile;
  /** The glob that chose it (multi-file mappings), or null for a single mapping. */
  glob: string | null;
}

/** The mapping that applies to one input file, or undefined when none does. */
export function mappingForFile(set: MappingSet | undefined, file: string): ChosenMapping | undefined {
  if (!set) return undefined;
  if (set.single) return { mapping: set.single, glob: null };
  const p = file.replaceAll('\\', '/');
  const name = p.slice(p.lastIndexOf('/') + 1);
  for (const { glob, mapping } of set.files ?? []) {
    const matches = glob.includes('/')
      ? picomatch(glob.startsWith('/') ? glob : `**/${glob}`, { dot: true })(p) || picomatch(glob, { dot: true })(p)
      : picomatch(glob, { dot: true })(name);
    if (matches) return { mapping, glob };
  }
  return undefined;
}

/** Globs of a multi-file mapping that match none of the run's files (likely a typo). */
export function unmatchedGlobs(set: MappingSet | undefined, files: string[]): string[] {
  if (!set?.files) return [];
  const used = new Set(files.map((f) => mappingForFile(set, f)?.glob).filter((g): g is string => !!g));
  return set.files.map((f) => f.glob).filter((g) => !used.has(g));
}
