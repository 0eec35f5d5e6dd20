import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config.js';
import { splitStatements } from '../../server/src/db/cypher-catalog.js';
import { assertSafeBinding } from '../../server/src/http/serve.js';

describe('loadConfig', () => {
  it('defaults to the embedded database on loopback port 4000', () => {
    const c = loadConfig({});
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.http).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(c.embedded.boltPort).toBe(7687);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NEO4J_URI: 'http://x' })).toThrow(/NEO4J_URI/);
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD is required/);
    expect(() => loadConfig({ RINGSCOPE_LOG_LEVEL: 'loud' })).toThrow(
      'RINGSCOPE_LOG_LEVEL: RINGSCOPE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('logs at info unless told otherwise', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ RINGSCOPE_LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('parses tokens into roles and rejects unknown roles without echoing the token', () => {
    const c = loadConfig({ RINGSCOPE_TOKENS: 'aaaaaaaaaaaaaaaa1:admin, bbbbbbbbbbbbbbbb2:viewer' });
    expect(c.tokens.get('aaaaaaaaaaaaaaaa1')).toBe('admin');
    expect(c.tokens.get('bbbbbbbbbbbbbbbb2')).toBe('viewer');
    let message = '';
    try {
      loadConfig({ RINGSCOPE_TOKENS: 'secretsecretsecret:root' });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/role one of viewer/);
    expect(message).not.toContain('secretsecretsecret');
  });

  it('refuses a non-loopback address without tokens', () => {
    expect(() => assertSafeBinding(loadConfig({ HOST: '0.0.0.0' }))).toThrow(/RINGSCOPE_TOKENS/);
    expect(() =>
      assertSafeBinding(loadConfig({ HOST: '0.0.0.0', RINGSCOPE_TOKENS: 'aaaaaaaaaaaaaaaa1:viewer' })),
    ).not.toThrow();
    expect(() => assertSafeBinding(loadConfig({ HOST: '127.0.0.1' }))).not.toThrow();
  });
});

describe('splitStatements', () => {
  it('splits on line-ending semicolons and drops comment lines', () => {
    expect(splitStatements('// head\nCREATE A;\nCREATE B;\n')).toEqual(['CREATE A', 'CREATE B']);
  });
});
