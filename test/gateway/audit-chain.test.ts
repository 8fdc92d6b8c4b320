// Tamper evidence: alter, remove or reorder an audit row directly in the database and
// `phigate audit verify` exits 1 naming the first bad event.
import { PGlite } from '@electric-sql/pglite';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startGateway, tempDir, waitFor } from '../support/gateway-process.ts';
import { createTestDatabase, sharedPostgresAvailable } from '../support/postgres.ts';
import { RawSmtp, testMessage } from '../support/smtp-raw.ts';
import { startSink, type Sink } from '../support/sink.ts';

const backends = (await sharedPostgresAvailable()) ? ['postgres', 'pglite'] : ['pglite'];

interface Sql {
  exec(q: string): Promise<void>;
  close(): Promise<void>;
}

describe.each(backends)('audit chain on %s', (backend) => {
  let sink: Sink;
  let env: NodeJS.ProcessEnv;
  let sql: Sql;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    sink = await startSink();
    const base: Record<string, string> = { PHIGATE_TRANSPORT: `*=127.0.0.1:${sink.port}`, PHIGATE_DATA_DIR: tempDir('audit') };
    if (backend === 'postgres') {
      const db = await createTestDatabase();
      base.DATABASE_URL = db.url;
      drop = db.drop;
    }
    const gw = await startGateway(base);
    const c = await RawSmtp.connect(gw.smtpPort);
    await c.read();
    await c.cmd('EHLO t.test');
    for (let i = 0; i < 3; i++) {
      await c.cmd('MAIL FROM:<clinician@clinic.test>');
      await c.cmd(`RCPT TO:<p${i}@example.org>`);
      await c.cmd('DATA');
      c.write(testMessage(`<audit-${i}@clinic.test>`) + '\r\n.\r\n');
      expect(await c.read()).toMatch(/^250/);
    }
    c.close();
    await waitFor(() => sink.received.length >= 3, { what: 'deliveries' });
    await new Promise((r) => setTimeout(r, 300));
    env = gw.env;
    // PGlite allows one process: stop the gateway before the test opens the files itself.
    expect(await gw.stop()).toBe(0);
    if (backend === 'postgres') {
      const client = postgres(base.DATABASE_URL, { max: 1, onnotice: () => {} });
      sql = { exec: async (q) => void (await client.unsafe(q)), close: () => client.end() };
    } else {
      const client = await PGlite.create(path.join(base.PHIGATE_DATA_DIR, 'pgdata'));
      sql = { exec: async (q) => void (await client.exec(q)), close: () => client.close() };
    }
  });

  afterAll(async () => {
    await sql?.close();
    await sink?.close();
    await drop?.();
  });

  // Each case tampers with a copy-protected table and restores it afterwards.
  const backup = () => sql.exec('create table audit_backup as select * from audit_events');
  const restore = () => sql.exec('delete from audit_events; insert into audit_events select * from audit_backup; drop table audit_backup');
  const verify = async () => {
    if (backend === 'pglite') await sql.close();
    const r = await runCli(['audit', 'verify'], env);
    if (backend === 'pglite') {
      const client = await PGlite.create(path.join(env.PHIGATE_DATA_DIR!, 'pgdata'));
      sql = { exec: async (q) => void (await client.exec(q)), close: () => client.close() };
    }
    return r;
  };

  it('is intact after normal operation', async () => {
    const r = await verify();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^audit chain intact: 1[0-9] events$/m);
  });

  it('names an altered event', async () => {
    await backup();
    await sql.exec(`update audit_events set recipient = 'someone-else@example.org' where seq = 5`);
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken at event 5: event 5 \(\w+\) was altered/);
    await restore();
    expect((await verify()).code).toBe(0);
  });

  it('names a removed event', async () => {
    await backup();
    await sql.exec(`delete from audit_events where seq = 3`);
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken at event 3: event 3 was removed/);
    await restore();
    expect((await verify()).code).toBe(0);
  });

  it('names reordered events', async () => {
    // Swap the content of events 6 and 7 (seq kept), as a reorder by an editor would.
    await backup();
    await sql.exec(`update audit_events set seq = -6 where seq = 6; update audit_events set seq = 6 where seq = 7; update audit_events set seq = 7 where seq = -6`);
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken at event 6: event 6 does not follow event 5/);
    await restore();
    expect((await verify()).code).toBe(0);
  });
});
