// Named scores. Pure: the client build may import this file.

/** Account risk and ring score at or above this are "worth an investigator's time" (flagged). */
export const FLAG_THRESHOLD = 0.5;

/** Rings scoring below this are not kept by detection. */
export const KEEP_THRESHOLD = 0.3;

/** A score must be a number in [0, 1]; names the option in the error. */
export function parseScore(name: string, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !(n >= 0 && n <= 1)) throw new Error(`${name} must be a number from 0 to 1, got '${text}'`);
  return n;
}
