import type { Request, Response } from 'express';
import type { CachedBody } from '../AnswerCache';

/**
 * Sends a cached answer with its entity tag: a client that has it gets 304, and
 * Express does not hash the body again.
 */
export function sendCached(
  req: Request,
  res: Response,
  type: string,
  cached: CachedBody,
) {
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  // Each encoding is its own representation, with its own tag.
  const etag = gzip ? `${cached.etag.slice(0, -1)}-gz"` : cached.etag;
  res.setHeader('Content-Type', type);
  res.setHeader('ETag', etag);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', 'private, no-cache');
  // Where the answer came from (this process, the replicas' shared cache, or made
  // afresh) and how long that took, for the browser's developer tools and operators.
  if (cached.source)
    res.setHeader(
      'Server-Timing',
      `answer;desc="${cached.source}"${
        cached.ms === undefined ? '' : `;dur=${cached.ms.toFixed(1)}`
      }`,
    );
  // Express compares If-None-Match with the ETag set above: lists, weak tags and `*`.
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  // Already compressed: the server's compression middleware leaves it as it is.
  const body = gzip ? cached.gzipped() : cached.body;
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', body.length);
  res.end(body);
}
