// Discovery and cache semantics (RFC 8461 §3.3, §5.1) end to end: TXT records from a real
// DNS server, policies from a real HTTPS server, the in-memory store, an injected clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createResolver, lookupVia } from '../../gateway/deliver/mta-sts/dns.ts';
import { MemoryPolicyStore, type PolicyStore } from '../../gateway/deliver/mta-sts/cache.ts';
import { resolveMtaSts, createMtaStsResolver, type MtaStsDeps } from '../../gateway/deliver/mta-sts/resolver.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns-server.ts';
import { createTestCa, type TestCa } from '../support/test-ca.ts';
import { startPolicyHost, type PolicyHost } from './policy-host.ts';

const D = 'corp.test';
const policy = (mode: string, maxAge = 86400, mx = '*.corp.test') => `version: STSv1\nmode: ${mode}\nmx: ${mx}\nmax_age: ${maxAge}\n`;
const HOUR = 3_600_000;

let dns: TestDnsServer;
let ca: TestCa;
let host: PolicyHost;
let store: PolicyStore;
let clock: number;
let deps: MtaStsDeps;

beforeAll(async () => {
  ca = await createTestCa();
  host = await startPolicyHost(await ca.issue([`mta-sts.${D}`, 'mta-sts.plain.test']));
  dns = await startDnsServer({ [`mta-sts.${D}`]: { A: ['127.0.0.1'] }, 'mta-sts.plain.test': { A: ['127.0.0.1'] } });
});
afterAll(async () => {
  await host?.close();
  await dns?.close();
  await ca?.cleanup();
});
beforeEach(() => {
  store = new MemoryPolicyStore();
  clock = Date.UTC(2026, 0, 1);
  const resolver = createResolver(dns.address);
  deps = { dns: resolver, store, now: () => clock, fetchOptions: { lookup: lookupVia(resolver), ca: ca.certPem, port: host.port, timeoutMs: 2000 } };
  dns.set(`_mta-sts.${D}`, 'TXT', [['v=STSv1; id=one']]);
  dns.fail(`_mta-sts.${D}`, null);
  host.serve(D, { body: policy('enforce') });
});

