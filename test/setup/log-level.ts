// Runs in each test worker before its files: the server's logger takes RINGSCOPE_LOG_LEVEL (set
// to `error` by vitest.config.ts unless given), as `serve` and the CLI commands do at start-up.
import { loadConfig } from '../../server/src/config.js';
import { setLogLevel } from '../../server/src/log.js';

setLogLevel(loadConfig(process.env).logLevel);
