// DANE in delivery: with a DNSSEC-validating resolver configured and a rule at TLS level
// `dane`, an MX whose certificate no WebPKI root vouches for is authenticated by its TLSA
// record; a TLSA record that does not match keeps the message from going out.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startGateway, tempDir, waitFor, type GatewayProcess } from '../support/gateway-process.ts';
import { RawSmtp, testMessage } from '../support/smtp-raw.ts';
import { byMessageId, startSink, type Sink } from '../support/sink.ts';
import { makeFixtures, type Fixtures } from './certs.ts';
import { startValidatingResolver, type ValidatingResolver } from './validating-resolver.ts';

let certs: Fixtures;
let resolver: ValidatingResolver;
let good: Sink;
let bad: Sink;
let gw: GatewayProcess;

const spkiSha256 = (pem: string) => crypto.createHash('sha256').update(new crypto.X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' })).digest();

beforeAll(async () => {
  certs = makeFixtures();
  resolver = await startValidatingResolver();
  // Self-signed leaf: no WebPKI trust at all, so only DANE can authenticate it.
  good = await startSink({ tls: { key: certs.selfSigned.keyPem, cert: certs.selfSigned.certPem } });
  bad = await startSink({ tls: { key: certs.selfSigned.keyPem, cert: certs.selfSigned.certPem } });
  resolver.set(`_${good.port}._tcp.localhost`, { ad: true, records: [{ usage: 3, selector: 1, matchingType: 1, data: spkiSha256(certs.selfSigned.certPem) }] });
  resolver.set(`_${bad.port}._tcp.localhost`, { ad: true, records: [{ usage: 3, selector: 1, matchingType: 1, data: crypto.randomBytes(32) }] });
  const policy = path.join(tempDir('dane-policy'), 'policy.yaml');
  fs.writeFileSync(policy, 'rules:\n  - name: partners by DANE\n    match: { recipientDomain: [good.test, bad.test] }\n    method: tls-required\n    options: { tlsLevel: dane }\n');
  gw = await startGateway({
    PHIGATE_CONFIG: policy,
    PHIGATE_TRANSPORT: `good.test=localhost:${good.port},bad.test=localhost:${bad.port}`,
    PHIGATE_DNSSEC_RESOLVERS: `127.0.0.1:${resolver.port}`,
    PHIGATE_RETRY_MIN_SECONDS: '1',
    PHIGATE_POLL_SECONDS: '0.3',
  });
});

afterAll(async () => {
  await gw?.stop();
  await good?.close();
  await bad?.close();
  await resolver?.close();
  certs?.cleanup();
});

async function send(id: string, to: string) {
  const c = await RawSmtp.connect(gw.smtpPort);
  await c.read();
  await c.cmd('EHLO clinic.test');
  await c.cmd('MAIL FROM:<dr@clinic.test>');
  await c.cmd(`RCPT TO:<${to}>`);
  await c.cmd('DATA');
  c.write(testMessage(id, { to }) + '\r\n.\r\n');
  expect(await c.read()).toMatch(/^250 /);
  c.close();
}

describe('DANE at delivery', () => {
  it('delivers to an MX authenticated by a matching TLSA record, though no CA vouches for it', async () => {
    const id = `<dane-ok-${Date.now()}@clinic.test>`;
    await send(id, 'pat@good.test');
    const got = await waitFor(() => byMessageId(good, id), { what: 'delivery authenticated by DANE' });
    expect(got.secure).toBe(true);
    const events = JSON.parse((await runCli(['audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01', '--format', 'json'], gw.env)).stdout) as Array<{ event: string; recipient: string; detail: Record<string, unknown> }>;
    const attempt = events.find((e) => e.event === 'attempt' && e.recipient === 'pat@good.test');
    expect(attempt?.detail).toMatchObject({ dane: 'verified', certificateVerified: true, certificateAuthorized: false });
    expect(resolver.queries.some((q) => q.name === `_${good.port}._tcp.localhost` && q.type === 'TLSA' && q.do)).toBe(true);
  });

  it('does not deliver when the TLSA record does not match, and audits why', async () => {
    const id = `<dane-bad-${Date.now()}@clinic.test>`;
    await send(id, 'pat@bad.test');
    const deferred = await waitFor(async () => {
      const events = JSON.parse((await runCli(['audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01', '--format', 'json'], gw.env)).stdout) as Array<{ event: string; recipient: string; detail: { reply?: string } }>;
      return events.find((e) => e.event === 'deferred' && e.recipient === 'pat@bad.test');
    }, { what: 'a deferral for the mismatching TLSA record' });
    expect(deferred.detail.reply).toMatch(/DANE verification failed/);
    expect(byMessageId(bad, id)).toBeUndefined();
  });
});
