// The server's logger (pino, JSON lines on stderr so a command's stdout stays its output). The
// Neo4j driver and Apollo Server log through it too; RINGSCOPE_LOG_LEVEL sets the level.
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export const log: Logger = pino({ name: 'ringscope', level: 'info' }, pino.destination(2));

export function setLogLevel(level: LogLevel): void {
  log.level = level;
}

type DriverLevel = 'error' | 'warn' | 'info' | 'debug';

/**
 * The neo4j-driver `logging` option, writing to pino at the configured level (also where nothing
 * has called setLogLevel, as in tests). The driver's info lines (pool and routing chatter) are
 * only wanted when debugging, so below debug it reports warnings and errors only.
 */
export function driverLogging(level: LogLevel): { level: DriverLevel; logger: (l: DriverLevel, msg: string) => void } {
  const child = log.child({ component: 'neo4j-driver' }, { level });
  return {
    level: level === 'debug' || level === 'trace' ? 'debug' : 'warn',
    logger: (l, msg) => child[l](msg),
  };
}

/** Apollo Server's Logger interface, writing to pino. */
export function apolloLogger() {
  const child = log.child({ component: 'apollo' });
  return {
    debug: (msg: unknown) => child.debug(String(msg)),
    info: (msg: unknown) => child.info(String(msg)),
    warn: (msg: unknown) => child.warn(String(msg)),
    error: (msg: unknown) => child.error(String(msg)),
  };
}
