// Admin API for domain monitoring and TLS reporting (behind the admin token):
//   GET /domains/:domain        → status (first seen, TLS evidence) and probe history
//   GET /tls-reports/:day       → the RFC 8460 reports for a UTC day (YYYY-MM-DD)
import { Hono } from 'hono';
import type { DomainStatusStore } from '../deliver/probe/status-store.ts';
import type { TlsReportStore } from '../stores/tls-report-store.ts';

export function domainApi(store: DomainStatusStore): Hono {
  const app = new Hono();
  app.get('/:domain', async (c) => {
    const domain = c.req.param('domain').toLowerCase();
    const status = await store.get(domain);
    if (!status) return c.json({ error: `no status for ${domain}: no message for it has been seen` }, 404);
    return c.json({ status, history: await store.history(domain, 30) });
  });
  return app;
}

export function tlsReportApi(store: TlsReportStore, organizationName: string): Hono {
  const app = new Hono();
  app.get('/:day', async (c) => {
    const day = c.req.param('day');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return c.json({ error: 'day: expected YYYY-MM-DD' }, 400);
    return c.json(await store.reportsForDay({ organizationName, contactInfo: `postmaster@${organizationName}`, day }));
  });
  return app;
}
