// End to end: real SMTP clients (nodemailer, swaks) → phigate → smtp-server sinks, one
// without STARTTLS and one with, on PGlite and on the real Postgres.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { generateSelfSigned } from '../../gateway/receive/tls-identity.ts';
import { runCli, startGateway, waitFor, type GatewayProcess } from '../support/gateway-process.ts';
import { createTestDatabase, sharedPostgresAvailable } from '../support/postgres.ts';
import { byMessageId, startSink, type Sink } from '../support/sink.ts';

const pgAvailable = await sharedPostgresAvailable();
const backends = pgAvailable ? ['pglite', 'postgres'] : ['pglite'];
const hasSwaks = spawnSync('which', ['swaks']).status === 0;

/** What the sink got, minus the two header fields phigate prepends (Received, X-Phigate-Relayed). */
function withoutOurHeaders(raw: Buffer): string {
  const text = raw.toString('utf8');
  return text.replace(/^Received: [\s\S]*?\r\n(?![ \t])/, '').replace(/^X-Phigate-Relayed: [^\r\n]*\r\n/, '');
}

describe.each(backends)('relay end to end on %s', (backend) => {
  let plain: Sink;
  let secure: Sink;
  let gw: GatewayProcess;
  let dropDb: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const cert = await generateSelfSigned('localhost');
    plain = await startSink();
    secure = await startSink({ tls: cert });
    const env: Record<string, string> = { PHIGATE_TRANSPORT: `plain.test=127.0.0.1:${plain.port},tls.test=127.0.0.1:${secure.port}` };
    if (backend === 'postgres') {
      const db = await createTestDatabase();
      env.DATABASE_URL = db.url;
      dropDb = db.drop;
    }
    gw = await startGateway(env);
  });

  afterAll(async () => {
    expect(await gw?.stop()).toBe(0);
    await plain?.close();
    await secure?.close();
    await dropDb?.();
  });

  it('relays byte for byte (headers we add aside) over STARTTLS in and out, and in clear to a plain MX', async () => {
    const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const client = nodemailer.createTransport({ host: '127.0.0.1', port: gw.smtpPort, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    const cases = [
      { to: 'alice@tls.test', sink: () => secure, tls: true },
      { to: 'bob@plain.test', sink: () => plain, tls: false },
    ];
    for (const c of cases) {
      const id = `<e2e-${c.to}-${Date.now()}@clinic.test>`;
      const built = await composer.sendMail({
        from: 'clinician@clinic.test',
        to: c.to,
        subject: 'Lab results — Grüße',
        messageId: id,
        text: 'Line one\r\n.leading dot line\r\nÜmlaut and emoji ✓\r\n',
        attachments: [{ filename: 'report.bin', content: Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256)) }],
      });
      const raw = built.message as Buffer;
      const info = await client.sendMail({ envelope: { from: 'clinician@clinic.test', to: [c.to] }, raw });
      expect(info.response).toMatch(/^250 2\.0\.0 Ok: queued as [0-9a-z]+$/);
      const got = await waitFor(() => byMessageId(c.sink(), id), { what: `delivery to ${c.to}` });
      expect(withoutOurHeaders(got.raw)).toBe(raw.toString('utf8'));
      expect(got.raw.toString("latin1")).toMatch(/^Received: from \[127\.0\.0\.1\] \(\[127\.0\.0\.1\]\) by gw\.phigate\.test \(phigate\) with\s+ESMTPS \(TLSv1\.3/);
      expect(got.secure).toBe(c.tls);
      if (c.tls) expect(got.tlsProtocol).toBe('TLSv1.3');
      expect(got.from).toBe('clinician@clinic.test');
      expect(got.to).toEqual([c.to]);
    }
    client.close();

    const csv = await runCli(['audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01', '--format', 'csv'], gw.env);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0].split(',').slice(0, 11)).toEqual(['time', 'message_id', 'sender', 'recipient', 'event', 'method', 'tls_version', 'tls_cipher', 'mx_host', 'outcome', 'detail']);
    const delivered = rows.filter((r) => r.includes(',delivered,'));
    expect(delivered.find((r) => r.includes('alice@tls.test'))).toMatch(/,tls-opportunistic,TLSv1\.3,TLS_AES_256_GCM_SHA384,127\.0\.0\.1,delivered,/);
    expect(delivered.find((r) => r.includes('bob@plain.test'))).toMatch(/,tls-opportunistic,,,127\.0\.0\.1,delivered,/);
    const received = rows.filter((r) => r.includes(',received,'));
    expect(received.every((r) => r.includes(',TLSv1.3,'))).toBe(true);
    // Never a subject or body in the audit trail.
    expect(csv.stdout).not.toContain('Lab results');
    expect(csv.stdout).not.toContain('leading dot');
    const verify = await runCli(['audit', 'verify'], gw.env);
    expect(verify.stdout).toMatch(/^audit chain intact: \d+ events$/m);
    expect(verify.code).toBe(0);
  });

  it.runIf(hasSwaks)('accepts mail from swaks over STARTTLS and delivers it', async () => {
    const id = `<swaks-${Date.now()}@clinic.test>`;
    const out = execFileSync('swaks', ['--to', 'carol@plain.test', '--from', 'doc@clinic.test', '--server', `127.0.0.1:${gw.smtpPort}`, '--tls', '--header', `Message-ID: ${id}`, '--body', 'swaks body'], { encoding: 'utf8' });
    expect(out).toMatch(/<~?-?\s+250 2\.0\.0 Ok: queued as/);
    expect(out).toMatch(/TLS started/);
    const got = await waitFor(() => byMessageId(plain, id), { what: 'swaks message at the sink' });
    expect(got.raw.toString()).toContain('swaks body');
  });

  it('answers /healthz and /metrics', async () => {
    const h = await fetch(`http://127.0.0.1:${gw.httpPort}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ status: 'ok' });
    const m = await (await fetch(`http://127.0.0.1:${gw.httpPort}/metrics`)).text();
    expect(m).toMatch(/^phigate_messages_received_total\{outcome="accepted"\} [1-9]/m);
    expect(m).toMatch(/^phigate_messages_delivered_total\{method="tls-opportunistic"\} [1-9]/m);
    expect(m).toMatch(/^phigate_queue_depth \d+/m);
    expect(m).toMatch(/^phigate_delivery_latency_seconds_bucket/m);
  });
});
