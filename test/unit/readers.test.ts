// The readers fail per row, never per file: damaged gzip, unbalanced quotes, encodings, binary
// input, huge lines. Real files on disk, read through the same path as `ringscope ingest`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openSource, SourceError, type SourceRecord } from '../../server/src/ingest/readers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-readers-'));
let n = 0;
function write(name: string, content: string | Buffer): string {
  const file = path.join(tmp, `${n++}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

async function readAll(file: string): Promise<{ headers: string[]; rows: SourceRecord[]; errors: SourceRecord[] }> {
  const source = await openSource(file);
  const rows: SourceRecord[] = [];
  const errors: SourceRecord[] = [];
  try {
    for await (const r of source.records) (r.error === undefined ? rows : errors).push(r);
  } finally {
    source.close();
  }
  return { headers: source.headers, rows, errors };
}

const header = 'user_id,signup_time,ip_address';
const dataLines = (count: number) =>
  Array.from({ length: count }, (_, i) => `u${i},2024-01-01T00:00:00Z,10.0.${(i >> 8) & 255}.${i & 255}`);

describe('gzip damage', () => {
  it('loads every row before a cut, rejects the cut row, and never throws', async () => {
    const lines = dataLines(20_000);
    const gz = zlib.gzipSync([header, ...lines].join('\n') + '\n');
    const file = write('cut.csv.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
    const { rows, errors } = await readAll(file);
    expect(rows.length).toBeGreaterThan(10_000);
    // Every row read is a whole, correct row of the original, in order, with its line number.
    rows.forEach((r, i) => {
      expect(r.line).toBe(i + 2);
      expect(r.row!.user_id).toBe(`u${i}`);
      expect(r.row!.ip_address).toBe(lines[i]!.split(',')[2]);
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(rows.length + 2);
    expect(errors[0]!.error).toMatch(/gzip stream damaged after [\d,]+ compressed bytes \(unexpected end of file\)/);
  });

  it('reports damage in the middle of a gzip stream (bad data, wrong checksum) the same way', async () => {
    const gz = Buffer.from(zlib.gzipSync([header, ...dataLines(500)].join('\n') + '\n'));
    gz[gz.length - 6] = gz[gz.length - 6]! ^ 0xff; // CRC32 trailer
    const { rows, errors } = await readAll(write('crc.csv.gz', gz));
    // zlib withholds its last output block when the checksum fails: what came before it loads.
    expect(rows.length).toBeGreaterThan(100);
    rows.forEach((r, i) => expect(r.row!.user_id).toBe(`u${i}`));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(rows.length + 2);
    expect(errors[0]!.error).toMatch(/gzip stream damaged.*(check|crc)/i);
  });

  it('reads a gzipped JSONL file cut in the middle of an object', async () => {
    const objs = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ account: `a${i}`, ip: `10.1.0.${i % 250}` }));
    const gz = zlib.gzipSync(objs.join('\n') + '\n');
    const { rows, errors } = await readAll(write('cut.jsonl.gz', gz.subarray(0, gz.length - 40)));
    expect(rows.length).toBeGreaterThan(2000);
    rows.forEach((r, i) => expect(r.row!.account).toBe(`a${i}`));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(rows.length + 1);
  });
});

describe('unbalanced quotes', () => {
  it('rejects only the line with the open quote, with its line and excerpt, and reads on', async () => {
    const lines = dataLines(1000);
    lines[5] = 'u5,"2024-01-01T00:00:00Z,10.0.0.5'; // line 7 of the file
    lines[700] = 'u700,2024-01-01T00:00:00Z,"10.0.2.188';
    const { rows, errors } = await readAll(write('quote.csv', [header, ...lines].join('\n')));
    expect(rows).toHaveLength(998);
    expect(errors.map((e) => e.line)).toEqual([7, 702]);
    expect(errors[0]!.error).toMatch(/unbalanced quote/);
    expect(errors[0]!.excerpt).toBe('u5,"2024-01-01T00:00:00Z,10.0.0.5');
    expect(rows.find((r) => r.line === 8)!.row!.user_id).toBe('u6');
  });

  it('still reads a quoted field that legitimately spans lines', async () => {
    const text = 'user_id,address,ip_address\nu1,"1 Main St\nFlat 2",10.0.0.1\nu2,"a ""quoted"" word",10.0.0.2\n';
    const { rows, errors } = await readAll(write('multiline.csv', text));
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.row!.address])).toEqual([
      [2, '1 Main St\nFlat 2'],
      [4, 'a "quoted" word'],
    ]);
  });

  it('an open quote in the last line rejects that line only', async () => {
    const { rows, errors } = await readAll(write('lastquote.csv', `${header}\nu1,2024-01-01,10.0.0.1\nu2,"x,10.0.0.2`));
    expect(rows).toHaveLength(1);
    expect(errors.map((e) => [e.line, e.error])).toEqual([[3, expect.stringMatching(/unbalanced quote/)]]);
  });
});

