// probeDomain against real peers on loopback: the test DNS server holds MX/A records for one
// domain per kind of receiver; MX routes say port 25, so `portFor` maps each MX host to its
// receiver's port. MTA-STS policies come from a real HTTPS policy host.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextHopResolver, type Route } from '../../gateway/deliver/next-hop.ts';
import { createResolver, lookupVia } from '../../gateway/deliver/mta-sts/dns.ts';
import { MemoryPolicyStore } from '../../gateway/deliver/mta-sts/cache.ts';
import { createMtaStsResolver } from '../../gateway/deliver/mta-sts/resolver.ts';
import { probeDomain, type ProbeDeps } from '../../gateway/deliver/probe/probe.ts';
import { decideDowngrade } from '../../gateway/deliver/probe/downgrade.ts';
import { MemoryDomainStatusStore } from '../../gateway/deliver/probe/status-store.ts';
import { DAY_MS, ProbeScheduler } from '../../gateway/deliver/probe/scheduler.ts';
import type { MxProbe } from '../../gateway/deliver/probe/types.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns-server.ts';
import { createTestCa, type IssuedCert, type TestCa } from '../support/test-ca.ts';
import { startSink, type Sink } from '../support/sink.ts';
import { startPolicyHost, type PolicyHost } from '../mta-sts/policy-host.ts';
import { closedPort, selfSigned, startBrokenTlsPeer, startLegacyTlsPeer, type Peer } from './peers.ts';

const TLS13 = 'TLS_AES_256_GCM_SHA384';
// The server's choice: smtp-server honours its own cipher order.
const TLS12_ECDSA = 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256';

let dns: TestDnsServer;
let ca: TestCa;
let policyHost: PolicyHost;
let goodCert: IssuedCert;
let wrongCert: IssuedCert;
let selfCert: { certPem: string; keyPem: string };
const sinks: Sink[] = [];
const peers: Peer[] = [];
/** MX host → receiver port. */
const ports = new Map<string, number>();
let deps: ProbeDeps;

const expiry = (pem: string) => new Date(new X509Certificate(pem).validTo).toISOString();
const route = (host: string, port: number): Pick<MxProbe, 'host' | 'ip' | 'port' | 'source'> => ({ host, ip: '127.0.0.1', port, source: 'mx' });

beforeAll(async () => {
  ca = await createTestCa();
  goodCert = await ca.issue(['mx.good.test', 'mx1.multi.test', 'mx.sts.test']);
  wrongCert = await ca.issue(['other.test']);
  selfCert = await selfSigned('mx.selfsigned.test');
  const legacyCert = await ca.issue(['mx.legacy.test']);

  const plain = await startSink();
  const good = await startSink({ tls: { key: goodCert.keyPem, cert: goodCert.certPem, minVersion: 'TLSv1.3' } });
  const tls12 = await startSink({ tls: { key: selfCert.keyPem, cert: selfCert.certPem, maxVersion: 'TLSv1.2' } });
  const wrong = await startSink({ tls: { key: wrongCert.keyPem, cert: wrongCert.certPem } });
  sinks.push(plain, good, tls12, wrong);
  const legacy = await startLegacyTlsPeer(legacyCert);
  const broken = await startBrokenTlsPeer();
  peers.push(legacy, broken);

  const hosts: Record<string, number> = {
    'mx.plain.test': plain.port,
    'mx.good.test': good.port,
    'mx.selfsigned.test': tls12.port,
    'mx.wrong.test': wrong.port,
    'mx.legacy.test': legacy.port,
    'mx.broken.test': broken.port,
    'mx.dead.test': await closedPort(),
    'mx1.multi.test': good.port,
    'mx2.multi.test': plain.port,
    'mx3.multi.test': await closedPort(),
    'mx.sts.test': good.port,
    'mx.stsbad.test': tls12.port,
    'implicit.test': good.port,
  };
  for (const [h, p] of Object.entries(hosts)) ports.set(h, p);

  dns = await startDnsServer({
    'implicit.test': { A: ['127.0.0.1'] },
    'mta-sts.sts.test': { A: ['127.0.0.1'] },
    'mta-sts.stsbad.test': { A: ['127.0.0.1'] },
    '_mta-sts.sts.test': { TXT: [['v=STSv1; id=sts1']] },
    '_mta-sts.stsbad.test': { TXT: [['v=STSv1; id=bad1']] },
  });
  for (const d of ['plain', 'good', 'selfsigned', 'wrong', 'legacy', 'broken', 'dead', 'sts', 'stsbad']) {
    dns.set(`${d}.test`, 'MX', [{ exchange: `mx.${d}.test`, priority: 10 }]);
    dns.set(`mx.${d}.test`, 'A', ['127.0.0.1']);
  }
  dns.set('multi.test', 'MX', [
    { exchange: 'mx1.multi.test', priority: 10 },
    { exchange: 'mx2.multi.test', priority: 20 },
    { exchange: 'mx3.multi.test', priority: 30 },
  ]);
  // Two addresses for mx1: only the first is probed.
  dns.set('mx1.multi.test', 'A', ['127.0.0.1', '127.0.0.2']);
  dns.set('mx2.multi.test', 'A', ['127.0.0.1']);
  dns.set('mx3.multi.test', 'A', ['127.0.0.1']);

  policyHost = await startPolicyHost(await ca.issue(['mta-sts.sts.test', 'mta-sts.stsbad.test']));
  policyHost.serve('sts.test', { body: 'version: STSv1\nmode: enforce\nmx: mx.sts.test\nmax_age: 86400\n' });
  policyHost.serve('stsbad.test', { body: 'version: STSv1\nmode: enforce\nmx: *.stsbad.test\nmax_age: 604800\n' });

  const resolver = createResolver(dns.address);
  deps = {
    resolver: new NextHopResolver(new Map(), [dns.address]),
    mtaSts: createMtaStsResolver({ dns: resolver, store: new MemoryPolicyStore(), fetchOptions: { lookup: lookupVia(resolver), ca: ca.certPem, port: policyHost.port, timeoutMs: 5000 } }),
    ehloName: 'probe.phigate.test',
    timeoutMs: 5000,
    ca: ca.certPem,
    portFor: (r: Route) => ports.get(r.mxHost) ?? r.port,
    now: () => Date.UTC(2026, 10, 20, 12, 0, 0),
  };
});

