// Bytes of an input file → text: gunzipped when it starts with the gzip magic bytes, decoded in
// the encoding its first bytes show (UTF-8 with or without BOM, UTF-16 LE/BE with or without BOM,
// GB18030/GBK), refused when it is UTF-32 or binary. A damaged or cut-off gzip stream never throws:
// the text read so far is delivered and the damage is reported once, so the reader can reject the
// row it cut and load everything before it.
import fs from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export class EncodingError extends Error {}

export interface Damage {
  /** What went wrong, e.g. "gzip stream damaged after 12,345 compressed bytes: unexpected end of file". */
  reason: string;
}

export function isGzipFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(2);
    const n = fs.readSync(fd, buf, 0, 2, 0);
    return n === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

function validIn(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Drops a multi-byte sequence cut by the end of a sample, so a valid file is not judged invalid. */
function trimCutSequence(bytes: Uint8Array, complete: boolean): Uint8Array {
  if (complete) return bytes;
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if (b < 0x80) break;
    if (b >= 0xc0) return bytes.subarray(0, end - back);
  }
  return bytes.subarray(0, end);
}

/**
 * The encoding of a file from its first bytes (`complete` when the sample is the whole file).
 * Throws EncodingError, naming the encoding, for what cannot be read as text.
 */
export function detectEncoding(sample: Uint8Array, complete = false): TextEncoding {
  const b = sample;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)
    throw new EncodingError('the file is UTF-32 LE (byte order mark FF FE 00 00); save it as UTF-8');
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
    throw new EncodingError('the file is UTF-32 BE (byte order mark 00 00 FE FF); save it as UTF-8');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  const n = Math.min(b.length, 4096) & ~1;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) i % 2 === 0 ? zeroEven++ : zeroOdd++;
  const pairs = n / 2;
  // ASCII text in UTF-16 has a zero in every other byte: LE on the odd positions, BE on the even.
  if (pairs >= 2 && zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (pairs >= 2 && zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  if (zeroEven + zeroOdd > 0)
    throw new EncodingError('the file holds NUL bytes: binary data, not CSV, TSV or JSONL text');
  const text = trimCutSequence(b, complete);
  if (validIn('utf-8', text) !== undefined) return 'utf-8';
  const gb = validIn('gb18030', text);
  // Latin-1 text often decodes as GB18030 too; Chinese text decodes to mostly CJK ideographs.
  if (gb !== undefined) {
    const wide = gb.replace(/[\u0000-\u007f]/g, '');
    const cjk = wide.replace(/[^\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g, '');
    if (wide.length > 0 && cjk.length >= wide.length * 0.8) return 'gb18030';
  }
  // Not valid UTF-8 and not recognisably anything else: read as UTF-8; rows whose values hold
  // undecodable bytes are rejected one by one, naming the column.
  return 'utf-8';
}

export interface DecodedText {
  encoding: TextEncoding;
  chunks: AsyncIterable<string>;
  /** Bytes read from the file so far (compressed bytes for .gz). */
  bytesRead(): number;
  /** Set once the stream ended early (damaged or truncated gzip, read error). */
  damage(): Damage | undefined;
  close(): void;
}

function byteStream(file: string): { raw: fs.ReadStream; bytes: Readable } {
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  if (!isGzipFile(file)) return { raw, bytes: raw };
  const gunzip = zlib.createGunzip();
  // pipeline forwards an error of either stream to the other and to whoever iterates gunzip.
  pipeline(raw, gunzip, () => {});
  return { raw, bytes: gunzip };
}

/** Up to `max` bytes of the (gunzipped) content; a damaged gzip gives what could be read. */
export async function readSample(file: string, max = 65536): Promise<{ bytes: Buffer; complete: boolean }> {
  const { raw, bytes } = byteStream(file);
  const parts: Buffer[] = [];
  let size = 0;
  let complete = true;
  try {
    for await (const chunk of bytes) {
      parts.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= max) {
        complete = false;
        break;
      }
    }
  } catch {
    // The damage is reported when the file is read for real.
  } finally {
    raw.destroy();
    bytes.destroy();
  }
  return { bytes: Buffer.concat(parts).subarray(0, max), complete };
}

function describeDamage(e: unknown, compressed: boolean, bytesRead: number): Damage {
  const message = e instanceof Error ? e.message : String(e);
  const where = `after ${bytesRead.toLocaleString('en-US')} ${compressed ? 'compressed ' : ''}bytes`;
  return {
    reason: compressed
      ? `gzip stream damaged ${where} (${message}): nothing past this point can be read`
      : `read error ${where} (${message})`,
  };
}

/** The file's text in chunks, decoded; stops early (never throws) when the bytes are damaged. */
export function decodeFile(file: string, encoding: TextEncoding): DecodedText {
  const compressed = isGzipFile(file);
  const { raw, bytes } = byteStream(file);
  let damage: Damage | undefined;
  const chunks = (async function* () {
    const decoder = new TextDecoder(encoding);
    try {
      for await (const chunk of bytes) {
        const text = decoder.decode(chunk as Buffer, { stream: true });
        if (text) yield text;
      }
    } catch (e) {
      damage = describeDamage(e, compressed, raw.bytesRead);
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  })();
  return {
    encoding,
    chunks,
    bytesRead: () => raw.bytesRead,
    damage: () => damage,
    close: () => {
      raw.destroy();
      bytes.destroy();
    },
  };
}