describe('MTA-STS discovery and cache', () => {
  it('no TXT record → no policy, and no fetch', async () => {
    const hits = host.hits('plain.test');
    host.serve('plain.test', { body: policy('enforce') });
    const r = await resolveMtaSts('plain.test', deps);
    expect(r).toMatchObject({ mode: 'none', source: 'none', mx: [], id: null });
    expect(r.error).toBeUndefined();
    expect(host.hits('plain.test')).toBe(hits);
  });

  it('first look-up fetches and caches; same id later → cache, no fetch', async () => {
    const first = await resolveMtaSts(D, deps);
    expect(first).toMatchObject({ source: 'fetched', mode: 'enforce', mx: ['*.corp.test'], maxAge: 86400, id: 'one', fetchedAt: clock });
    const hits = host.hits(D);
    clock += HOUR;
    host.serve(D, { body: policy('testing') }); // changed on the server, but the id says it did not
    const second = await resolveMtaSts(D, deps);
    expect(second).toMatchObject({ source: 'cache', mode: 'enforce', id: 'one' });
    expect(host.hits(D)).toBe(hits);
  });

  it('a changed id triggers a refetch that replaces the cache', async () => {
    await resolveMtaSts(D, deps);
    dns.set(`_mta-sts.${D}`, 'TXT', [['v=STSv1; id=two']]);
    host.serve(D, { body: policy('testing', 3600, 'mx.corp.test') });
    clock += HOUR;
    const r = await resolveMtaSts(D, deps);
    expect(r).toMatchObject({ source: 'fetched', mode: 'testing', id: 'two', mx: ['mx.corp.test'], maxAge: 3600 });
    expect(await store.get(D)).toMatchObject({ id: 'two', mode: 'testing' });
  });

  it('fetch failure after an id change keeps the cached enforce policy', async () => {
    await resolveMtaSts(D, deps);
    dns.set(`_mta-sts.${D}`, 'TXT', [['v=STSv1; id=two']]);
    for (const answer of [{ status: 500 }, { body: 'garbage' }, { body: policy('enforce'), contentType: 'text/html' }] as const) {
      host.serve(D, answer);
      const r = await resolveMtaSts(D, deps);
      expect(r).toMatchObject({ source: 'cache', mode: 'enforce', id: 'one' });
      expect(r.error?.resultType).toMatch(/^sts-policy-(fetch-error|invalid)$/);
    }
  });

  it('removed TXT record or DNS failure keeps the cached policy until it expires', async () => {
    await resolveMtaSts(D, deps);
    dns.set(`_mta-sts.${D}`, 'TXT', undefined);
    expect(await resolveMtaSts(D, deps)).toMatchObject({ source: 'cache', mode: 'enforce' });
    dns.set(`_mta-sts.${D}`, 'TXT', [['v=STSv1; id=one'], ['v=STSv1; id=evil']]); // ambiguous
    expect(await resolveMtaSts(D, deps)).toMatchObject({ source: 'cache', mode: 'enforce' });
    dns.fail(`_mta-sts.${D}`, 'SERVFAIL');
    expect(await resolveMtaSts(D, deps)).toMatchObject({ source: 'cache', mode: 'enforce', error: { code: 'dns' } });
    clock += 86400 * 1000; // max_age elapsed
    expect(await resolveMtaSts(D, deps)).toMatchObject({ source: 'none', mode: 'none' });
  });

  it('an expired policy is refetched even if the id is unchanged; if that fails there is no policy', async () => {
    await resolveMtaSts(D, deps);
    clock += 86400 * 1000 + 1;
    const hits = host.hits(D);
    expect(await resolveMtaSts(D, deps)).toMatchObject({ source: 'fetched', fetchedAt: clock });
    expect(host.hits(D)).toBe(hits + 1);
    clock += 86400 * 1000 + 1;
    host.serve(D, { status: 404 });
    expect(await resolveMtaSts(D, deps)).toMatchObject({ source: 'none', mode: 'none', error: { code: 'http-status' } });
  });

  it('a cached policy older than a day is refreshed before it expires; a failed refresh keeps it', async () => {
    host.serve(D, { body: policy('enforce', 7 * 86400) });
    await resolveMtaSts(D, deps);
    clock += 86400 * 1000 + 1;
    host.serve(D, { status: 503 });
    expect(await resolveMtaSts(D, deps)).toMatchObject({ source: 'cache', mode: 'enforce', error: { code: 'http-status' } });
    host.serve(D, { body: policy('enforce', 7 * 86400) });
    expect(await resolveMtaSts(D, deps)).toMatchObject({ source: 'fetched', fetchedAt: clock });
  });

  it('mode none published under a new id replaces an enforce policy', async () => {
    await resolveMtaSts(D, deps);
    dns.set(`_mta-sts.${D}`, 'TXT', [['v=STSv1; id=off']]);
    host.serve(D, { body: 'version: STSv1\nmode: none\nmax_age: 86400\n' });
    expect(await resolveMtaSts(D, deps)).toMatchObject({ source: 'fetched', mode: 'none', id: 'off' });
  });

  it('without a cache, fetch problems mean no policy, with the TLS-RPT reason', async () => {
    host.serve(D, { status: 404 });
    expect((await resolveMtaSts(D, deps)).error).toMatchObject({ resultType: 'sts-policy-fetch-error', code: 'http-status' });
    host.serve(D, { body: 'version: STSv1\nmode: enforce\nmax_age: 1\n' });
    const invalid = await resolveMtaSts(D, deps);
    expect(invalid).toMatchObject({ source: 'none', error: { resultType: 'sts-policy-invalid' } });
    expect(invalid.error?.message).toContain('mx is required');
  });

  it('ignores a malformed store row instead of trusting it', async () => {
    await store.put(D, { id: 'one', mode: 'enforce', mx: [], maxAge: -5, fetchedAt: clock, policyText: '' });
    expect(await resolveMtaSts(D, deps)).toMatchObject({ source: 'fetched' });
  });

  it('concurrent callers share one discovery', async () => {
    const resolve = createMtaStsResolver(deps);
    const hits = host.hits(D);
    const results = await Promise.all([resolve(D), resolve(D), resolve('CORP.test.')]);
    expect(results.map((r) => r.source)).toEqual(['fetched', 'fetched', 'fetched']);
    expect(host.hits(D)).toBe(hits + 1);
  });
});
