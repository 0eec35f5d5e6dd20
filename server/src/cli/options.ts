// Option values from the command line, checked once and named in the error when wrong.
import { parseScore } from '../model/thresholds.js';

export function positiveInt(name: string, text: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new Error(`${name} must be a whole number from 0 to ${max}, got '${text}'`);
  return n;
}

/** A score option (--keep-score, --flag-score): a number from 0 to 1. */
export const scoreOption = parseScore;

/** Peak resident memory of this process so far (the CLI runs one command per process). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * Prints one object as one line of JSON, the same text as JSON.stringify, with long arrays written
 * a slice at a time so the whole text is never one string (detect --json at 1M accounts: 287k
 * scored accounts with their reasons were a string of about 160 MB on top of the result).
 */
export function printJsonLine(obj: Record<string, unknown>, out: NodeJS.WritableStream = process.stdout): void {
  const SLICE = 1000;
  const fields = Object.entries(obj).filter(([, v]) => v !== undefined && typeof v !== 'function');
  out.write('{');
  fields.forEach(([key, value], i) => {
    out.write(`${i ? ',' : ''}${JSON.stringify(key)}:`);
    if (!Array.isArray(value) || value.length <= SLICE) {
      out.write(JSON.stringify(value));
      return;
    }
    out.write('[');
    for (let j = 0; j < value.length; j += SLICE)
      out.write(
        (j ? ',' : '') +
          value
            .slice(j, j + SLICE)
            .map((x) => JSON.stringify(x) ?? 'null')
            .join(','),
      );
    out.write(']');
  });
  out.write('}\n');
}
