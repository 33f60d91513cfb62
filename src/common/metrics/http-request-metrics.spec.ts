import { Counter, Histogram, Registry } from 'prom-client';
import { HttpRequestMetrics, LATENCY_BUCKETS } from './http-request-metrics';

/** The same calls recorded by prom-client's own labelled Counter and Histogram: the text they print. */
async function promClientText(calls: [string, string, number, number][]): Promise<string> {
  const registry = new Registry();
  const requests = new Counter({
    name: 'obp_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'obp_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [...LATENCY_BUCKETS],
    registers: [registry],
  });
  for (const [method, route, status, seconds] of calls) {
    requests.inc({ method, route, status: String(status) });
    latency.observe({ method, route }, seconds);
  }
  return registry.metrics();
}

describe('HttpRequestMetrics', () => {
  // Bounds are inclusive (le): 0.001 falls in the first bucket, 3 s above every bound (+Inf only).
  const calls: [string, string, number, number][] = [
    ['GET', '/obp/v5.1.0/root', 200, 0.0004],
    ['GET', '/obp/v5.1.0/root', 200, 0.001],
    ['GET', '/obp/v5.1.0/root', 404, 0.03],
    ['POST', '/obp/v5.1.0/banks/:BANK_ID/customers', 201, 0.012],
    ['GET', 'unmatched', 404, 3],
  ];

  it('prints what prom-client prints for the same calls, line for line', async () => {
    const registry = new Registry();
    const metrics = new HttpRequestMetrics(registry);
    for (const call of calls) metrics.record(...call);
    expect(await registry.metrics()).toBe(await promClientText(calls));
  });

  it('counts per method, route and status', () => {
    const metrics = new HttpRequestMetrics(new Registry());
    for (const call of calls) metrics.record(...call);
    expect(metrics.count('GET', '/obp/v5.1.0/root', 200)).toBe(2);
    expect(metrics.count('GET', '/obp/v5.1.0/root', 404)).toBe(1);
    expect(metrics.count('DELETE', '/obp/v5.1.0/root', 200)).toBe(0);
  });

  it('reads as JSON like any registered metric', async () => {
    const registry = new Registry();
    new HttpRequestMetrics(registry).record('GET', '/x', 200, 0.002);
    const json = await registry.getMetricsAsJSON();
    const counter = json.find((metric) => metric.name === 'obp_http_requests_total');
    expect(counter?.values).toEqual([{ labels: { method: 'GET', route: '/x', status: '200' }, value: 1 }]);
  });
});
