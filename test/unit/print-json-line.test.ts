// `detect --json` and `risk --json` print large results a slice at a time: the text must be exactly
// what JSON.stringify gives, on one line.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { printJsonLine } from '../../server/src/cli/options.js';

function printed(obj: Record<string, unknown>): string {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  printJsonLine(obj, out);
  return text;
}

describe('printJsonLine', () => {
  it('prints the same text as JSON.stringify, long arrays included', () => {
    const accounts = Array.from({ length: 2503 }, (_, i) => ({
      id: `u${i}`,
      risk: i / 2503,
      ring: i % 3 ? null : `R-${i}`,
      reasons: [{ code: 'LEARNED', weight: -0.1, detail: 'odds ×0.5 "quoted"\n' }],
    }));
    const obj = { rings: [], accounts, skipped: undefined, gaps: [1, undefined, 3], seconds: 1.5, stats: { a: 1 } };
    const text = printed(obj);
    expect(text).toBe(JSON.stringify(obj) + '\n');
    expect(text.trim().split('\n')).toHaveLength(1);
  });

  it('prints a slice boundary and an array of exactly one slice alike', () => {
    for (const n of [999, 1000, 1001, 2000]) {
      const obj = { xs: Array.from({ length: n }, (_, i) => i) };
      expect(printed(obj)).toBe(JSON.stringify(obj) + '\n');
    }
  });
});
