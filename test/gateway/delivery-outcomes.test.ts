// What happens after acceptance when the next hop says no: permanent failures bounce to the
// sender with an RFC 3464 DSN that carries no content, temporary ones are retried with
// back-off, expiry bounces, SMTPUTF8 and REQUIRETLS are honoured.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startGateway, tempDir, waitFor, type GatewayProcess } from '../support/gateway-process.ts';
import { RawSmtp, testMessage } from '../support/smtp-raw.ts';
import { byMessageId, startSink, type Sink } from '../support/sink.ts';
import { createTestCa, type TestCa } from '../support/test-ca.ts';

// These tests are about what happens after acceptance, so the policy lets every message go
// by opportunistic TLS (the PHI rules are tested in test/delivery-policy).
function opportunisticPolicy(): string {
  const file = path.join(tempDir('policy'), 'policy.yaml');
  fs.writeFileSync(file, 'defaults: { method: tls-opportunistic }\nrules: []\n');
  return file;
}

const SECRET_SUBJECT = 'HIV viral load for Jane Roe';
const SECRET_BODY = 'Viral load undetectable, continue Biktarvy.';

async function submit(port: number, id: string, opts: { from?: string; rcpts: string[]; mailParams?: string; starttls?: boolean; subject?: string; body?: string }): Promise<string> {
  const c = await RawSmtp.connect(port);
  try {
    await c.read();
    await c.cmd('EHLO sender.test');
    if (opts.starttls) {
      expect(await c.cmd('STARTTLS')).toMatch(/^220/);
      await c.starttls();
      await c.cmd('EHLO sender.test');
    }
    expect(await c.cmd(`MAIL FROM:<${opts.from ?? 'clinician@clinic.test'}>${opts.mailParams ? ' ' + opts.mailParams : ''}`)).toMatch(/^250/);
    for (const r of opts.rcpts) expect(await c.cmd(`RCPT TO:<${r}>`)).toMatch(/^250/);
    expect(await c.cmd('DATA')).toMatch(/^354/);
    c.write(testMessage(id, { from: opts.from, to: opts.rcpts[0], subject: opts.subject ?? SECRET_SUBJECT, body: opts.body ?? SECRET_BODY }) + '\r\n.\r\n');
    return await c.read();
  } finally {
    c.close();
  }
}

type AuditRow = { event: string; recipient: string; outcome: string; detail: Record<string, unknown>; message_id: string };
async function audit(gw: GatewayProcess): Promise<AuditRow[]> {
  const r = await runCli(['audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01', '--format', 'json'], gw.env);
  return JSON.parse(r.stdout) as AuditRow[];
}

