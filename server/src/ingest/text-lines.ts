// Decoded text chunks → physical lines with their 1-based numbers. Line ends are \n, \r\n, or a
// lone \r in files that use nothing else (old Mac exports). A line longer than the limit is never
// held whole: its first characters are kept for the excerpt and the rest only counted.

export interface PhysicalLine {
  line: number;
  text: string;
  /** Set when the line was longer than the limit: its full length (text holds only the start). */
  overlong?: number;
  /** The last line of the input, with no line end after it (cut off, if the input was damaged). */
  unterminated?: boolean;
}

export const MAX_LINE_CHARS = 16 * 1024 * 1024;
const EXCERPT_OF_OVERLONG = 1000;

export async function* physicalLines(
  chunks: AsyncIterable<string>,
  maxChars = MAX_LINE_CHARS,
): AsyncGenerator<PhysicalLine> {
  let line = 0;
  let carry = '';
  let overlong = 0; // length so far of a line past the limit (0: none)
  let overlongExcerpt = '';
  let separator: '\n' | '\r' | undefined;
  for await (const chunk of chunks) {
    if (separator === undefined) {
      if (chunk.includes('\n')) separator = '\n';
      else if (chunk.includes('\r')) separator = '\r';
    }
    const text = overlong > 0 ? chunk : carry + chunk;
    carry = '';
    let start = 0;
    for (let end = separator ? text.indexOf(separator) : -1; end >= 0; end = text.indexOf(separator!, start)) {
      let body = text.slice(start, end);
      start = end + 1;
      line++;
      if (overlong > 0) {
        yield { line, text: overlongExcerpt, overlong: overlong + body.length };
        overlong = 0;
        overlongExcerpt = '';
        continue;
      }
      if (separator === '\n' && body.endsWith('\r')) body = body.slice(0, -1);
      if (body.length > maxChars) yield { line, text: body.slice(0, EXCERPT_OF_OVERLONG), overlong: body.length };
      else yield { line, text: body };
    }
    const rest = text.slice(start);
    if (overlong > 0) overlong += rest.length;
    else if (rest.length > maxChars) {
      overlong = rest.length;
      overlongExcerpt = rest.slice(0, EXCERPT_OF_OVERLONG);
    } else carry = rest;
  }
  if (overlong > 0) yield { line: line + 1, text: overlongExcerpt, overlong, unterminated: true };
  else if (carry.length > 0) {
    const text = separator === '\n' && carry.endsWith('\r') ? carry.slice(0, -1) : carry;
    yield { line: line + 1, text, unterminated: true };
  }
}
