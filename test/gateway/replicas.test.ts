// Several gateways on one Postgres: each job is delivered once, and a crashed replica's leased
// jobs are taken over by another replica when the lease expires.
import { afterAll, describe, expect, it } from 'vitest';
import { sleep, startGateway, waitFor, type GatewayProcess } from '../support/gateway-process.ts';
import { createTestDatabase, sharedPostgresAvailable } from '../support/postgres.ts';
import { startSink, type Sink } from '../support/sink.ts';
import { sendOnSession } from '../support/smtp-raw.ts';

const pg = await sharedPostgresAvailable();
// Replicas share the master key (the database's key check refuses a different one).
const PHIGATE_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

describe.runIf(pg)('replicas sharing one Postgres', () => {
  const gateways: GatewayProcess[] = [];
  const sinks: Sink[] = [];
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const g of gateways) await g.stop('SIGKILL');
    for (const s of sinks) await s.close();
    for (const d of drops) await d();
  });

  const messageIds = (sink: Sink) => sink.received.map((r) => /Message-ID: (<[^>]+>)/.exec(r.raw.toString('latin1'))?.[1]);

  it('delivers each message exactly once with two replicas claiming from one queue', async () => {
    const db = await createTestDatabase();
    drops.push(db.drop);
    const sink = await startSink();
    sinks.push(sink);
    const env = { DATABASE_URL: db.url, PHIGATE_MASTER_KEY, PHIGATE_TRANSPORT: `*=127.0.0.1:${sink.port}`, PHIGATE_POLL_SECONDS: '0.2' };
    const a = await startGateway({ ...env, PHIGATE_INSTANCE_ID: 'replica-a' });
    const b = await startGateway({ ...env, PHIGATE_INSTANCE_ID: 'replica-b' });
    gateways.push(a, b);
    const accepted = new Set<string>();
    // All mail enters through A; B only competes for the delivery jobs.
    await Promise.all(Array.from({ length: 8 }, (_, s) => sendOnSession(a.smtpPort, `rep-${s}`, 25, accepted, () => false)));
    expect(accepted.size).toBe(200);
    await waitFor(() => sink.received.length >= 200, { what: '200 deliveries' });
    await sleep(500);
    const ids = messageIds(sink);
    expect(ids.length).toBe(200);
    expect(new Set(ids).size).toBe(200);
  });

  it('refuses to start a replica whose master key differs from the database\'s', async () => {
    const db = await createTestDatabase();
    drops.push(db.drop);
    const first = await startGateway({ DATABASE_URL: db.url, PHIGATE_MASTER_KEY });
    gateways.push(first);
    await expect(startGateway({ DATABASE_URL: db.url, PHIGATE_MASTER_KEY: Buffer.alloc(32, 8).toString('base64') })).rejects.toThrow(/PHIGATE_MASTER_KEY does not match the key this database was set up with/);
  });

  it("takes over a crashed replica's jobs after its lease expires", async () => {
    const db = await createTestDatabase();
    drops.push(db.drop);
    const sink = await startSink();
    sinks.push(sink);
    sink.dataDelayMs = 60_000; // A's deliveries hang at the end of DATA
    const env = { DATABASE_URL: db.url, PHIGATE_MASTER_KEY, PHIGATE_TRANSPORT: `*=127.0.0.1:${sink.port}`, PHIGATE_POLL_SECONDS: '0.2', PHIGATE_LEASE_SECONDS: '3' };
    const a = await startGateway({ ...env, PHIGATE_INSTANCE_ID: 'crashy' });
    gateways.push(a);
    const accepted = new Set<string>();
    await sendOnSession(a.smtpPort, 'lease', 5, accepted, () => false);
    expect(accepted.size).toBe(5);
    await sleep(500); // A has claimed them and is stuck in DATA
    await a.stop('SIGKILL');
    sink.dataDelayMs = 0;
    const started = Date.now();
    const b = await startGateway({ ...env, PHIGATE_INSTANCE_ID: 'survivor' });
    gateways.push(b);
    await waitFor(() => [...accepted].every((id) => messageIds(sink).includes(id)), { what: 'takeover deliveries', timeoutMs: 20_000 });
    // Not before the lease ran out: B cannot steal live work.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(new Set(messageIds(sink)).size).toBe(messageIds(sink).length);
  });
});
