// Property-based tests (fast-check) of the file readers: whatever bytes a file holds — CSV/TSV/JSONL
// rows with quotes, separators, line breaks and control characters; gzip streams cut or corrupted
// anywhere; BOMs and UTF-16 — reading never throws past openSource, every record is a row or a
// rejection with a line and a short, escaped excerpt, and well-formed rows come back exactly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EncodingError } from '../../../server/src/ingest/text-decoding.js';
import { openSource, SourceError, type SourceRecord } from '../../../server/src/ingest/readers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-prop-'));
let n = 0;
const write = (name: string, content: string | Buffer) => {
  const file = path.join(tmp, `${n++}-${name}`);
  fs.writeFileSync(file, content);
  return file;
};

/** Number of generated cases per property (see the report of issue 13). */
export const RUNS = 150;

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

type Outcome = { refused: string } | { headers: string[]; records: SourceRecord[] };

/** Reads a file the way ingest does; a refusal must be a SourceError naming the file. */
async function read(file: string): Promise<Outcome> {
  let source;
  try {
    source = await openSource(file);
  } catch (e) {
    if (e instanceof SourceError || e instanceof EncodingError) return { refused: e.message };
    throw e;
  }
  const records: SourceRecord[] = [];
  try {
    for await (const r of source.records) records.push(r);
  } finally {
    source.close();
  }
  return { headers: source.headers, records };
}

function expectSane(o: Outcome, file: string) {
  if ('refused' in o) {
    expect(o.refused).toContain(path.basename(file));
    expect(o.refused.length).toBeLessThan(file.length + 400);
    return;
  }
  let last = 0;
  for (const r of o.records) {
    expect(r.line).toBeGreaterThanOrEqual(last);
    last = r.line;
    expect((r.row === undefined) !== (r.error === undefined)).toBe(true);
    expect(r.excerpt.length).toBeLessThanOrEqual(240);
    expect(r.excerpt).not.toMatch(UNSAFE);
    if (r.error !== undefined) {
      expect(r.error.length).toBeLessThanOrEqual(400);
      expect(r.error).not.toMatch(UNSAFE);
    }
  }
}

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('"', '""', ',', '\n', '\r\n', '\t', '\u0000', '\u202e', '\uFEFF', 'a"b', '"x'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const header = ['user_id', 'signup_time', 'ip_address'];

describe('readers never crash', { timeout: 300_000 }, () => {
  it(`arbitrary text as CSV, TSV or JSONL: rows or rejections with line and excerpt (${RUNS} × 3 cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 12 }),
        fc.constantFrom('csv', 'tsv', 'jsonl'),
        async (rows, ext) => {
          const sep = ext === 'tsv' ? '\t' : ',';
          const body =
            ext === 'jsonl'
              ? rows
                  .map((r) =>
                    r.length % 2
                      ? JSON.stringify(Object.fromEntries(r.map((v, i) => [header[i % 3]!, v])))
                      : r.join(''),
                  )
                  .join('\n')
              : rows.map((r) => r.join(sep)).join('\n');
          const text = (ext === 'jsonl' ? '{"user_id":"u","ip_address":"1.2.3.4"}' : header.join(sep)) + '\n' + body;
          const file = write(`any.${ext}`, text);
          expectSane(await read(file), file);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it(`well-formed CSV (any cell text, quoted by csv-stringify) comes back exactly (${RUNS} cases)`, async () => {
    const printableCell = fc.string({ maxLength: 20 }).filter((s) => !/[\u0000\r\uFEFF\uFFFD]/.test(s));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(printableCell, printableCell, printableCell), { maxLength: 15 }),
        async (rows) => {
          const file = write('ok.csv', stringify([header, ...rows], { quoted_match: /[\s",]/ }));
          const o = await read(file);
          if ('refused' in o) throw new Error(o.refused);
          const got = o.records.filter((r) => r.row).map((r) => header.map((h) => r.row![h]));
          expect(got).toEqual(rows);
          expect(o.records.filter((r) => r.error)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`gzip streams cut or corrupted anywhere: a cut keeps exact rows, a corruption is always reported (${RUNS} × 2 cases)`, async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `u${i},2024-01-01T00:00:00Z,10.0.${i >> 8}.${i & 255}`);
    const gz = zlib.gzipSync([header.join(','), ...lines].join('\n') + '\n');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 12, max: gz.length - 1 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 255 }),
        async (at, cut, xor) => {
          const damaged = Buffer.from(gz);
          if (!cut) damaged[at] = damaged[at]! ^ xor;
          const file = write('d.csv.gz', cut ? damaged.subarray(0, at) : damaged);
          const o = await read(file);
          expectSane(o, file);
          if ('refused' in o) return;
          const read_ = o.records.filter((r) => r.row).map((r) => header.map((h) => r.row![h]).join(','));
          const exact = o.records.every((r) => !r.row || lines[r.line - 2] === header.map((h) => r.row![h]).join(','));
          if (cut) {
            // A cut stream cannot garble: every row read is the original row at its line.
            expect(exact).toBe(true);
          } else if (!exact || read_.length !== lines.length) {
            // A flipped byte inside deflate data can change rows before the CRC at the end of the
            // stream shows it: the damage must then be reported, never silent.
            expect(o.records.some((r) => r.error)).toBe(true);
          }
        },
      ),
      // A byte flipped inside deflate data that garbles row 24 before the CRC shows it (found by this test).
      { numRuns: RUNS * 2, examples: [[2014, false, 43]] },
    );
  });

  it(`BOMs, UTF-16 and random leading bytes: read in the right encoding or refused naming it (${RUNS} cases)`, async () => {
    const text = `${header.join(',')}\nu1,2024-01-01T00:00:00Z,10.0.0.1\nü2,2024-01-02T00:00:00Z,10.0.0.2\n`;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('utf8', 'utf8bom', 'utf16le', 'utf16lebom', 'utf16bebom', 'junk'),
        fc.uint8Array({ maxLength: 16 }),
        async (kind, junk) => {
          const le = Buffer.from(text, 'utf16le');
          const be = Buffer.from(le).swap16();
          const content =
            kind === 'utf8'
              ? Buffer.from(text)
              : kind === 'utf8bom'
                ? Buffer.from('\uFEFF' + text)
                : kind === 'utf16le'
                  ? le
                  : kind === 'utf16lebom'
                    ? Buffer.concat([Buffer.from([0xff, 0xfe]), le])
                    : kind === 'utf16bebom'
                      ? Buffer.concat([Buffer.from([0xfe, 0xff]), be])
                      : Buffer.concat([Buffer.from(junk), Buffer.from(text)]);
          const file = write(`${kind}.csv`, content);
          const o = await read(file);
          expectSane(o, file);
          if (kind !== 'junk') {
            if ('refused' in o) throw new Error(o.refused);
            expect(o.records.map((r) => r.row?.user_id)).toEqual(['u1', 'ü2']);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
