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
