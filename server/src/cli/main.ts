// The `ringscope` command line: one file per command in this folder. Each command parses its
// options, opens what it needs and prints text (or JSON with --json).
import { Command, CommanderError } from 'commander';
import { registerDb } from './db.js';
import { registerDetect } from './detect.js';
import { registerEvaluate } from './evaluate.js';
import { registerGenerate } from './generate.js';
import { registerIngest } from './ingest.js';
import { registerQuery } from './query.js';
import { registerReport } from './report.js';
import { registerRings } from './rings.js';
import { registerRisk } from './risk.js';
import { registerServe } from './serve.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('ringscope')
    .description('Graph-based fraud ring explorer: ingest logs into Neo4j, detect rings, explore them.')
    .showHelpAfterError()
    .exitOverride();
  for (const register of [
    registerDb,
    registerGenerate,
    registerIngest,
    registerDetect,
    registerRisk,
    registerRings,
    registerEvaluate,
    registerQuery,
    registerReport,
    registerServe,
  ])
    register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `ringscope detect | head` closes stdout early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    console.error(`ringscope: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
