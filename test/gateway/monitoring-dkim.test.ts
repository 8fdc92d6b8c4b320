// Domain monitoring and DKIM in a running gateway: a recipient domain is probed when first
// seen and its status is kept; a message phigate changed (escalation marker removed) leaves
// DKIM-signed for the sender's domain, and independent verifiers accept the signature.
import fs from 'node:fs';
import path from 'node:path';
import { Resolver } from 'node:dns/promises';
import { dkimVerify } from 'mailauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer } from '../support/dns-server.ts';
import { startGateway, waitFor, type GatewayProcess } from '../support/gateway-process.ts';
import { RawSmtp, testMessage } from '../support/smtp-raw.ts';
import { byMessageId, startSink, type Sink } from '../support/sink.ts';
import { createTestCa, type TestCa } from '../support/test-ca.ts';
import { independentVerify } from '../dkim/independent-verify.ts';

let ca: TestCa;
let sink: Sink;
let gw: GatewayProcess;

async function admin(pathname: string): Promise<Response> {
  const info = JSON.parse(fs.readFileSync(path.join(gw.dataDir, 'gateway.json'), 'utf8')) as { http: string; adminToken: string };
  return fetch(`http://${info.http}/api/admin${pathname}`, { headers: { authorization: `Bearer ${info.adminToken}` } });
}

beforeAll(async () => {
  ca = await createTestCa();
  const leaf = await ca.issue(['localhost']);
  sink = await startSink({ tls: { key: leaf.keyPem, cert: leaf.certPem } });
  gw = await startGateway({ PHIGATE_TRANSPORT: `tls.test=localhost:${sink.port}`, NODE_EXTRA_CA_CERTS: ca.caFile, PHIGATE_PROBE_SECONDS: '0.5' });
});

afterAll(async () => {
  await gw?.stop();
  await sink?.close();
  ca?.cleanup();
});

describe('a running gateway', () => {
  it('signs a message it changed with DKIM for the From domain, verifiable by two verifiers', async () => {
    const id = `<dkim-${Date.now()}@clinic.test>`;
    const c = await RawSmtp.connect(gw.smtpPort);
    await c.read();
    await c.cmd('EHLO clinic.test');
    await c.cmd('MAIL FROM:<dr@clinic.test>');
    await c.cmd('RCPT TO:<pat@tls.test>');
    await c.cmd('DATA');
    c.write(testMessage(id, { from: 'dr@clinic.test', to: 'pat@tls.test', subject: '[secure] Your results', extraHeaders: 'X-Phigate-Secure: 1' }) + '\r\n.\r\n');
    expect(await c.read()).toMatch(/^250 /);
    c.close();
    const got = await waitFor(() => byMessageId(sink, id), { what: 'the escalated message at the TLS receiver' });
    const raw = got.raw;
    const text = raw.toString();
    expect(got.secure).toBe(true);
    expect(text).toMatch(/^DKIM-Signature: [^]*?d=clinic\.test;/m);
    expect(text).toMatch(/\bs=phigate;/);
    expect(text).toMatch(/^Subject: Your results\r$/m);
    expect(text).not.toMatch(/X-Phigate-Secure/i);

    // Publish the record phigate shows for the domain in a DNS server of the test's own.
    const record = (await (await admin('/dkim/clinic.test')).json()) as { name: string; strings: string[] };
    expect(record.name).toBe('phigate._domainkey.clinic.test');
    const dns = await startDnsServer({ [record.name]: { TXT: [record.strings] } });
    try {
      const resolver = new Resolver({ timeout: 2000, tries: 1 });
      resolver.setServers([dns.address]);
      const results = (await dkimVerify(raw, { resolver: (name: string, type: string) => resolver.resolve(name, type as 'TXT') as Promise<string[][]> })).results;
      const ours = results.find((r: { signingDomain?: string }) => r.signingDomain === 'clinic.test');
      expect(ours?.status?.result).toBe('pass');
      expect(await independentVerify(raw, resolver)).toMatchObject({ bodyOk: true, signatureOk: true });
      // A changed body no longer verifies.
      const tampered = Buffer.from(text.replace('Hello.', 'Hello!'));
      const after = (await dkimVerify(tampered, { resolver: (name: string, type: string) => resolver.resolve(name, type as 'TXT') as Promise<string[][]> })).results;
      // mailauth reports a body-hash mismatch as "neutral"; either way it is not a pass.
      expect(after.find((r: { signingDomain?: string }) => r.signingDomain === 'clinic.test')?.status?.result).toMatch(/^(fail|neutral)$/);
      expect(await independentVerify(tampered, resolver)).toMatchObject({ bodyOk: false });
    } finally {
      await dns.close();
    }
  });

  it('probes a recipient domain when first seen and keeps its TLS status', async () => {
    const status = await waitFor(async () => {
      const res = await admin('/domains/tls.test');
      if (res.status !== 200) return null;
      const body = (await res.json()) as { status: { lastProbedAt: number | null; tlsLastSeenAt: number | null }; history: Array<{ mx: Array<{ starttls: boolean; tls: { version: string; nameMatches: boolean } | null }> }> };
      return body.status.lastProbedAt ? body : null;
    }, { what: 'a stored probe of tls.test' });
    expect(status.status.tlsLastSeenAt).not.toBeNull();
    expect(status.history[0].mx[0]).toMatchObject({ starttls: true, tls: { version: 'TLSv1.3', nameMatches: true } });
  });
});
