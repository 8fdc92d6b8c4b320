// deriveMethod/summarize: the verdict from probe results (pure; real probes are in probe.test.ts).
import { describe, expect, it } from 'vitest';
import { deriveMethod, summarize } from '../../gateway/deliver/probe/method.ts';
import type { MtaStsInfo, MxProbe, TlsInfo } from '../../gateway/deliver/probe/types.ts';

const good: TlsInfo = { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', authorized: true, nameMatches: true, notAfter: '2027-01-01T00:00:00.000Z' };
const selfSigned: TlsInfo = { ...good, version: 'TLSv1.2', authorized: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT' };
const mx = (host: string, over: Partial<MxProbe>): MxProbe => ({ host, ip: '127.0.0.1', port: 25, source: 'mx', reachable: true, starttls: false, tls: null, weakTlsOnly: false, ...over });
const none: MtaStsInfo = { mode: 'none', mx: [], maxAge: 0, id: null, source: 'none' };
const sts = (mode: 'enforce' | 'testing', patterns: string[]): MtaStsInfo => ({ mode, mx: patterns, maxAge: 86400, id: 'x', source: 'fetched' });

describe('deriveMethod', () => {
  it('uses the first reachable MX: an unreachable primary is skipped, as delivery would', () => {
    const hosts = [mx('mx1.a.test', { reachable: false, error: 'refused' }), mx('mx2.a.test', { starttls: true, tls: selfSigned })];
    expect(deriveMethod({ domain: 'a.test', mx: hosts, mtaSts: none })).toBe('tls-opportunistic (TLS 1.2, unverified: DEPTH_ZERO_SELF_SIGNED_CERT)');
  });

  it('MTA-STS testing changes nothing but is named', () => {
    expect(deriveMethod({ domain: 'a.test', mx: [mx('mx.a.test', {})], mtaSts: sts('testing', ['mx.a.test']) })).toBe('clear (tls-opportunistic: no STARTTLS offered, MTA-STS testing)');
  });

  it('MTA-STS enforce: the first listed MX with verified TLS, skipping unlisted or unverified ones', () => {
    const hosts = [mx('backup.other.test', { starttls: true, tls: good }), mx('mx1.a.test', { starttls: true, tls: selfSigned }), mx('mx2.a.test', { starttls: true, tls: { ...good, version: 'TLSv1.2' } })];
    expect(deriveMethod({ domain: 'a.test', mx: hosts, mtaSts: sts('enforce', ['*.a.test']) })).toBe('tls-required (MTA-STS enforce, TLS 1.2, verified)');
    expect(deriveMethod({ domain: 'a.test', mx: hosts.slice(0, 2), mtaSts: sts('enforce', ['*.a.test']) })).toBe(
      'deferred (MTA-STS enforce: no MX listed in the policy offers verified TLS)',
    );
  });

  it('a handshake failure after earlier TLS is a downgrade; without history it is clear text', () => {
    const hosts = [mx('mx.a.test', { starttls: true, error: 'TLS handshake failed: x' })];
    expect(deriveMethod({ domain: 'a.test', mx: hosts, mtaSts: none })).toBe('clear (tls-opportunistic: TLS handshake failed)');
    expect(deriveMethod({ domain: 'a.test', mx: hosts, mtaSts: none, prior: { tlsLastSeenAt: Date.UTC(2026, 0, 2) }, now: Date.UTC(2026, 0, 3) })).toBe(
      'deferred (downgrade: a.test offered TLS on 2026-01-02, handshake fails now)',
    );
  });
});

describe('summarize', () => {
  it('tlsCapable and verified look at every reachable MX; unreachable ones do not count', () => {
    const down = mx('mx0.a.test', { reachable: false });
    expect(summarize({ domain: 'a.test', mx: [down, mx('mx1.a.test', { starttls: true, tls: good })], mtaSts: none })).toEqual({
      tlsCapable: true,
      verified: true,
      method: 'tls-opportunistic (TLS 1.3, verified)',
    });
    expect(summarize({ domain: 'a.test', mx: [mx('mx1.a.test', { starttls: true, tls: good }), mx('mx2.a.test', { starttls: true, tls: selfSigned })], mtaSts: none })).toMatchObject({
      tlsCapable: true,
      verified: false,
    });
    expect(summarize({ domain: 'a.test', mx: [down], mtaSts: none })).toMatchObject({ tlsCapable: false, verified: false });
  });

  it('takes a replacement method function (where the policy engine plugs in)', () => {
    expect(summarize({ domain: 'a.test', mx: [], mtaSts: none }, (i) => `custom for ${i.domain}`).method).toBe('custom for a.test');
  });
});