describe('bounces, retries and extensions', () => {
  let remote: Sink;
  let senderMx: Sink;
  let noUtf8: Sink;
  let tlsNoRequireTls: Sink;
  let tlsRequireTls: Sink;
  let ca: TestCa;
  let gw: GatewayProcess;

  beforeAll(async () => {
    ca = await createTestCa();
    const leaf = await ca.issue(['localhost']);
    remote = await startSink();
    senderMx = await startSink();
    noUtf8 = await startSink({ hideSMTPUTF8: true });
    tlsNoRequireTls = await startSink({ tls: { key: leaf.keyPem, cert: leaf.certPem }, hideREQUIRETLS: true });
    tlsRequireTls = await startSink({ tls: { key: leaf.keyPem, cert: leaf.certPem } });
    remote.rejectRcpt.set('nobody@remote.test', { code: 550, message: '5.1.1 <nobody@remote.test>: user unknown' });
    remote.rejectRcpt.set('later@remote.test', { code: 451, message: '4.2.0 try again later' });
    gw = await startGateway({
      PHIGATE_TRANSPORT: [
        `remote.test=127.0.0.1:${remote.port}`,
        `clinic.test=127.0.0.1:${senderMx.port}`,
        `noutf8.test=127.0.0.1:${noUtf8.port}`,
        `nort.test=localhost:${tlsNoRequireTls.port}`,
        `rt.test=localhost:${tlsRequireTls.port}`,
        `plain-rt.test=127.0.0.1:${remote.port}`,
        `down.test=127.0.0.1:1`,
      ].join(','),
      NODE_EXTRA_CA_CERTS: ca.caFile,
      PHIGATE_CONFIG: opportunisticPolicy(),
      PHIGATE_RETRY_MIN_SECONDS: '1',
      PHIGATE_RETRY_MAX_SECONDS: '2',
      PHIGATE_POLL_SECONDS: '0.3',
    });
  });

  afterAll(async () => {
    await gw?.stop();
    for (const s of [remote, senderMx, noUtf8, tlsNoRequireTls, tlsRequireTls]) await s?.close();
    ca?.cleanup();
  });

  it('bounces a 5xx recipient with a DSN that holds no subject or body, and delivers the other recipient', async () => {
    const id = `<bounce-${Date.now()}@clinic.test>`;
    expect(await submit(gw.smtpPort, id, { rcpts: ['nobody@remote.test', 'somebody@remote.test'] })).toMatch(/^250/);
    const delivered = await waitFor(() => byMessageId(remote, id), { what: 'delivery to the good recipient' });
    expect(delivered.to).toEqual(['somebody@remote.test']);
    const dsn = await waitFor(() => senderMx.received.find((r) => r.raw.toString().includes(`Message-ID: ${id}`) && r.from === ''), { what: 'DSN at the sender MX' });
    const text = dsn.raw.toString();
    expect(dsn.to).toEqual(['clinician@clinic.test']);
    expect(text).toMatch(/Content-Type: multipart\/report; report-type=delivery-status/);
    expect(text).toMatch(/Final-Recipient: rfc822; nobody@remote\.test\r\nAction: failed\r\nStatus: 5\.1\.1\r\nRemote-MTA: dns; 127\.0\.0\.1\r\nDiagnostic-Code: smtp; 550 5\.1\.1 <nobody@remote\.test>: user unknown/);
    expect(text).toContain('Content-Type: text/rfc822-headers');
    expect(text).not.toContain('somebody@remote.test>:');
    expect(text).not.toContain(SECRET_SUBJECT);
    expect(text).not.toContain('Jane Roe');
    expect(text).not.toContain('Biktarvy');
    const events = await audit(gw);
    const mine = events.filter((e) => e.message_id === events.find((x) => x.event === 'received' && x.detail.messageIdHeader === id)?.message_id);
    expect(mine.map((e) => `${e.event}:${e.recipient}`)).toEqual(expect.arrayContaining(['bounced:nobody@remote.test', 'delivered:somebody@remote.test']));
    expect(JSON.stringify(events)).not.toContain('Biktarvy');
  });

  it('defers a 4xx recipient, retries with back-off, and delivers once the receiver accepts', async () => {
    const id = `<retry-${Date.now()}@clinic.test>`;
    expect(await submit(gw.smtpPort, id, { rcpts: ['later@remote.test'] })).toMatch(/^250/);
    await waitFor(async () => (await audit(gw)).some((e) => e.event === 'deferred' && e.recipient === 'later@remote.test'), { what: 'a deferral' });
    remote.rejectRcpt.delete('later@remote.test');
    const got = await waitFor(() => byMessageId(remote, id), { what: 'delivery on retry' });
    expect(got.to).toEqual(['later@remote.test']);
    const events = (await audit(gw)).filter((e) => e.recipient === 'later@remote.test' || e.recipient?.includes('later@remote.test'));
    const deferred = events.find((e) => e.event === 'deferred')!;
    expect(deferred.detail.reply).toMatch(/451 4\.2\.0 try again later/);
    expect(typeof deferred.detail.nextAttemptAt).toBe('string');
    expect(events.some((e) => e.event === 'delivered')).toBe(true);
  });

  it('defers when the next hop does not answer, recording the attempt', async () => {
    const id = `<down-${Date.now()}@clinic.test>`;
    expect(await submit(gw.smtpPort, id, { rcpts: ['x@down.test'] })).toMatch(/^250/);
    const ev = await waitFor(async () => (await audit(gw)).find((e) => e.event === 'attempt' && e.recipient === 'x@down.test'), { what: 'attempt on a dead host' });
    expect(ev.outcome).toBe('deferred');
    expect(ev.detail.stage).toBe('connect');
    expect(String(ev.detail.reply)).toMatch(/ECONNREFUSED|connect/i);
  });

  it('bounces 5.6.7 rather than send SMTPUTF8 mail to a next hop without SMTPUTF8', async () => {
    const id = `<utf8-${Date.now()}@clinic.test>`;
    expect(await submit(gw.smtpPort, id, { rcpts: ['jürgen@noutf8.test'], mailParams: 'SMTPUTF8' })).toMatch(/^250/);
    const dsn = await waitFor(() => senderMx.received.find((r) => r.raw.toString().includes(`Message-ID: ${id}`) && r.from === ''), { what: 'SMTPUTF8 DSN' });
    expect(dsn.raw.toString()).toMatch(/Status: 5\.6\.7/);
    expect(noUtf8.received.length).toBe(0);
  });

  it('honours REQUIRETLS: verified TLS and REQUIRETLS at the next hop, else no delivery', async () => {
    const ok = `<rt-ok-${Date.now()}@clinic.test>`;
    const noExt = `<rt-noext-${Date.now()}@clinic.test>`;
    const clear = `<rt-clear-${Date.now()}@clinic.test>`;
    expect(await submit(gw.smtpPort, ok, { rcpts: ['a@rt.test'], mailParams: 'REQUIRETLS', starttls: true })).toMatch(/^250/);
    expect(await submit(gw.smtpPort, noExt, { rcpts: ['a@nort.test'], mailParams: 'REQUIRETLS', starttls: true })).toMatch(/^250/);
    expect(await submit(gw.smtpPort, clear, { rcpts: ['a@plain-rt.test'], mailParams: 'REQUIRETLS', starttls: true })).toMatch(/^250/);
    const got = await waitFor(() => byMessageId(tlsRequireTls, ok), { what: 'REQUIRETLS delivery' });
    expect(got.requireTls).toBe(true);
    expect(got.secure).toBe(true);
    const dsn = await waitFor(() => senderMx.received.find((r) => r.raw.toString().includes(`Message-ID: ${noExt}`) && r.from === ''), { what: 'REQUIRETLS DSN' });
    expect(dsn.raw.toString()).toMatch(/Status: 5\.7\.30/);
    expect(byMessageId(tlsNoRequireTls, noExt)).toBeUndefined();
    await waitFor(async () => (await audit(gw)).some((e) => e.event === 'deferred' && e.recipient === 'a@plain-rt.test'), { what: 'deferral of REQUIRETLS mail to a plaintext host' });
    expect(byMessageId(remote, clear)).toBeUndefined();
  });
});

