// Property-based tests (fast-check) of every parser and normaliser between a file or a user and
// the graph: IPs, phones, emails, card parts, timestamps, entity ids, mapping files, saved-query
// headers and parameters, printable messages. For any input: a value or a clear rejection of the
// documented kind, never a crash; normal forms are stable (normalising twice changes nothing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MappingError, readMappingFile } from '../../../server/src/ingest/mapping-file.js';
import { IdError, parseId } from '../../../server/src/model/ids.js';
import { normaliseEmail } from '../../../server/src/model/normalise/email.js';
import { normaliseIp } from '../../../server/src/model/normalise/ip.js';
import { normalisePayment } from '../../../server/src/model/normalise/payment.js';
import { normalisePhone } from '../../../server/src/model/normalise/phone.js';
import { parseTime } from '../../../server/src/model/normalise/time.js';
import { printable, MAX_MESSAGE_CHARS } from '../../../server/src/printable.js';
import {
  convertParam,
  ParamError,
  parseSavedQuery,
  SavedQueryError,
  PARAM_TYPES,
} from '../../../server/src/queries/catalog.js';

/** Number of generated cases per property (see the report of issue 13). */
export const RUNS = 1000;
const opts = { numRuns: RUNS };
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Runs f; a thrown error must be of one of the given kinds with a short, printable message. */
function valueOrRejection<T>(f: () => T, ...kinds: (new (...a: never[]) => Error)[]): T | Error {
  try {
    return f();
  } catch (e) {
    if (!kinds.some((k) => e instanceof k)) throw e;
    expect((e as Error).message.length).toBeLessThanOrEqual(600);
    expect((e as Error).message).not.toMatch(UNSAFE);
    return e as Error;
  }
}

describe('normalisers', { timeout: 300_000 }, () => {
  it(`IPs: any text gives a canonical address or nothing; canonical forms are fixed points (${RUNS * 3} cases)`, () => {
    const stable = (raw: string) => {
      const ip = normaliseIp(raw);
      if (ip !== undefined) expect(normaliseIp(ip)).toBe(ip);
    };
    fc.assert(fc.property(text, stable), opts);
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(normaliseIp(` ${ip} `)).toBe(ip);
      }),
      opts,
    );
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const n = normaliseIp(ip);
        expect(n).toBeDefined();
        stable(ip);
      }),
      opts,
    );
  });

  it(`phones: digits or E.164 or nothing, stable (${RUNS * 2} cases)`, () => {
    const check = (raw: string) => {
      const p = normalisePhone(raw);
      if (p === undefined) return;
      expect(p).toMatch(/^\+?\d{6,15}$/);
      expect(normalisePhone(p)).toBe(p);
    };
    fc.assert(fc.property(text, check), opts);
    fc.assert(fc.property(fc.stringMatching(/^(\+|00)?[1-9][\d ()\-.]{5,18}$/), check), opts);
  });

  it(`emails: any text gives a lower-case key with one @ or nothing (${RUNS * 2} cases)`, () => {
    const check = (raw: string) => {
      const e = normaliseEmail(raw);
      if (!e) return;
      expect(e.key).toBe(e.key.toLowerCase());
      expect(e.key.split('@').length).toBe(2);
      expect(normaliseEmail(e.key)?.key).toBe(e.key);
    };
    fc.assert(fc.property(text, check), opts);
    fc.assert(
      fc.property(fc.emailAddress(), (a) => check(a)),
      opts,
    );
  });

  it(`card parts: a key without the full number, or nothing (${RUNS * 2} cases)`, () => {
    const part = fc.option(fc.oneof(text, fc.stringMatching(/^\d{4,19}$/)), { nil: undefined });
    fc.assert(
      fc.property(part, part, part, part, (fingerprint, bin, last4, expiry) => {
        const p = normalisePayment({ fingerprint, bin, last4, expiry });
        if (p) expect(typeof p.key).toBe('string');
      }),
      opts,
    );
    // A Luhn-valid PAN given as a fingerprint is never stored: only BIN, last 4 and a hash.
    fc.assert(
      fc.property(fc.stringMatching(/^4\d{14}$/), (body) => {
        let sum = 0;
        for (let i = 0; i < body.length; i++) {
          let d = Number(body[body.length - 1 - i]);
          if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
          sum += d;
        }
        const pan = body + String((10 - (sum % 10)) % 10);
        const p = normalisePayment({ fingerprint: pan })!;
        expect(p.key).not.toContain(pan);
        expect(p.bin).toBe(pan.slice(0, 6));
        expect(p.last4).toBe(pan.slice(-4));
      }),
      opts,
    );
  });

  it(`timestamps: any text gives a finite epoch or nothing; ISO dates read back exactly (${RUNS * 2} cases)`, () => {
    fc.assert(
      fc.property(text, (raw) => {
        const t = parseTime(raw);
        if (t !== undefined) expect(Number.isFinite(t)).toBe(true);
      }),
      opts,
    );
    fc.assert(
      fc.property(fc.date({ min: new Date('1971-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(parseTime(d.toISOString())).toBe(d.getTime());
      }),
      opts,
    );
  });

  it(`entity ids: an id or an IdError, never anything else (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.string().map((s) => `Account:${s}`),
        ),
        (raw) => {
          valueOrRejection(() => parseId(raw), IdError);
        },
      ),
      opts,
    );
  });

  it(`printable: escaped, short, whatever the input (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 5000 })), (raw) => {
        const p = printable(raw);
        expect(p).not.toMatch(UNSAFE);
        expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 40);
      }),
      opts,
    );
  });
});

