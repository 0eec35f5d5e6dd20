// The full-text half of search: the words of what was typed, as a Lucene query for the
// entity_text index. Built only from word characters (letters, digits, '.', '_', '@'), so no
// Lucene syntax from the user reaches the index; every word must match, the last one as a
// prefix (the user may still be typing), and address words are folded the way ingest folds them
// ("Street" finds "st").
import { ADDRESS_WORDS } from '../model/normalise/text-keys.js';

/** Lucene's boolean words are operators only in capitals; ours are lower-cased, but be sure. */
const OPERATORS = new Set(['and', 'or', 'not', 'to']);

export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}._@]+/u)
    .map((w) => w.replace(/^[._@]+|[._@]+$/g, ''))
    .filter((w) => w.length > 0)
    .map((w) => ADDRESS_WORDS[w] ?? w);
}

/** A Lucene query requiring every word, or null when the text has no words. */
export function fulltextQuery(text: string): string | null {
  const words = searchWords(text).slice(0, 12);
  if (!words.length) return null;
  return words
    .map((w, i) => {
      const term = OPERATORS.has(w) ? `"${w}"` : w;
      // A prefix on a very short last word would match half the index.
      return i === words.length - 1 && w.length >= 2 && !OPERATORS.has(w) ? `+${term}*` : `+${term}`;
    })
    .join(' ');
}
