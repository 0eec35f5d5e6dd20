// GET /health: the health service's answer, 200 when the graph database is reachable, 503 when not.
import type { Request, Response } from 'express';
import type { Database } from '../db/database.js';
import { readHealth } from '../explore/health.js';

export function healthHandler(db: Database) {
  return async (_req: Request, res: Response) => {
    const health = await readHealth(db);
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  };
}
