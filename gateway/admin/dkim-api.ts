// Admin API: the DKIM TXT record to publish for a sender domain (generating its key on first
// use). The private key never leaves the gateway.
import { Hono } from 'hono';
import { z } from 'zod';
import type { DkimKeyring } from '../secure/dkim/keyring.ts';

const domainSchema = z.string().regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'expected a domain name like clinic.example');

export function dkimApi(keyring: DkimKeyring): Hono {
  const app = new Hono();
  app.get('/:domain', async (c) => {
    const domain = domainSchema.safeParse(c.req.param('domain'));
    if (!domain.success) return c.json({ error: `domain: ${domain.error.issues[0].message}` }, 400);
    const record = await keyring.dnsRecord(domain.data.toLowerCase());
    return c.json(record);
  });
  return app;
}
