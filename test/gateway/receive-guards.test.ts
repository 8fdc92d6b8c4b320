// The receiving side's defences, probed with byte-exact clients: SMTP smuggling, bare LF in
// commands, STARTTLS command injection, size limits, TLS versions, relay and tenant checks.
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, sleep, startGateway, tempDir, waitFor, type GatewayProcess } from '../support/gateway-process.ts';
import { RawSmtp, testMessage } from '../support/smtp-raw.ts';
import { byMessageId, startSink, type Sink } from '../support/sink.ts';

let sink: Sink;
let gw: GatewayProcess;

beforeAll(async () => {
  sink = await startSink();
  const dir = tempDir('cfg');
  const config = path.join(dir, 'phigate.yaml');
  fs.writeFileSync(config, 'tenants:\n  - id: clinic-a\n    header: { name: X-Phigate-Tenant, secret: "correct horse battery staple 42" }\n');
  gw = await startGateway({
    PHIGATE_TRANSPORT: `*=127.0.0.1:${sink.port}`,
    PHIGATE_TENANT_NETWORKS: '127.0.0.1/32',
    PHIGATE_MAX_MESSAGE_SIZE: '100000',
    PHIGATE_CONFIG: config,
  });
});

afterAll(async () => {
  await gw?.stop();
  await sink?.close();
});

const TENANT = 'X-Phigate-Tenant: correct horse battery staple 42';

async function session(opts: { localAddress?: string } = {}): Promise<RawSmtp> {
  const c = await RawSmtp.connect(gw.smtpPort, opts);
  expect(await c.read()).toMatch(/^220 /);
  expect(await c.cmd('EHLO client.test')).toMatch(/^250/);
  return c;
}

async function sendRaw(c: RawSmtp, data: string, rcpt = 'patient@example.org'): Promise<string> {
  expect(await c.cmd('MAIL FROM:<clinician@clinic.test>')).toMatch(/^250/);
  expect(await c.cmd(`RCPT TO:<${rcpt}>`)).toMatch(/^250/);
  expect(await c.cmd('DATA')).toMatch(/^354/);
  c.write(data);
  return c.read();
}

describe('SMTP smuggling', () => {
  // Each variant hides a second transaction behind a non-standard end-of-data sequence.
  const variants: Array<[string, string]> = [
    ['\\n.\\n', '\n.\n'],
    ['\\n.\\r\\n', '\n.\r\n'],
    ['\\r\\n.\\n', '\r\n.\n'],
    ['\\r.\\r', '\r.\r'],
    ['\\r.\\r\\n', '\r.\r\n'],
  ];
  it.each(variants)('%s never ends the message and never yields a second message', async (_name, fake) => {
    const first = `<smuggle-1-${Date.now()}-${Math.random()}@clinic.test>`;
    const hidden = `<smuggle-2-${Date.now()}-${Math.random()}@clinic.test>`;
    const c = await session();
    const payload =
      testMessage(first, { extraHeaders: TENANT }) +
      `${fake}MAIL FROM:<attacker@evil.test>\r\nRCPT TO:<victim@example.org>\r\nDATA\r\n` +
      testMessage(hidden, { extraHeaders: TENANT }) +
      '\r\n.\r\n';
    const reply = await sendRaw(c, payload);
    expect(reply).toMatch(/^550 5\.6\.0 message contains a bare <(CR|LF)>/);
    // The session is still in sync: the next command gets its own answer.
    expect(await c.cmd('NOOP')).toMatch(/^250/);
    c.close();
    await sleep(300);
    expect(byMessageId(sink, first)).toBeUndefined();
    expect(byMessageId(sink, hidden)).toBeUndefined();
    expect(sink.received.some((r) => r.to.includes('victim@example.org'))).toBe(false);
  });

  it('accepts the same message with proper CRLF line ends', async () => {
    const id = `<clean-${Date.now()}@clinic.test>`;
    const c = await session();
    expect(await sendRaw(c, testMessage(id, { extraHeaders: TENANT }) + '\r\n.\r\n')).toMatch(/^250 2\.0\.0 Ok: queued as/);
    c.close();
    await waitFor(() => byMessageId(sink, id), { what: 'clean message delivered' });
  });

  it('refuses a command line ended by a bare LF', async () => {
    const c = await session();
    c.write('MAIL FROM:<a@clinic.test>\nRCPT TO:<b@example.org>\r\n');
    expect(await c.read()).toMatch(/^521 5\.5\.2 bare <LF> received in a command/);
    await waitFor(() => c.closed, { what: 'connection closed' });
  });

  it('discards commands pipelined in clear after STARTTLS and forgets the plaintext EHLO', async () => {
    const c = await session();
    // The injected MAIL FROM would be answered inside TLS if the server kept it.
    c.write('STARTTLS\r\nMAIL FROM:<injected@evil.test>\r\n');
    expect(await c.read()).toMatch(/^220 /);
    await c.starttls();
    expect(await c.cmd('MAIL FROM:<clinician@clinic.test>')).toMatch(/^503 /); // EHLO state was reset
    expect(await c.cmd('EHLO client.test')).toMatch(/REQUIRETLS/);
    expect(await c.cmd('MAIL FROM:<clinician@clinic.test>')).toMatch(/^250/);
    c.close();
  });
});

