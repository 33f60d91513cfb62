import type { Registry } from 'prom-client';

/** Upper bounds (seconds) of the latency histogram's buckets. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

/** One (method, route) pair: its calls by status and its latency histogram. */
interface Series {
  method: string;
  route: string;
  byStatus: Map<number, number>;
  /** Calls per bucket (not cumulative); the last slot counts those above every bound (+Inf). */
  buckets: number[];
  sum: number;
  count: number;
}

interface MetricValue {
  metricName?: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * obp_http_requests_total and obp_http_request_duration_seconds, recorded per request with one
 * Map lookup and a few additions. prom-client's labelled Counter.inc and Histogram.observe build
 * and hash a label object on every call, about 5 µs per request under load (CPU profile); here the
 * series are kept in plain numbers and turned into prom-client's exposition objects only when
 * /metrics is scraped. The output is what prom-client's Counter and Histogram print.
 */
export class HttpRequestMetrics {
  private readonly series = new Map<string, Series>();

  constructor(registry: Registry) {
    registry.registerMetric(this.counterMetric() as never);
    registry.registerMetric(this.histogramMetric() as never);
  }

  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route}`;
    let series = this.series.get(key);
    if (!series) {
      series = { method, route, byStatus: new Map(), buckets: new Array<number>(LATENCY_BUCKETS.length + 1).fill(0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    series.byStatus.set(status, (series.byStatus.get(status) ?? 0) + 1);
    let bucket = 0;
    while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]) bucket++;
    series.buckets[bucket]++;
    series.sum += seconds;
    series.count++;
  }

  /** The calls counted so far with these labels (tests). */
  count(method: string, route: string, status: number): number {
    return this.series.get(`${method} ${route}`)?.byStatus.get(status) ?? 0;
  }

  private counterMetric() {
    return this.metric('obp_http_requests_total', 'HTTP requests by method, route pattern and status', 'counter', () => {
      const values: MetricValue[] = [];
      for (const { method, route, byStatus } of this.series.values())
        for (const [status, value] of byStatus) values.push({ labels: { method, route, status: String(status) }, value });
      return values;
    });
  }

  private histogramMetric() {
    const name = 'obp_http_request_duration_seconds';
    return this.metric(name, 'HTTP request latency by method and route pattern', 'histogram', () => {
      const values: MetricValue[] = [];
      for (const { method, route, buckets, sum, count } of this.series.values()) {
        let cumulative = 0;
        LATENCY_BUCKETS.forEach((le, i) => {
          cumulative += buckets[i];
          values.push({ metricName: `${name}_bucket`, labels: { le, method, route }, value: cumulative });
        });
        values.push({ metricName: `${name}_bucket`, labels: { le: '+Inf', method, route }, value: count });
        values.push({ metricName: `${name}_sum`, labels: { method, route }, value: sum });
        values.push({ metricName: `${name}_count`, labels: { method, route }, value: count });
      }
      return values;
    });
  }

  /** A metric as the registry reads it: its description, and its values worked out at scrape time. */
  private metric(name: string, help: string, type: 'counter' | 'histogram', values: () => MetricValue[]) {
    const description = { name, help, type, aggregator: 'sum' };
    return { ...description, get: () => ({ ...description, values: values() }), reset: () => this.series.clear() };
  }
}
