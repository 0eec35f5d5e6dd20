// GET /health: 200 when the graph database is reachable, 503 when not. Answered at once from the
// last check, which runs every 2 s in the background on a connection pool of its own, so a server
// busy with heavy queries still answers /health immediately. With tokens configured, callers without a valid token
// only get the status, not the version and counts.
import type { Request, Response } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { readHealth, type Health } from '../explore/health.js';
import { callerOrNone } from '../graphql/auth.js';

export class HealthProbe {
  private last: Health | undefined;
  private pending: Promise<Health> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly everyMs = 2_000,
  ) {}

  /** Checks now and then every `everyMs` in the background (one check at a time). */
  start(): this {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.everyMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The latest finished check; only the very first call waits for one. */
  async read(): Promise<Health> {
    if (!this.timer && !this.pending) void this.refresh();
    return this.last ?? (await this.pending)!;
  }

  private refresh(): Promise<Health> {
    this.pending ??= readHealth(this.db)
      .then((h) => (this.last = h))
      .finally(() => (this.pending = undefined));
    return this.pending;
  }
}

export function healthHandler(probe: HealthProbe, config: Config) {
  return async (req: Request, res: Response) => {
    const health = await probe.read();
    const status = health.status === 'ok' ? 200 : 503;
    if (config.tokens.size > 0 && !callerOrNone(req, config)) res.status(status).json({ status: health.status });
    else res.status(status).json(health);
  };
}