describe('queue lifetime', () => {
  it('bounces with 4.4.7 when the lifetime expires', async () => {
    const remote = await startSink();
    const senderMx = await startSink();
    remote.rejectRcpt.set('slow@remote.test', { code: 451, message: '4.3.2 system not accepting network messages' });
    const gw = await startGateway({
      PHIGATE_TRANSPORT: `remote.test=127.0.0.1:${remote.port},clinic.test=127.0.0.1:${senderMx.port}`,
      PHIGATE_RETRY_MIN_SECONDS: '0.5',
      PHIGATE_RETRY_MAX_SECONDS: '1',
      PHIGATE_QUEUE_LIFETIME_SECONDS: '2',
      PHIGATE_CONFIG: opportunisticPolicy(),
      PHIGATE_POLL_SECONDS: '0.3',
    });
    try {
      const id = `<expire-${Date.now()}@clinic.test>`;
      expect(await submit(gw.smtpPort, id, { rcpts: ['slow@remote.test'] })).toMatch(/^250/);
      const dsn = await waitFor(() => senderMx.received.find((r) => r.raw.toString().includes(`Message-ID: ${id}`)), { what: 'expiry DSN', timeoutMs: 15_000 });
      expect(dsn.raw.toString()).toMatch(/Status: 4\.4\.7\r\nDiagnostic-Code: smtp; delivery time expired; last error: 451 4\.3\.2/);
      expect(byMessageId(remote, id)).toBeUndefined();
    } finally {
      await gw.stop();
      await remote.close();
      await senderMx.close();
    }
  });
});
