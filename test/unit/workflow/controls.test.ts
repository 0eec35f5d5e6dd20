import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROTECTIVE_CONTROLS, isProtected } from '../../../server/src/model/controls.js';

describe('protective controls', () => {
  it('counts captcha or a risk engine as protection, auth alone not', () => {
    expect(isProtected(['auth', 'captcha'])).toBe(true);
    expect(isProtected(['risk-engine'])).toBe(true);
    expect(isProtected(['auth'])).toBe(false);
    expect(isProtected([])).toBe(false);
  });

  it('are the ones the analysts’ saved blind-spot query checks (the Cypher file cannot import them)', () => {
    const text = fs.readFileSync('cypher/queries/api-blind-spots.cypher', 'utf8');
    const listed = /x IN \[([^\]]*)\]/
      .exec(text)![1]!
      .split(',')
      .map((s) => s.trim().replace(/'/g, ''));
    expect(listed.sort()).toEqual([...PROTECTIVE_CONTROLS].sort());
  });
});
