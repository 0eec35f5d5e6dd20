// Reading an optional 0..1 score filter (minimum risk, minimum score) from a number input, with
// the model's own check and message. Pure: unit-tested without a browser.
import { parseScore } from '../../../server/src/model/thresholds.js';

/**
 * The score typed in a filter: 0 when left empty, else a number in [0, 1]; otherwise the message
 * to show. `badInput` is the input's validity.badInput (text a number field cannot read).
 */
export function parseScoreFilter(name: string, input: { value: string; badInput: boolean }): number | string {
  if (input.badInput) return `${name} must be a number from 0 to 1.`;
  if (input.value.trim() === '') return 0;
  try {
    return parseScore(name, input.value);
  } catch (e) {
    return (e as Error).message;
  }
}

/** A number input, as far as reading a score filter needs it (no DOM types here: unit-tested in Node). */
interface ScoreInput {
  value: string;
  validity: { badInput: boolean };
  setCustomValidity(message: string): void;
}

/** parseScoreFilter on a number input, whose validity then carries the message (or is cleared). */
export function readScoreInput(name: string, input: ScoreInput): number | string {
  const score = parseScoreFilter(name, { value: input.value, badInput: input.validity.badInput });
  input.setCustomValidity(typeof score === 'string' ? score : '');
  return score;
}
