// Data commands of the CLI: generate, ingest, detect, query, report.
import type { Command } from 'commander';
import type { Config } from './config.js';

export function registerDataCommands(_program: Command, _config: () => Config): void {}
