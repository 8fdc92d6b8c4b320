// The HTTP side: health and metrics for operators, and the admin API (bearer token) that the
// CLI uses while a running gateway holds the embedded database.
import crypto from 'node:crypto';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { exportAudit } from '../audit/export.ts';
import { verifyChain } from '../audit/verify.ts';
import type { KeyRing } from '../spool/crypto.ts';
import type { Metrics } from '../observe/metrics.ts';

export interface HttpDeps {
  database: Database;
  ring: KeyRing;
  metrics: Metrics;
  adminToken: string;
  /** Further admin sub-apps, mounted under /api/admin behind the same token. */
  adminRoutes?: Array<[string, Hono]>;
}

const exportQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  format: z.enum(['csv', 'json']).default('csv'),
});

export function createHttpApp(deps: HttpDeps): Hono {
  const app = new Hono();

  app.get('/healthz', async (c) => {
    try {
      await deps.database.ping();
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable', reason: 'database does not answer' }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    const text = await deps.metrics.registry.metrics();
    return c.body(text, 200, { 'content-type': deps.metrics.registry.contentType });
  });

  const admin = new Hono();
  admin.use('*', async (c, next) => {
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    const a = crypto.createHash('sha256').update(given).digest();
    const b = crypto.createHash('sha256').update(deps.adminToken).digest();
    if (!given || !crypto.timingSafeEqual(a, b)) return c.json({ error: 'missing or wrong admin token' }, 401);
    await next();
  });
  admin.get('/audit/verify', async (c) => c.json(await verifyChain(deps.database.db, deps.ring.auditKey)));
  admin.get('/audit/export', async (c) => {
    const q = exportQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, 400);
    const range = dayRange(q.data.from, q.data.to);
    if ('error' in range) return c.json({ error: range.error }, 400);
    c.header('content-type', q.data.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json');
    return stream(c, async (s) => {
      for await (const part of exportAudit(deps.database.db, range, q.data.format)) await s.write(part);
    });
  });
  for (const [path, sub] of deps.adminRoutes ?? []) admin.route(path, sub);
  app.route('/api/admin', admin);
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((err, c) => c.json({ error: 'internal error', detail: err.message.slice(0, 200) }, 500));
  return app;
}

/** `--from`/`--to` are whole UTC days, both inclusive. */
export function dayRange(from: string, to: string): { from: Date; to: Date } | { error: string } {
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(`${to}T00:00:00.000Z`);
  if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== from) return { error: `--from ${from} is not a valid date` };
  if (Number.isNaN(end.getTime()) || end.toISOString().slice(0, 10) !== to) return { error: `--to ${to} is not a valid date` };
  if (end < start) return { error: '--to is before --from' };
  return { from: start, to: new Date(end.getTime() + 86400_000) };
}
