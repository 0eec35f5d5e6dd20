// Everything a client can get wrong before GraphQL sees the request, answered as JSON with
// extensions.code (never Express's HTML page, a stack trace or a path): a body that is not JSON,
// one too large, a Host header that is not this server (DNS rebinding on the no-token loopback).
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config.js';
import { log } from '../log.js';

export function sendError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** POST /graphql must say its body is JSON (GET keeps Apollo's own query-string handling). */
export function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'POST' || req.is('application/json')) return next();
  sendError(
    res,
    415,
    'BAD_REQUEST',
    `the request body must be JSON (content-type: application/json), not '${String(req.headers['content-type'] ?? 'none').slice(0, 60)}'`,
  );
}

/** The last error handler: body parser failures and anything unexpected, as JSON. */
export function jsonErrors(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  const e = err as { type?: string; status?: number; limit?: number };
  if (e.type === 'entity.too.large')
    return sendError(res, 413, 'BAD_REQUEST', `the request body is larger than the limit of ${e.limit} bytes`);
  if (e.type === 'entity.parse.failed') return sendError(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return sendError(res, 415, 'BAD_REQUEST', 'the request body must be UTF-8 JSON');
  if (e.status && e.status >= 400 && e.status < 500)
    return sendError(res, e.status, 'BAD_REQUEST', 'the request could not be read');
  log.error({ err }, 'unexpected error in an HTTP request');
  sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal server error');
}

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The host name of a Host header, without the port; lower case. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

/**
 * Without tokens the loopback user is admin, so a page on another site must not reach this
 * server through a DNS name rebound to 127.0.0.1: only requests naming this machine get through.
 */
export function hostAllowList(config: Config) {
  const allowed = new Set([...LOCAL_NAMES, config.http.host.toLowerCase()]);
  return (req: Request, res: Response, next: NextFunction) => {
    if (config.tokens.size > 0) return next();
    const host = req.headers.host;
    if (host && allowed.has(hostName(host))) return next();
    sendError(
      res,
      403,
      'FORBIDDEN',
      `Host '${String(host ?? '').slice(0, 80)}' is not this server: without tokens only localhost names are served`,
    );
  };
}
