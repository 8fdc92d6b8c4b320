// Policy fetch against a real HTTPS server on 127.0.0.1, names resolved by a real DNS
// server, certificates from a throwaway CA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { fetchPolicyText, PolicyFetchError, type FetchOptions } from '../../gateway/deliver/mta-sts/fetch.ts';
import { createResolver, lookupVia } from '../../gateway/deliver/mta-sts/dns.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns-server.ts';
import { createTestCa, type TestCa } from '../support/test-ca.ts';
import { startPolicyHost, type PolicyHost } from './policy-host.ts';

const POLICY = 'version: STSv1\r\nmode: enforce\r\nmx: mx.good.test\r\nmax_age: 86400\r\n';
const DOMAINS = ['good.test', 'other.test', 'untrusted.test', 'wrongname.test', 'expired.test'];

let dns: TestDnsServer;
let ca: TestCa;
let rogue: TestCa;
let host: PolicyHost;
let opts: FetchOptions;

beforeAll(async () => {
  ca = await createTestCa();
  rogue = await createTestCa('rogue CA');
  const leaf = await ca.issue(['mta-sts.good.test', 'mta-sts.other.test']);
  host = await startPolicyHost(leaf);
  host.certFor('mta-sts.untrusted.test', await rogue.issue(['mta-sts.untrusted.test']));
  host.certFor('mta-sts.wrongname.test', await ca.issue(['mta-sts.somewhere-else.test']));
  host.certFor('mta-sts.expired.test', await ca.issue(['mta-sts.expired.test'], { expired: true }));
  dns = await startDnsServer(Object.fromEntries(DOMAINS.map((d) => [`mta-sts.${d}`, { A: ['127.0.0.1'] }])));
  opts = { lookup: lookupVia(createResolver(dns.address)), ca: ca.certPem, port: host.port };
});
afterAll(async () => {
  await host?.close();
  await dns?.close();
  await ca?.cleanup();
  await rogue?.cleanup();
});

const failure = async (domain: string, o: FetchOptions = opts) => {
  const err = await fetchPolicyText(domain, o).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PolicyFetchError);
  return err as PolicyFetchError;
};

describe('policy fetch (RFC 8461 §3.3)', () => {
  it('fetches the policy body over verified HTTPS, resolving the host via our DNS', async () => {
    host.serve('good.test', { body: POLICY });
    const before = dns.queries.length;
    expect(await fetchPolicyText('good.test', opts)).toBe(POLICY);
    expect(dns.queries.slice(before)).toContain('mta-sts.good.test/A');
  });

  it('accepts text/plain with parameters, in any case', async () => {
    host.serve('good.test', { body: POLICY, contentType: 'Text/Plain; charset=utf-8' });
    expect(await fetchPolicyText('GOOD.test.', opts)).toBe(POLICY);
  });

  it('only 200 counts', async () => {
    for (const status of [201, 204, 404, 500]) {
      host.serve('good.test', { status, body: POLICY });
      const err = await failure('good.test');
      expect(err.code, String(status)).toBe('http-status');
      expect(err.resultType).toBe('sts-policy-fetch-error');
    }
  });

  it('does not follow redirects', async () => {
    host.serve('other.test', { body: POLICY });
    const before = host.hits('other.test');
    for (const status of [301, 302, 307, 308]) {
      host.serve('good.test', { status, headers: { location: `https://mta-sts.other.test:${host.port}/.well-known/mta-sts.txt` } });
      expect((await failure('good.test')).code).toBe('redirect');
    }
    expect(host.hits('other.test')).toBe(before);
  });

  it('requires Content-Type text/plain', async () => {
    for (const contentType of ['text/html', 'application/json', 'text/plainx', null]) {
      host.serve('good.test', { body: POLICY, contentType });
      expect((await failure('good.test')).code, String(contentType)).toBe('content-type');
    }
  });

  it('caps the body at 64 KiB, declared or streamed', async () => {
    const limit = 64 * 1024;
    host.serve('good.test', { body: 'x'.repeat(limit) });
    expect(await fetchPolicyText('good.test', opts)).toHaveLength(limit);
    host.serve('good.test', { body: 'x'.repeat(limit + 1) });
    expect((await failure('good.test')).code).toBe('too-large');
    host.serve('good.test', { body: 'x'.repeat(limit + 1), chunked: true });
    expect((await failure('good.test')).code).toBe('too-large');
  });

  it('rejects a body that is not UTF-8', async () => {
    host.serve('good.test', { body: Buffer.from([0x76, 0xff, 0xfe, 0x0a]) });
    expect((await failure('good.test')).code).toBe('encoding');
  });

  it('times out when the server does not answer, or does not finish the body', async () => {
    host.serve('good.test', 'hang');
    let t = Date.now();
    expect((await failure('good.test', { ...opts, timeoutMs: 300 })).code).toBe('timeout');
    expect(Date.now() - t).toBeLessThan(5000);
    host.serve('good.test', 'hang-body');
    t = Date.now();
    expect((await failure('good.test', { ...opts, timeoutMs: 300 })).code).toBe('timeout');
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('rejects certificates that do not validate: untrusted CA, wrong name, expired', async () => {
    for (const domain of ['untrusted.test', 'wrongname.test', 'expired.test']) {
      host.serve(domain, { body: POLICY });
      const err = await failure(domain);
      expect(err.code, domain).toBe('tls');
      expect(err.resultType).toBe('sts-webpki-invalid');
    }
    // And the untrusted one's content never counts even though the server would serve it.
    expect(host.hits('untrusted.test')).toBe(0);
  });

  it('without the test CA as an extra anchor, the good certificate is not trusted either', async () => {
    host.serve('good.test', { body: POLICY });
    expect((await failure('good.test', { ...opts, ca: undefined })).code).toBe('tls');
  });

  it('fails cleanly when the policy host does not resolve', async () => {
    const err = await failure('unknown.test');
    expect(err.code).toBe('network');
    expect(err.message).toContain('ENOTFOUND');
  });

  it('trusts NODE_EXTRA_CA_CERTS by default (no ca option), as production will', async () => {
    host.serve('good.test', { body: POLICY });
    const fetchUrl = new URL('../../gateway/deliver/mta-sts/fetch.ts', import.meta.url).href;
    const dnsUrl = new URL('../../gateway/deliver/mta-sts/dns.ts', import.meta.url).href;
    const script = `
      const { fetchPolicyText } = await import(${JSON.stringify(fetchUrl)});
      const { createResolver, lookupVia } = await import(${JSON.stringify(dnsUrl)});
      const lookup = lookupVia(createResolver());
      fetchPolicyText('good.test', { lookup, port: ${host.port} }).then(
        (t) => console.log(JSON.stringify({ ok: t })),
        (e) => console.log(JSON.stringify({ err: e.code })));`;
    const run = (extraCa?: string) =>
      promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, PHIGATE_DNS_SERVERS: dns.address, ...(extraCa ? { NODE_EXTRA_CA_CERTS: extraCa } : { NODE_EXTRA_CA_CERTS: '' }) },
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
      }).then(({ stdout }) => JSON.parse(stdout.trim()));
    expect(await run(ca.caFile)).toEqual({ ok: POLICY });
    expect(await run()).toEqual({ err: 'tls' });
  });
});
