import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql, type Db } from '../../db/client.ts';
import { MemoryDomainStatusStore, type DomainStatusStore } from '../../gateway/deliver/probe/status-store.ts';
import type { DomainProbe } from '../../gateway/deliver/probe/types.ts';
import { DbDomainStatusStore } from '../../gateway/stores/domain-status-store.ts';
import { backends, openTestDb, type TestDb } from './backends.ts';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function probe(domain: string, at: number, tls: boolean, host = `mx.${domain}`): DomainProbe {
  return {
    domain,
    checkedAt: iso(at),
    mx: [
      {
        host,
        ip: '192.0.2.10',
        port: 25,
        source: 'mx',
        reachable: true,
        starttls: tls,
        tls: tls ? { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', authorized: true, nameMatches: true, notAfter: '2027-01-01T00:00:00.000Z' } : null,
        weakTlsOnly: false,
      },
    ],
    mtaSts: { mode: 'none', mx: [], maxAge: 0, id: null, source: 'none' },
    summary: { tlsCapable: tls, verified: tls, method: tls ? 'tls-verified' : 'plaintext' },
  };
}

describe.each(backends)('DbDomainStatusStore on %s', (backend) => {
  let t: TestDb;
  let db: Db;
  let store: DbDomainStatusStore;

  beforeAll(async () => {
    t = await openTestDb(backend);
    db = t.database.db;
    store = new DbDomainStatusStore(db, 3);
  });
  afterAll(async () => t?.close());

  it('markSeen creates the status once, under the normalised key', async () => {
    expect(await store.markSeen('Seen.Example.', T0)).toBe(true);
    expect(await store.markSeen('seen.example', T0 + 5000)).toBe(false);
    expect(await store.get('SEEN.example')).toEqual({
      domain: 'seen.example',
      firstSeenAt: T0,
      lastProbedAt: null,
      lastProbe: null,
      tlsFirstSeenAt: null,
      tlsLastSeenAt: null,
    });
    expect(await store.get('unknown.example')).toBeUndefined();
  });

  it('stores IDNs as A-labels', async () => {
    expect(await store.markSeen('Bücher.example', T0)).toBe(true);
    expect((await store.get('xn--bcher-kva.example'))?.domain).toBe('xn--bcher-kva.example');
  });

  it('record keeps the latest probe and TLS first/last seen across probes without TLS', async () => {
    const p1 = probe('probe.example', T0, true);
    expect(await store.record('probe.example', p1)).toEqual({
      domain: 'probe.example',
      firstSeenAt: T0,
      lastProbedAt: T0,
      lastProbe: p1,
      tlsFirstSeenAt: T0,
      tlsLastSeenAt: T0,
    });
    const p2 = probe('probe.example', T0 + 86_400_000, false);
    const s2 = await store.record('Probe.Example', p2);
    expect(s2).toEqual({ domain: 'probe.example', firstSeenAt: T0, lastProbedAt: T0 + 86_400_000, lastProbe: p2, tlsFirstSeenAt: T0, tlsLastSeenAt: T0 });
    expect(await store.get('probe.example')).toEqual(s2);
    expect(await store.history('probe.example')).toEqual([p2, p1]);
    // Stored as a real jsonb object, not a JSON string.
    const [row] = await queryRows<{ d: string; host: string }>(db, sql`select last_probe->>'domain' as d, last_probe->'mx'->0->>'host' as host from domain_status where domain = 'probe.example'`);
    expect(row).toEqual({ d: 'probe.example', host: 'mx.probe.example' });
  });

  it('noteTls keeps the earliest and latest time whatever the order', async () => {
    await store.noteTls('tls.example', T0 + 10_000);
    expect(await store.get('tls.example')).toEqual({ domain: 'tls.example', firstSeenAt: T0 + 10_000, lastProbedAt: null, lastProbe: null, tlsFirstSeenAt: T0 + 10_000, tlsLastSeenAt: T0 + 10_000 });
    await store.noteTls('tls.example', T0);
    await store.noteTls('tls.example', T0 + 20_000);
    await store.noteTls('tls.example', T0 + 15_000);
    const s = await store.get('tls.example');
    expect([s?.firstSeenAt, s?.tlsFirstSeenAt, s?.tlsLastSeenAt]).toEqual([T0 + 10_000, T0, T0 + 20_000]);
    // An older TLS probe moves the first-seen time back but not the last-seen time.
    await store.record('tls.example', probe('tls.example', T0 - 50_000, true));
    const after = await store.get('tls.example');
    expect([after?.firstSeenAt, after?.lastProbedAt, after?.tlsFirstSeenAt, after?.tlsLastSeenAt]).toEqual([T0 + 10_000, T0 - 50_000, T0 - 50_000, T0 + 20_000]);
  });

  it('bounds the history per domain, newest first', async () => {
    const probes = [0, 1, 2, 3, 4].map((i) => probe('hist.example', T0 + i * 1000, i % 2 === 0));
    for (const p of probes) await store.record('hist.example', p);
    await store.record('other-hist.example', probe('other-hist.example', T0, true));
    expect(await store.history('hist.example')).toEqual([probes[4], probes[3], probes[2]]);
    expect(await store.history('hist.example', 2)).toEqual([probes[4], probes[3]]);
    expect(await store.history('hist.example', 0)).toEqual([]);
    const [count] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from domain_probes where domain = 'hist.example'`);
    expect(Number(count!.n)).toBe(3);
    expect(await store.history('other-hist.example')).toHaveLength(1);
    expect(await store.history('never.example')).toEqual([]);
  });

  it('behaves like MemoryDomainStatusStore for the same sequence of calls', async () => {
    const d = (s: string) => `${s}.conform.example`;
    const run = async (s: DomainStatusStore) => {
      const out: unknown[] = [];
      out.push(await s.markSeen(d('a'), T0));
      out.push(await s.record(d('a'), probe(d('a'), T0 + 1000, false)));
      out.push(await s.record(d('b'), probe(d('b'), T0 + 2000, true)));
      await s.noteTls(d('a'), T0 + 3000);
      out.push(await s.markSeen(d('b'), T0 + 4000));
      out.push(await s.record(d('a'), probe(d('a'), T0 + 500, true)));
      await s.noteTls(d('c'), T0 + 6000);
      for (let i = 0; i < 4; i++) await s.record(d('b'), probe(d('b'), T0 + 10_000 + i, i === 1));
      out.push(await s.history(d('a')), await s.history(d('b')), await s.history(d('b'), 1));
      const all = (await s.list()).filter((x) => x.domain.endsWith('.conform.example'));
      out.push(all.sort((x, y) => x.domain.localeCompare(y.domain)));
      return out;
    };
    const expected = await run(new MemoryDomainStatusStore(3));
    expect(await run(store)).toEqual(expected);
    expect((expected.at(-1) as unknown[]).length).toBe(3);
  });

  it('list returns every domain sorted', async () => {
    const domains = (await store.list()).map((s) => s.domain);
    expect(domains).toEqual([...domains].sort());
    expect(domains).toContain('seen.example');
    expect(domains).toContain('probe.example');
  });
});
