import { NonObpRoute } from '../auth/non-obp-route.decorator';
import { Controller, Get, Header, Inject, Module } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One registry per application instance (a global registry breaks when tests start several apps). */
export class AppMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'obp_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'obp_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

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
      const route = request.routeOptions.url ?? 'unmatched';
      this.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      this.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      done();
    });
  }
}

@NonObpRoute()
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(AppMetrics) private readonly metrics: AppMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

@Module({
  controllers: [MetricsController],
  providers: [{ provide: AppMetrics, useFactory: () => new AppMetrics(true) }],
  exports: [AppMetrics],
})
export class MetricsModule {}
