import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Metrics } from './metrics';

export interface EndpointOptions {
  production: boolean;
  // METRICS_TOKEN: when set, a scrape must send `Authorization: Bearer <token>` (in any mode).
  token: string | null;
}

// GET /metrics. Open in development; in production only with METRICS_TOKEN (not set: refused,
// so the series never become public by an omission). 401 without a token, 403 with a wrong one.
export function metricsHandler(metrics: Metrics, { production, token }: EndpointOptions): RequestHandler {
  const expected = token ? digest(token) : null;
  return async (request, response, next) => {
    response.setHeader('cache-control', 'no-store');
    if (expected || production) {
      const sent = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
      if (!sent) {
        response.setHeader('www-authenticate', 'Bearer realm="metrics"');
        response.status(401).json({ error: 'Metrics need Authorization: Bearer <METRICS_TOKEN>.' });
        return;
      }
      if (!expected || !timingSafeEqual(digest(sent), expected)) {
        response.status(403).json({
          error: expected ? 'This is not the metrics token.' : 'Metrics are not public in production: set METRICS_TOKEN on the server.',
        });
        return;
      }
    }
    try {
      const { contentType, body } = await metrics.exposition();
      response.setHeader('content-type', contentType);
      response.send(body);
    } catch (error) {
      next(error);
    }
  };
}

// Same-length values for a constant-time comparison.
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
