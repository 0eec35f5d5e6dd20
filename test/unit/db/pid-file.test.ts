// The embedded launcher's pid file belongs to the launcher that wrote it: stopping an older
// launcher (the server's own, after Neo4j was killed and `db start` started a new one) leaves the
// new launcher's file in place, so `db stop` still finds it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/src/config.js';
import { pidFile, removePidFile } from '../../../server/src/db/embedded.js';

describe('launcher pid file', () => {
  const config = loadConfig({ RINGSCOPE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-pid-')) });
  fs.mkdirSync(config.embedded.home, { recursive: true });

  it('is left alone when it names another launcher', () => {
    fs.writeFileSync(pidFile(config), '424242');
    removePidFile(config, 111);
    expect(fs.readFileSync(pidFile(config), 'utf8')).toBe('424242');
  });

  it('is removed by the launcher it names', () => {
    fs.writeFileSync(pidFile(config), '424242\n');
    removePidFile(config, 424242);
    expect(fs.existsSync(pidFile(config))).toBe(false);
    removePidFile(config, 424242); // no file: nothing happens
  });
});