describe('encodings', () => {
  const text = 'user_id,city,ip_address\nu1,Zürich,10.0.0.1\nu2,北京,10.0.0.2\n';
  const expectRows = async (file: string) => {
    const { headers, rows, errors } = await readAll(file);
    expect(errors).toEqual([]);
    expect(headers).toEqual(['user_id', 'city', 'ip_address']);
    expect(rows.map((r) => r.row!.city)).toEqual(['Zürich', '北京']);
  };
  const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

  it('reads UTF-8 with a BOM', () => expectRows(write('bom.csv', '\uFEFF' + text)));
  it('reads UTF-16 LE with a BOM', () => expectRows(write('le.csv', Buffer.from('\uFEFF' + text, 'utf16le'))));
  it('reads UTF-16 BE with a BOM', () => expectRows(write('be.csv', utf16be('\uFEFF' + text))));
  it('reads UTF-16 LE without a BOM', () => expectRows(write('le-nobom.csv', Buffer.from(text, 'utf16le'))));
  it('reads UTF-16 BE without a BOM, gzipped', () => expectRows(write('be.csv.gz', zlib.gzipSync(utf16be(text)))));

  it('reads GB18030 / GBK', async () => {
    // 北京 and 上海 in GBK; the rest is ASCII.
    const gbk = Buffer.concat([
      Buffer.from('user_id,city\nu1,'),
      Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]),
      Buffer.from('\nu2,'),
      Buffer.from([0xc9, 0xcf, 0xba, 0xa3]),
      Buffer.from('\n'),
    ]);
    const source = await openSource(write('gbk.csv', gbk));
    expect(source.encoding).toBe('gb18030');
    const cities: string[] = [];
    for await (const r of source.records) cities.push(r.row!.city!);
    expect(cities).toEqual(['北京', '上海']);
  });

  it('refuses UTF-32 and binary data, naming what it found', async () => {
    const utf32 = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.alloc(40)]);
    await expect(openSource(write('u32.csv', utf32))).rejects.toThrow(/UTF-32 LE/);
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0, 0, 0, 0x21, 0x00]);
    await expect(openSource(write('zip.csv', binary))).rejects.toThrow(SourceError);
    await expect(openSource(write('zip2.csv', binary))).rejects.toThrow(/NUL bytes: binary data/);
  });
});

describe('messages and excerpts', () => {
  it('escapes control characters in excerpts and keeps them short', async () => {
    const bad = `u1,"\u001b[31mred\u0007${'y'.repeat(5000)}`;
    const { errors } = await readAll(write('ctrl.csv', `${header}\n${bad}\n`));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.excerpt).not.toMatch(/[\u0000-\u001f]/);
    expect(errors[0]!.excerpt).toContain('\\u001b[31mred\\u0007');
    expect(errors[0]!.excerpt.length).toBeLessThan(260);
  });

  it('refuses a file without a header and a header that repeats a name', async () => {
    await expect(openSource(write('empty.csv', '\n\n'))).rejects.toThrow(/empty file/);
    await expect(openSource(write('dup.csv', 'a,b,a\n1,2,3\n'))).rejects.toThrow(/repeats a column name/);
  });

  it('reads lone-CR line ends and CRLF', async () => {
    expect((await readAll(write('cr.csv', 'a,b\r1,2\r3,4\r'))).rows.map((r) => r.row)).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
    expect((await readAll(write('crlf.csv', 'a,b\r\n1,2\r\n3,4'))).rows).toHaveLength(2);
  });
});