afterAll(async () => {
  await Promise.all([...sinks, ...peers].map((s) => s.close()));
  await policyHost?.close();
  await dns?.close();
  await ca?.cleanup();
});

const NO_STS = { mode: 'none', mx: [], maxAge: 0, id: null, source: 'none' };

describe('probeDomain against real receivers', () => {
  it('no STARTTLS: reachable, no TLS, opportunistic delivery would be clear text', async () => {
    const p = await probeDomain('plain.test', deps);
    expect(p).toEqual({
      domain: 'plain.test',
      checkedAt: '2026-11-20T12:00:00.000Z',
      mx: [{ ...route('mx.plain.test', ports.get('mx.plain.test')!), reachable: true, starttls: false, tls: null, weakTlsOnly: false }],
      mtaSts: NO_STS,
      summary: { tlsCapable: false, verified: false, method: 'clear (tls-opportunistic: no STARTTLS offered)' },
    });
  });

  it('TLS 1.3 with a CA-issued certificate for the MX name: verified', async () => {
    const p = await probeDomain('good.test', deps);
    expect(p.mx).toEqual([
      {
        ...route('mx.good.test', ports.get('mx.good.test')!),
        reachable: true,
        starttls: true,
        tls: { version: 'TLSv1.3', cipher: TLS13, authorized: true, nameMatches: true, notAfter: expiry(goodCert.certPem) },
        weakTlsOnly: false,
      },
    ]);
    expect(p.summary).toEqual({ tlsCapable: true, verified: true, method: 'tls-opportunistic (TLS 1.3, verified)' });
    expect(p.resolveError).toBeUndefined();
  });

  it('TLS 1.2 with a self-signed certificate: TLS used, chain not valid, name matches', async () => {
    const p = await probeDomain('selfsigned.test', deps);
    expect(p.mx).toEqual([
      {
        ...route('mx.selfsigned.test', ports.get('mx.selfsigned.test')!),
        reachable: true,
        starttls: true,
        tls: { version: 'TLSv1.2', cipher: TLS12_ECDSA, authorized: false, nameMatches: true, notAfter: expiry(selfCert.certPem), error: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
        weakTlsOnly: false,
      },
    ]);
    expect(p.summary).toEqual({ tlsCapable: true, verified: false, method: 'tls-opportunistic (TLS 1.2, unverified: DEPTH_ZERO_SELF_SIGNED_CERT)' });
  });

  it('a trusted certificate for another name: chain valid, name does not match', async () => {
    const p = await probeDomain('wrong.test', deps);
    expect(p.mx[0]!.tls).toEqual({
      version: 'TLSv1.3',
      cipher: TLS13,
      authorized: true,
      nameMatches: false,
      notAfter: expiry(wrongCert.certPem),
      error: 'certificate does not name mx.wrong.test',
    });
    expect(p.summary).toEqual({ tlsCapable: true, verified: false, method: 'tls-opportunistic (TLS 1.3, unverified: certificate does not name mx.wrong.test)' });
  });

  it('TLS 1.0 only: STARTTLS offered, weak TLS only, counted as no usable TLS', async () => {
    const p = await probeDomain('legacy.test', deps);
    expect(p.mx).toEqual([
      {
        ...route('mx.legacy.test', ports.get('mx.legacy.test')!),
        reachable: true,
        starttls: true,
        tls: null,
        weakTlsOnly: true,
        error: 'STARTTLS works only with TLSv1 TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, below the TLS 1.2 / strong-cipher floor',
      },
    ]);
    expect(p.summary).toEqual({ tlsCapable: false, verified: false, method: 'clear (tls-opportunistic: only TLS below 1.2 offered)' });
  });

  it('STARTTLS offered but no TLS behind it: handshake failure, not weak TLS (retried once)', async () => {
    const broken = peers[1] as Awaited<ReturnType<typeof startBrokenTlsPeer>>;
    const before = broken.sessions();
    const p = await probeDomain('broken.test', deps);
    expect(broken.sessions() - before).toBe(2);
    expect(p.mx).toEqual([
      {
        ...route('mx.broken.test', ports.get('mx.broken.test')!),
        reachable: true,
        starttls: true,
        tls: null,
        weakTlsOnly: false,
        error: 'TLS handshake failed: ERR_SSL_WRONG_VERSION_NUMBER: wrong version number',
      },
    ]);
    expect(p.summary).toEqual({ tlsCapable: false, verified: false, method: 'clear (tls-opportunistic: TLS handshake failed)' });
  });

  it('nothing listening: unreachable, and no method but deferral', async () => {
    const p = await probeDomain('dead.test', deps);
    const port = ports.get('mx.dead.test')!;
    expect(p.mx).toEqual([
      { ...route('mx.dead.test', port), reachable: false, starttls: false, tls: null, weakTlsOnly: false, error: `connect ECONNREFUSED 127.0.0.1:${port}` },
    ]);
    expect(p.summary).toEqual({ tlsCapable: false, verified: false, method: 'deferred (no MX host reachable)' });
  });

  it('several MX hosts: one address each, in preference order; tlsCapable needs every reachable one', async () => {
    const p = await probeDomain('multi.test', deps);
    expect(p.mx.map((m) => [m.host, m.ip, m.reachable, m.starttls, m.tls?.version ?? null])).toEqual([
      ['mx1.multi.test', '127.0.0.1', true, true, 'TLSv1.3'],
      ['mx2.multi.test', '127.0.0.1', true, false, null],
      ['mx3.multi.test', '127.0.0.1', false, false, null],
    ]);
    expect(p.mx[0]!.tls).toMatchObject({ authorized: true, nameMatches: true });
    // The primary is verified, so that is what an ordinary recipient gets; the domain as a
    // whole is not TLS-capable because its backup offers none.
    expect(p.summary).toEqual({ tlsCapable: false, verified: false, method: 'tls-opportunistic (TLS 1.3, verified)' });
  });

  it('no MX but an address: implicit MX, the certificate must name the domain itself', async () => {
    const p = await probeDomain('implicit.test', deps);
    expect(p.mx).toEqual([
      {
        host: 'implicit.test',
        ip: '127.0.0.1',
        port: ports.get('implicit.test'),
        source: 'implicit-mx',
        reachable: true,
        starttls: true,
        tls: { version: 'TLSv1.3', cipher: TLS13, authorized: true, nameMatches: false, notAfter: expiry(goodCert.certPem), error: 'certificate does not name implicit.test' },
        weakTlsOnly: false,
      },
    ]);
  });

  it('MTA-STS enforce with a listed, verified MX: tls-required', async () => {
    const p = await probeDomain('sts.test', deps);
    expect(p.mtaSts).toEqual({
      mode: 'enforce',
      mx: ['mx.sts.test'],
      maxAge: 86400,
      id: 'sts1',
      source: 'fetched',
      policy: 'version: STSv1\nmode: enforce\nmx: mx.sts.test\nmax_age: 86400\n',
    });
    expect(p.summary).toEqual({ tlsCapable: true, verified: true, method: 'tls-required (MTA-STS enforce, TLS 1.3, verified)' });
  });

  it('MTA-STS enforce but the MX certificate does not verify: deferred', async () => {
    const p = await probeDomain('stsbad.test', deps);
    expect(p.mtaSts).toMatchObject({ mode: 'enforce', mx: ['*.stsbad.test'], maxAge: 604800, id: 'bad1', source: 'fetched' });
    expect(p.mx[0]!.tls).toMatchObject({ version: 'TLSv1.2', authorized: false, nameMatches: false });
    expect(p.summary).toEqual({ tlsCapable: true, verified: false, method: 'deferred (MTA-STS enforce: no MX listed in the policy offers verified TLS)' });
  });

  it('a domain that does not exist: resolveError, no MX probed', async () => {
    const p = await probeDomain('nowhere.test', deps);
    expect(p.resolveError).toEqual({ permanent: true, status: '5.1.2', reason: 'domain nowhere.test does not exist' });
    expect(p.mx).toEqual([]);
    expect(p.summary).toEqual({ tlsCapable: false, verified: false, method: 'deferred (no MX host reachable)' });
  });

  it('with prior TLS evidence, a domain that now offers no STARTTLS is deferred, not sent in clear', async () => {
    const p = await probeDomain('plain.test', deps, { prior: { tlsLastSeenAt: Date.UTC(2026, 10, 19, 8) } });
    expect(p.summary.method).toBe('deferred (downgrade: plain.test offered TLS on 2026-11-19, none now)');
  });

  it('the probe never starts a mail transaction', async () => {
    const before = sinks.map((s) => s.received.length);
    await Promise.all(['plain.test', 'good.test', 'selfsigned.test', 'wrong.test'].map((d) => probeDomain(d, deps)));
    expect(sinks.map((s) => s.received.length)).toEqual(before);
  });
});

describe('probe time limits', () => {
  it('a host that accepts the connection but never greets is given up after timeoutMs', async () => {
    const net = await import('node:net');
    const held: import('node:net').Socket[] = [];
    const silent = net.createServer((s) => void held.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (silent.address() as import('node:net').AddressInfo).port;
      const started = Date.now();
      const p = await probeDomain('plain.test', { ...deps, timeoutMs: 400, portFor: () => port });
      const elapsed = Date.now() - started;
      expect(p.mx).toEqual([{ ...route('mx.plain.test', port), reachable: false, starttls: false, tls: null, weakTlsOnly: false, error: 'timed out after 400 ms' }]);
      expect(elapsed).toBeGreaterThanOrEqual(350);
      expect(elapsed).toBeLessThan(3000);
    } finally {
      for (const s of held) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

describe('domain monitoring end to end: schedule, history, no silent downgrade', () => {
  it('a domain that showed TLS and later offers none is deferred, with the reason for the audit', async () => {
    dns.set('shift.test', 'MX', [{ exchange: 'mx.shift.test', priority: 10 }]);
    dns.set('mx.shift.test', 'A', ['127.0.0.1']);
    ports.set('mx.shift.test', ports.get('mx.good.test')!); // day 1: TLS 1.3 (certificate for another name)
    let now = Date.UTC(2026, 10, 20, 6, 0);
    const store = new MemoryDomainStatusStore();
    const scheduler = new ProbeScheduler(store, { now: () => now });
    const probe = (domain: string, prior: Awaited<ReturnType<typeof store.get>>) => probeDomain(domain, { ...deps, now: () => now }, { prior });

    await scheduler.seen('shift.test');
    expect(await scheduler.runDue(probe)).toEqual({ probed: ['shift.test'], failed: [] });
    const day1 = (await store.get('shift.test'))!;
    expect(day1).toMatchObject({ lastProbedAt: now, tlsFirstSeenAt: now, tlsLastSeenAt: now });
    expect(day1.lastProbe!.summary.method).toBe('tls-opportunistic (TLS 1.3, unverified: certificate does not name mx.shift.test)');

    // Day 2: someone on the path strips STARTTLS (here: the MX now answers without it).
    ports.set('mx.shift.test', ports.get('mx.plain.test')!);
    now += DAY_MS;
    expect(await scheduler.due()).toEqual(['shift.test']);
    await scheduler.runDue(probe);
    const day2 = (await store.get('shift.test'))!;
    expect(day2.tlsLastSeenAt).toBe(Date.UTC(2026, 10, 20, 6, 0));
    expect(day2.lastProbe!.mx[0]).toMatchObject({ starttls: false, tls: null });
    expect(day2.lastProbe!.summary.method).toBe('deferred (downgrade: shift.test offered TLS on 2026-11-20, none now)');
    // What delivery asks when its own connection finds no STARTTLS:
    expect(decideDowngrade('shift.test', day2, 'no-starttls', { now })).toEqual({
      allowClear: false,
      downgrade: true,
      reason: 'downgrade: shift.test offered TLS on 2026-11-20, none now',
    });
    expect((await store.history('shift.test')).map((p) => [p.checkedAt, p.summary.tlsCapable])).toEqual([
      ['2026-11-21T06:00:00.000Z', false],
      ['2026-11-20T06:00:00.000Z', true],
    ]);
  });
});
