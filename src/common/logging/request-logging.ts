import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * One log line per finished request, written from Fastify's onResponse hook with the fields
 * pino-http used to write (req, correlationId, res, responseTime; "request completed", or
 * "request errored" with err from status 500 on).
 *
 * Why not pino-http (through nestjs-pino): as Nest middleware it built two child loggers and
 * attached listeners for every request, and ran the rest of the request inside an
 * AsyncLocalStorage context (every promise then pays for async hooks), even when the level hid
 * the line. Here a hidden level costs one comparison.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (logger.isLevelEnabled('info')) {
      const statusCode = reply.statusCode;
      const line = {
        req: { method: request.method, url: request.url, headers: request.headers },
        correlationId: request.id,
        // The raw response's own headers, as pino-http logged them (Fastify passes its headers to writeHead).
        res: { statusCode, headers: reply.raw.getHeaders() },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (statusCode >= 500) logger.info({ ...line, err: new Error(`failed with status code ${statusCode}`) }, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