describe('limits and TLS', () => {
  it('checks the real size, not only the SIZE declaration: 552 5.3.4', async () => {
    const c = await session();
    const big = testMessage(`<big-${Date.now()}@clinic.test>`, { extraHeaders: TENANT, body: 'x'.repeat(70).concat('\r\n').repeat(2000) });
    expect(await sendRaw(c, big + '\r\n.\r\n')).toMatch(/^552 5\.3\.4 /);
    c.close();
  });

  it('offers TLS 1.2 and 1.3 only', async () => {
    for (const [version, ok] of [['TLSv1.1', false], ['TLSv1.2', true], ['TLSv1.3', true]] as const) {
      const c = await session();
      expect(await c.cmd('STARTTLS')).toMatch(/^220 /);
      const plain = (c as unknown as { socket: import('node:net').Socket }).socket;
      plain.removeAllListeners('data');
      const result = await new Promise<string>((resolve) => {
        const s = tls.connect({ socket: plain, rejectUnauthorized: false, minVersion: version, maxVersion: version, ciphers: 'DEFAULT@SECLEVEL=0' });
        s.once('secureConnect', () => resolve(s.getProtocol() ?? 'none'));
        s.once('error', () => resolve('failed'));
      });
      expect(result).toBe(ok ? version : 'failed');
      c.close();
    }
  });
});

describe('relay control and tenant identification', () => {
  it('refuses to relay for a client outside PHIGATE_TENANT_NETWORKS (550 5.7.1) and audits it', async () => {
    const c = await session({ localAddress: '127.0.0.2' });
    expect(await c.cmd('MAIL FROM:<spammer@evil.test>')).toMatch(/^250/);
    expect(await c.cmd('RCPT TO:<victim@example.org>')).toMatch(/^550 5\.7\.1 <victim@example\.org>: relay access denied/);
    c.close();
    const csv = await waitFor(async () => {
      const out = (await runCli(['audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01', '--format', 'csv'], gw.env)).stdout;
      return out.includes(',relay_refused,') ? out : null;
    }, { what: 'relay_refused audit event' });
    expect(csv).toMatch(/spammer@evil\.test,victim@example\.org,relay_refused,.*refused/);
  });

  it('refuses a forged or missing tenant header, and strips the valid one before delivery', async () => {
    const forged = `<forged-${Date.now()}@clinic.test>`;
    const missing = `<missing-${Date.now()}@clinic.test>`;
    const good = `<tenant-ok-${Date.now()}@clinic.test>`;
    const c = await session();
    expect(await sendRaw(c, testMessage(forged, { extraHeaders: 'X-Phigate-Tenant: correct horse battery staple 43' }) + '\r\n.\r\n')).toMatch(/^550 5\.7\.1 message not identified/);
    expect(await sendRaw(c, testMessage(missing) + '\r\n.\r\n')).toMatch(/^550 5\.7\.1 /);
    expect(await sendRaw(c, testMessage(good, { extraHeaders: TENANT }) + '\r\n.\r\n')).toMatch(/^250 /);
    c.close();
    const got = await waitFor(() => byMessageId(sink, good), { what: 'tenant message delivered' });
    expect(got.raw.toString()).not.toMatch(/X-Phigate-Tenant|correct horse/i);
    expect(byMessageId(sink, forged)).toBeUndefined();
    expect(byMessageId(sink, missing)).toBeUndefined();
    const csv = (await runCli(['audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01', '--format', 'json'], gw.env)).stdout;
    const events = JSON.parse(csv) as Array<{ event: string; detail: { reason?: string; tenant?: string } }>;
    expect(events.filter((e) => e.event === 'message_rejected').map((e) => e.detail.reason)).toEqual(expect.arrayContaining(['tenant-header-mismatch', 'tenant-header-missing']));
    expect(events.some((e) => e.event === 'received' && e.detail.tenant === 'clinic-a')).toBe(true);
    expect(csv).not.toContain('correct horse');
  });
});
