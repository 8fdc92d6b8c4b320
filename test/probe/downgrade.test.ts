// The no-silent-downgrade rule, the domain status store and the re-probe schedule: pure logic
// with an injected clock. The scheduler runs a probe function given by the test that returns
// a fixed result; the end-to-end path with real receivers is in monitor.test.ts.
import { describe, expect, it } from 'vitest';
import { decideDowngrade } from '../../gateway/deliver/probe/downgrade.ts';
import { MemoryDomainStatusStore } from '../../gateway/deliver/probe/status-store.ts';
import { DAY_MS, ProbeScheduler } from '../../gateway/deliver/probe/scheduler.ts';
import type { DomainProbe } from '../../gateway/deliver/probe/types.ts';

const T0 = Date.UTC(2026, 10, 20, 9, 30); // 2026-11-20
const HOUR = 3_600_000;

function probeAt(domain: string, at: number, tls: boolean): DomainProbe {
  return {
    domain,
    checkedAt: new Date(at).toISOString(),
    mx: [
      {
        host: `mx.${domain}`,
        ip: '127.0.0.1',
        port: 25,
        source: 'mx',
        reachable: true,
        starttls: tls,
        tls: tls ? { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', authorized: true, nameMatches: true, notAfter: '2027-01-01T00:00:00.000Z' } : null,
        weakTlsOnly: false,
      },
    ],
    mtaSts: { mode: 'none', mx: [], maxAge: 0, id: null, source: 'none' },
    summary: { tlsCapable: tls, verified: tls, method: tls ? 'tls-opportunistic (TLS 1.3, verified)' : 'clear (tls-opportunistic: no STARTTLS offered)' },
  };
}

describe('decideDowngrade', () => {
  it('a domain never seen with TLS may get clear text (opportunistic)', () => {
    expect(decideDowngrade('a.test', undefined, 'no-starttls', { now: T0 })).toEqual({
      allowClear: true,
      downgrade: false,
      reason: 'a.test has never shown TLS (no STARTTLS offered): clear text allowed',
    });
    expect(decideDowngrade('a.test', { tlsLastSeenAt: null }, 'handshake-failed', { now: T0 })).toEqual({
      allowClear: true,
      downgrade: false,
      reason: 'a.test has never shown TLS (TLS handshake failed): clear text allowed',
    });
  });

  it('once TLS was seen, no STARTTLS now is a downgrade: clear text refused', () => {
    expect(decideDowngrade('a.test', { tlsLastSeenAt: T0 }, 'no-starttls', { now: T0 + 40 * DAY_MS })).toEqual({
      allowClear: false,
      downgrade: true,
      reason: 'downgrade: a.test offered TLS on 2026-11-20, none now',
    });
  });

  it('once TLS was seen, a failing handshake is a downgrade too', () => {
    expect(decideDowngrade('a.test', { tlsLastSeenAt: T0 }, 'handshake-failed', { now: T0 + HOUR })).toEqual({
      allowClear: false,
      downgrade: true,
      reason: 'downgrade: a.test offered TLS on 2026-11-20, handshake fails now',
    });
  });

  it('TLS negotiated now: nothing to refuse', () => {
    expect(decideDowngrade('a.test', { tlsLastSeenAt: T0 }, 'ok', { now: T0 })).toEqual({ allowClear: true, downgrade: false, reason: 'TLS negotiated' });
  });

  it('the pin lasts for ever by default, and only as long as pinMaxAgeMs when given', () => {
    const longAfter = T0 + 3650 * DAY_MS;
    expect(decideDowngrade('a.test', { tlsLastSeenAt: T0 }, 'no-starttls', { now: longAfter }).allowClear).toBe(false);
    const pin = 30 * DAY_MS;
    expect(decideDowngrade('a.test', { tlsLastSeenAt: T0 }, 'no-starttls', { now: T0 + pin, pinMaxAgeMs: pin }).allowClear).toBe(false);
    expect(decideDowngrade('a.test', { tlsLastSeenAt: T0 }, 'no-starttls', { now: T0 + pin + 1, pinMaxAgeMs: pin })).toEqual({
      allowClear: true,
      downgrade: false,
      reason: 'a.test last showed TLS on 2026-11-20, beyond the pin (no STARTTLS offered): clear text allowed',
    });
  });
});

describe('MemoryDomainStatusStore', () => {
  it('records probes as history, newest first, and tracks when TLS was first and last seen', async () => {
    const store = new MemoryDomainStatusStore();
    expect(await store.markSeen('Mail.Example.TEST.', T0)).toBe(true);
    expect(await store.markSeen('mail.example.test', T0 + 1)).toBe(false);
    expect(await store.get('mail.example.test')).toEqual({
      domain: 'mail.example.test',
      firstSeenAt: T0,
      lastProbedAt: null,
      lastProbe: null,
      tlsFirstSeenAt: null,
      tlsLastSeenAt: null,
    });

    await store.record('mail.example.test', probeAt('mail.example.test', T0, false));
    await store.record('mail.example.test', probeAt('mail.example.test', T0 + DAY_MS, true));
    const status = await store.record('MAIL.example.test', probeAt('mail.example.test', T0 + 2 * DAY_MS, false));
    // A probe without TLS does not erase the evidence of the earlier one.
    expect(status).toMatchObject({ lastProbedAt: T0 + 2 * DAY_MS, tlsFirstSeenAt: T0 + DAY_MS, tlsLastSeenAt: T0 + DAY_MS });
    expect(status.lastProbe?.checkedAt).toBe(new Date(T0 + 2 * DAY_MS).toISOString());
    const history = await store.history('mail.example.test');
    expect(history.map((p) => [p.checkedAt, p.summary.tlsCapable])).toEqual([
      [new Date(T0 + 2 * DAY_MS).toISOString(), false],
      [new Date(T0 + DAY_MS).toISOString(), true],
      [new Date(T0).toISOString(), false],
    ]);
    expect(await store.history('mail.example.test', 1)).toHaveLength(1);
  });

  it('a delivery over TLS is evidence as well; out-of-order reports keep the extremes', async () => {
    const store = new MemoryDomainStatusStore();
    await store.noteTls('b.test', T0 + 5 * HOUR);
    await store.noteTls('b.test', T0 + HOUR);
    expect(await store.get('b.test')).toMatchObject({ firstSeenAt: T0 + 5 * HOUR, tlsFirstSeenAt: T0 + HOUR, tlsLastSeenAt: T0 + 5 * HOUR, lastProbedAt: null });
  });

  it('history is bounded', async () => {
    const store = new MemoryDomainStatusStore(3);
    for (let i = 0; i < 5; i++) await store.record('c.test', probeAt('c.test', T0 + i * DAY_MS, true));
    expect((await store.history('c.test')).map((p) => p.checkedAt)).toEqual([4, 3, 2].map((i) => new Date(T0 + i * DAY_MS).toISOString()));
  });

  it('returns copies: callers cannot change what is stored', async () => {
    const store = new MemoryDomainStatusStore();
    await store.record('d.test', probeAt('d.test', T0, true));
    const got = (await store.get('d.test'))!;
    got.tlsLastSeenAt = null;
    (await store.history('d.test'))[0]!.mx.length = 0;
    expect((await store.get('d.test'))!.tlsLastSeenAt).toBe(T0);
    expect((await store.history('d.test'))[0]!.mx).toHaveLength(1);
  });
});

describe('ProbeScheduler', () => {
  function setup() {
    const store = new MemoryDomainStatusStore();
    let now = T0;
    const clock = { advance: (ms: number) => (now += ms), get: () => now };
    const scheduler = new ProbeScheduler(store, { now: () => now, concurrency: 2 });
    const calls: string[] = [];
    const failing = new Set<string>();
    const probe = async (domain: string) => {
      calls.push(domain);
      if (failing.has(domain)) throw new Error(`cannot probe ${domain}`);
      return probeAt(domain, now, true);
    };
    return { store, clock, scheduler, calls, failing, probe };
  }

  it('a first-seen domain is due at once, then again a day after its last probe', async () => {
    const { clock, scheduler, calls, probe } = setup();
    expect(await scheduler.seen('a.test')).toBe(true);
    expect(await scheduler.seen('a.test')).toBe(false);
    expect(await scheduler.due()).toEqual(['a.test']);
    expect(await scheduler.runDue(probe)).toEqual({ probed: ['a.test'], failed: [] });
    expect(calls).toEqual(['a.test']);

    expect(await scheduler.due()).toEqual([]);
    clock.advance(DAY_MS - 1);
    expect(await scheduler.due()).toEqual([]);
    expect(await scheduler.runDue(probe)).toEqual({ probed: [], failed: [] });
    clock.advance(1);
    expect(await scheduler.due()).toEqual(['a.test']);
    await scheduler.runDue(probe);
    expect(calls).toEqual(['a.test', 'a.test']);
  });

  it('never-probed domains come first, then the longest unprobed', async () => {
    const { clock, scheduler, probe } = setup();
    await scheduler.seen('old.test');
    await scheduler.runDue(probe); // old.test probed at T0
    clock.advance(HOUR);
    await scheduler.seen('mid.test');
    await scheduler.runDue(probe); // mid.test probed at T0+1h
    clock.advance(DAY_MS + HOUR);
    await scheduler.seen('new2.test');
    clock.advance(1);
    await scheduler.seen('new1.test');
    // new2 was seen before new1; old was probed before mid.
    expect(await scheduler.due()).toEqual(['new2.test', 'new1.test', 'old.test', 'mid.test']);
  });

  it('records each result in the store, passing the prior status to the probe', async () => {
    const { store, clock, scheduler } = setup();
    await scheduler.seen('p.test');
    const priors: unknown[] = [];
    const probe = async (domain: string, prior: unknown) => {
      priors.push(prior);
      return probeAt(domain, clock.get(), true);
    };
    await scheduler.runDue(probe);
    clock.advance(DAY_MS);
    await scheduler.runDue(probe);
    expect(priors[0]).toMatchObject({ domain: 'p.test', lastProbedAt: null, tlsLastSeenAt: null });
    expect(priors[1]).toMatchObject({ domain: 'p.test', lastProbedAt: T0, tlsLastSeenAt: T0 });
    expect(await store.history('p.test')).toHaveLength(2);
  });

  it('a probe that throws is reported, not recorded, and retried after the back-off', async () => {
    const { store, clock, scheduler, calls, failing, probe } = setup();
    await scheduler.seen('bad.test');
    await scheduler.seen('ok.test');
    failing.add('bad.test');
    const run = await scheduler.runDue(probe);
    expect(run.probed).toEqual(['ok.test']);
    expect(run.failed).toEqual([{ domain: 'bad.test', error: 'cannot probe bad.test' }]);
    expect((await store.get('bad.test'))!.lastProbedAt).toBeNull();
    clock.advance(HOUR - 1);
    expect(await scheduler.due()).toEqual([]);
    clock.advance(1);
    expect(await scheduler.due()).toEqual(['bad.test']);
    failing.clear();
    expect(await scheduler.runDue(probe)).toEqual({ probed: ['bad.test'], failed: [] });
    expect(calls).toEqual(['bad.test', 'ok.test', 'bad.test']);
  });

  it('runs at most `concurrency` probes at once', async () => {
    const { scheduler } = setup();
    for (const d of ['a.test', 'b.test', 'c.test', 'd.test', 'e.test']) await scheduler.seen(d);
    let running = 0;
    let peak = 0;
    const run = await scheduler.runDue(async (domain) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return probeAt(domain, T0, false);
    });
    expect(run.probed.sort()).toEqual(['a.test', 'b.test', 'c.test', 'd.test', 'e.test']);
    expect(peak).toBe(2);
  });
});
