// What the web app writes out and shows: CSV cells that a spreadsheet would run as formulas are
// neutralised; bidirectional controls in display text are shown as visible markers, ids are kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revealControls, showControls } from '../../../client/src/api/visible-text.js';
import { csvCell } from '../../../client/src/ui/csv-cell.js';

describe('CSV export', () => {
  it('neutralises cells starting with = + - @ tab or CR, and quotes every cell', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    for (const c of ['+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(c).startsWith(`"'`)).toBe(true);
    expect(csvCell('Account:u_1')).toBe('"Account:u_1"');
    expect(csvCell(0.75)).toBe('"0.75"');
    expect(csvCell(-1)).toBe('"-1"');
  });

  it('never lets a string cell start with a formula character (1000 cases)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = csvCell(s);
        expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
        expect(cell[1] ?? '').not.toMatch(/[=+\-@\t\r]/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bidirectional controls', () => {
  it('shows a right-to-left override visibly in display text', () => {
    expect(showControls('u1\u202Egpj.exe')).toBe('u1[U+202E]gpj.exe');
    expect(showControls('plain')).toBe('plain');
  });

  it('rewrites display fields of an API answer and keeps ids intact', () => {
    const raw = JSON.stringify({
      node: { id: 'Account:u\u202E1', key: 'u\u202E1', label: 'u\u202E1', detail: 'x\u2066y' },
    });
    const parsed = JSON.parse(raw, revealControls) as { node: Record<string, string> };
    expect(parsed.node.id).toBe('Account:u\u202E1');
    expect(parsed.node.key).toBe('u\u202E1');
    expect(parsed.node.label).toBe('u[U+202E]1');
    expect(parsed.node.detail).toBe('x[U+2066]y');
  });
});
