// Prometheus metrics. Labels carry methods and outcomes only: never an address or content.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics(queueDepth: () => Promise<number>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'phigate_process_' });
  const m = {
    registry,
    received: new Counter({ name: 'phigate_messages_received_total', help: 'Messages offered by tenants, by outcome (accepted, rejected, tempfail)', labelNames: ['outcome'], registers: [registry] }),
    delivered: new Counter({ name: 'phigate_messages_delivered_total', help: 'Recipients delivered, by method', labelNames: ['method'], registers: [registry] }),
    deferred: new Counter({ name: 'phigate_messages_deferred_total', help: 'Delivery attempts deferred for a later retry', registers: [registry] }),
    bounced: new Counter({ name: 'phigate_messages_bounced_total', help: 'Recipients bounced to the sender with a DSN', registers: [registry] }),
    dropped: new Counter({ name: 'phigate_messages_dropped_total', help: 'Recipients dropped by policy', registers: [registry] }),
    relayRefused: new Counter({ name: 'phigate_relay_refused_total', help: 'RCPT refused because the client is outside the tenant networks', registers: [registry] }),
    tenantRefused: new Counter({ name: 'phigate_tenant_refused_total', help: 'Messages refused because the tenant header was missing or wrong', labelNames: ['reason'], registers: [registry] }),
    attempts: new Counter({ name: 'phigate_delivery_attempts_total', help: 'Delivery attempts by result and TLS', labelNames: ['result', 'tls'], registers: [registry] }),
    deliveryLatency: new Histogram({
      name: 'phigate_delivery_latency_seconds',
      help: 'Time from acceptance to delivery',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 86400],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'phigate_queue_depth',
      help: 'Delivery jobs waiting (due or deferred)',
      registers: [registry],
      async collect() {
        try {
          this.set(await queueDepth());
        } catch {
          // A scrape during a database outage reports the last value rather than failing.
        }
      },
    }),
  };
  return m;
}

export type Metrics = ReturnType<typeof createMetrics>;
