// Plans a run: samples every file (one that cannot be opened is reported, the rest go on) and
// makes one plan for all of them, so files inform each other. No database: `ingest --plan` is a
// dry run, and every ingest starts from the same plan.
import path from 'node:path';
import { printable } from '../printable.js';
import type { Kind } from './fields.js';
import type { MappingSet } from './mapping-file.js';
import { makePlan, type Plan } from './plan.js';
import { sampleFile, type FileSample } from './sample.js';

export interface RunPlan extends Plan {
  /** Files that could not be opened for sampling, with why. */
  unreadable: { file: string; message: string }[];
}

export async function planRun(
  files: string[],
  opts: { kind?: Kind | undefined; mapping?: MappingSet | undefined; sampleRows?: number },
): Promise<RunPlan> {
  const samples: FileSample[] = [];
  const unreadable: RunPlan['unreadable'] = [];
  for (const file of files) {
    try {
      samples.push(await sampleFile(file, opts.sampleRows));
    } catch (e) {
      unreadable.push({ file, message: printable(e instanceof Error ? e.message : String(e)) });
    }
  }
  const plan = makePlan(samples, opts);
  return { ...plan, unreadable };
}

/** One file's problems as an error text, or undefined. */
export function problemOf(plan: RunPlan, file: string): string | undefined {
  const own = [...plan.unreadable, ...plan.problems].filter((p) => p.file === file).map((p) => p.message);
  return own.length ? own.join('; ') : undefined;
}

export const planOf = (plan: Plan, file: string) => plan.files.find((f) => f.file === file);
export const baseName = (file: string) => path.basename(file);
