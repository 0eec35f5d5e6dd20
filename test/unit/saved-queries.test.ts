import { describe, expect, it } from 'vitest';
import { bindParams, parseSavedQuery, SavedQueryError } from '../../server/src/queries/catalog.js';

const file = (text: string, name = 'queries/sample') => ({ name, file: `/x/${name}.cypher`, text });

describe('saved-query header parsing', () => {
  it('reads description, mode and typed parameters with defaults', () => {
    const q = parseSavedQuery(
      file(
        '// Accounts.\n// @mode read\n// @param id String  the key\n// @param limit Int = 10  rows\nMATCH (a:Account {key: $id}) RETURN a LIMIT $limit',
      ),
    );
    expect(q).toMatchObject({ name: 'sample', mode: 'read', description: 'Accounts.' });
    expect(q.params.map((p) => [p.name, p.type, p.required, p.default])).toEqual([
      ['id', 'String', true, null],
      ['limit', 'Int', false, '10'],
    ]);
  });

  it('rejects a write clause in a read query, naming file and line', () => {
    const err = (() => {
      try {
        parseSavedQuery(file('// Bad.\n// @mode read\nMATCH (a:Account)\nSET a.risk = 1\nRETURN a'));
      } catch (e) {
        return e as SavedQueryError;
      }
    })();
    expect(err).toBeInstanceOf(SavedQueryError);
    expect(err?.message).toBe("/x/queries/sample.cypher:4: '@mode read' query contains a write clause (SET)");
  });

  it('ignores keywords inside strings but catches undeclared and unused parameters', () => {
    expect(() =>
      parseSavedQuery(file("// Ok.\n// @mode read\nMATCH (a) WHERE a.note = 'SET me' RETURN a")),
    ).not.toThrow();
    expect(() => parseSavedQuery(file('// X.\n// @mode read\nMATCH (a {key: $k}) RETURN a'))).toThrow(
      /sample.cypher:3: parameter '\$k' is used but not declared/,
    );
    expect(() => parseSavedQuery(file('// X.\n// @mode read\n// @param k String  key\nRETURN 1'))).toThrow(
      /'k' is declared but not used/,
    );
  });

  it('converts parameter values by type and treats Cypher in values as data', () => {
    const q = parseSavedQuery(
      file(
        '// X.\n// @mode read\n// @param id String  key\n// @param n Int = 5  rows\nMATCH (a {key: $id}) RETURN a LIMIT $n',
      ),
    );
    const bound = bindParams(q, { id: "x' OR 1=1 //" });
    expect(bound.id).toBe("x' OR 1=1 //");
    expect(String(bound.n)).toBe('5');
    expect(() => bindParams(q, { id: 'a', n: 'ten' })).toThrow(/parameter 'n' must be a whole number/);
    expect(() => bindParams(q, {})).toThrow(/needs parameter 'id'/);
    expect(() => bindParams(q, { id: 'a', extra: 1 })).toThrow(/has no parameter 'extra'/);
  });
});

describe('parameter ranges and account keys', () => {
  const q = parseSavedQuery(
    file(
      '// X.\n// @mode read\n// @param accountId AccountKey  key\n// @param minAccounts Int[1..1000] = 4  n\n// @param minRisk Float[0..1] = 0.5  r\nMATCH (a {key: $accountId}) WHERE a.n >= $minAccounts AND a.risk >= $minRisk RETURN a',
    ),
  );

  it('says which parameter is out of range and what is allowed, instead of returning nothing', () => {
    expect(() => bindParams(q, { accountId: 'u_1', minAccounts: -5 })).toThrow(
      /parameter 'minAccounts' must be at least 1, got -5/,
    );
    expect(() => bindParams(q, { accountId: 'u_1', minRisk: 2 })).toThrow(
      /parameter 'minRisk' must be at most 1, got 2/,
    );
    expect(String(bindParams(q, { accountId: 'u_1', minAccounts: 1000 }).minAccounts)).toBe('1000');
  });

  it('accepts an account id copied from the canvas (Account:<key>) and refuses other kinds of id', () => {
    expect(bindParams(q, { accountId: 'Account:u_1042' }).accountId).toBe('u_1042');
    expect(bindParams(q, { accountId: ' u_7 ' }).accountId).toBe('u_7');
    expect(() => bindParams(q, { accountId: 'IP:1.2.3.4' })).toThrow(/'IP' ids are not accounts/);
    expect(() => bindParams(q, { accountId: 'Account:' })).toThrow(/must be an account key/);
  });

  it('refuses a range on a type that has no order, naming the file and line', () => {
    expect(() => parseSavedQuery(file('// X.\n// @mode read\n// @param s String[1..2]  s\nRETURN $s'))).toThrow(
      SavedQueryError,
    );
  });
});
