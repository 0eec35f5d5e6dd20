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
