import { Module } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { HttpRequestMetrics } from './http-request-metrics';

/** One registry per application instance (a global registry breaks when tests start several apps). */
export class AppMetrics {
  readonly registry = new Registry();
  /** obp_http_requests_total and obp_http_request_duration_seconds. */
  readonly http = new HttpRequestMetrics(this.registry);

  readonly rateLimitStoreErrors = new Counter({
    name: 'obp_rate_limit_store_errors_total',
    help: 'Rate-limit counter store (Redis) failures; each let a call through unlimited',
    registers: [this.registry],
  });

  constructor(collectProcessMetrics: boolean) {
    if (collectProcessMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Labels by route pattern, never the raw URL, so ids do not explode the label set. */
  instrument(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      this.http.record(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }
}

/**
 * Serves GET /metrics (Prometheus text) on its own port, never on the API port: the Kubernetes
 * Service exposes only the API port, so metrics stay reachable for an in-cluster scraper only.
 * Anything else on this port is a 404. Resolves once listening.
 */
export async function startMetricsServer(metrics: AppMetrics, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if ((request.method === 'GET' || request.method === 'HEAD') && path === '/metrics') {
      metrics.registry.metrics().then(
        (text) => {
          response.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
          response.end(request.method === 'HEAD' ? undefined : text);
        },
        () => {
          response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end('metrics collection failed\n');
        },
      );
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('not found\n');
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

@Module({
  providers: [{ provide: AppMetrics, useFactory: () => new AppMetrics(true) }],
  exports: [AppMetrics],
})
export class MetricsModule {}