describe('files a user writes', { timeout: 300_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-prop-map-'));
  let n = 0;

  it(`mapping files: any JSON or text is read or refused with a MappingError (${RUNS} cases)`, () => {
    const mappingish = fc.record(
      {
        kind: fc.oneof(fc.constantFrom('registration', 'login', 'order', 'link'), fc.string()),
        columns: fc.dictionary(
          fc.oneof(fc.constantFrom('accountId', 'ip', 'email', 'phone'), fc.string()),
          fc.string(),
        ),
        accountProps: fc.dictionary(fc.string(), fc.string()),
        required: fc.array(fc.string()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          mappingish.map((m) => JSON.stringify(m)),
          fc.json(),
          text,
        ),
        (content) => {
          const file = path.join(tmp, `${n++}.json`);
          fs.writeFileSync(file, content);
          valueOrRejection(() => readMappingFile(file), MappingError);
        },
      ),
      opts,
    );
  });

  it(`saved-query headers: any header is parsed or refused naming file and line (${RUNS} cases)`, () => {
    const headerLine = fc.oneof(
      text.map((s) => `// ${s}`),
      fc.constantFrom('// @mode read', '// @mode write', '// @mode', '// @param', '// @other x'),
      fc
        .tuple(fc.string(), fc.oneof(fc.constantFrom(...PARAM_TYPES), fc.string()), fc.option(fc.string()))
        .map(([name, type, def]) => `// @param ${name} ${type}${def === null ? '' : ` = ${def}`} a description`),
    );
    fc.assert(
      fc.property(
        fc.array(headerLine, { maxLength: 6 }),
        fc.oneof(text, fc.constant('MATCH (a) RETURN a LIMIT $limit')),
        (header, body) => {
          const q = valueOrRejection(
            () =>
              parseSavedQuery({
                name: 'queries/prop-test',
                file: 'cypher/queries/prop-test.cypher',
                text: [...header, body].join('\n'),
              }),
            SavedQueryError,
          );
          if (q instanceof SavedQueryError) expect(q.message).toMatch(/^cypher\/queries\/prop-test\.cypher:\d+: /);
        },
      ),
      opts,
    );
  });

  it(`saved-query parameters: any JSON value is converted or refused with a ParamError (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARAM_TYPES), fc.jsonValue(), (type, value) => {
        valueOrRejection(
          () =>
            convertParam(
              { name: 'p', type, required: true, default: null, description: '', min: null, max: null },
              value,
            ),
          ParamError,
        );
      }),
      opts,
    );
  });
});
