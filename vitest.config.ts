// Test tiers: unit (pure, fast), integration (*.int.test.ts, real Neo4j), e2e (*.e2e.test.ts, real
// Chromium against the real server). Integration and e2e share one Neo4j started by the global
// setup (or NEO4J_URI) and run one file at a time, because each file owns the database while it runs.
import { defineConfig } from 'vitest/config';

// Quiet by default: the server's logger, the Neo4j driver's warnings (connection errors the
// outage tests cause on purpose) and CLI children log at `error`. Failures still show as failed
// assertions and error lines; RINGSCOPE_LOG_LEVEL=info npm test shows everything.
const env = { RINGSCOPE_LOG_LEVEL: process.env.RINGSCOPE_LOG_LEVEL ?? 'error' };
const setupFiles = ['test/setup/log-level.ts'];

/** A tier whose files share the one Neo4j of the global setup, one file at a time. */
const withDatabase = (name: string, include: string) => ({
  test: {
    name,
    include: [include],
    env,
    setupFiles,
    globalSetup: ['test/setup/global-neo4j.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

export default defineConfig({
  test: {
    // Integration and e2e files share one database and wipe it: no two test files run at once,
    // across projects too (the unit files are fast enough to run one by one).
    fileParallelism: false,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env, setupFiles } },
      withDatabase('integration', 'test/integration/**/*.int.test.ts'),
      withDatabase('e2e', 'test/e2e/**/*.e2e.test.ts'),
    ],
  },
});
