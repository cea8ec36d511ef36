import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** A registry per app (not prom-client's global one), so several apps in one test process do not collide. */
export function createMetrics(streamCount: () => number) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ioc_' });
  const requests = new Counter({
    name: 'ioc_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'ioc_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'ioc_sse_clients',
    help: 'Open live-event streams',
    registers: [registry],
    collect() {
      this.set(streamCount());
    },
  });
  return { registry, requests, duration };
}

export type Metrics = ReturnType<typeof createMetrics>;
