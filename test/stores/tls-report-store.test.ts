import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db } from '../../db/client.ts';
import { applyPolicy } from '../../gateway/deliver/mta-sts/apply.ts';
import type { MtaStsResult } from '../../gateway/deliver/mta-sts/resolver.ts';
import { buildDailyReports } from '../../gateway/deliver/mta-sts/tls-rpt.ts';
import type { SessionResult, TlsRptReport } from '../../gateway/deliver/mta-sts/tls-rpt-types.ts';
import { TlsReportStore, tlsSessionFrom, type TlsSession } from '../../gateway/stores/tls-report-store.ts';
import { backends, openTestDb, type TestDb } from './backends.ts';

const DAY = '2026-07-14';
const AT = new Date('2026-07-14T09:30:00.000Z');
const STS = ['version: STSv1', 'mode: enforce', 'mx: mx1.hospital.example', 'mx: *.backup.hospital.example', 'max_age: 86400'];

const session = (over: Partial<TlsSession>): TlsSession => ({
  at: AT,
  policyDomain: 'hospital.example',
  policyType: 'sts',
  policyString: STS,
  mxHost: 'mx1.hospital.example',
  receivingIp: '198.51.100.7',
  resultType: null,
  ...over,
});
const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const options = { organizationName: 'Clinic', contactInfo: 'tlsrpt@clinic.example', day: DAY, reportId: (d: string) => `${DAY}.${d}` };

describe.each(backends)('TlsReportStore on %s', (backend) => {
  let t: TestDb;
  let db: Db;
  let store: TlsReportStore;

  beforeAll(async () => {
    t = await openTestDb(backend);
    db = t.database.db;
    store = new TlsReportStore(db);
  });
  afterAll(async () => t?.close());

  it('aggregates sessions per day and key, across transactions', async () => {
    await db.transaction(async (tx) => {
      await store.recordSessions(tx, [
        ...times(3, session({})),
        ...times(2, session({ mxHost: 'MX2.backup.hospital.example.', receivingIp: '198.51.100.8', resultType: 'certificate-expired', sendingIp: '203.0.113.5' })),
        session({ policyDomain: 'Small.Example', policyType: 'no-policy-found', policyString: [], mxHost: 'mail.small.example', receivingIp: undefined }),
        session({ at: new Date('2026-07-15T00:00:00.000Z') }),
        session({ at: new Date('2026-07-14T23:59:59.999Z') }),
      ]);
    });
    await db.transaction(async (tx) => {
      await store.recordSessions(tx, [session({}), session({ mxHost: 'mx2.backup.hospital.example', receivingIp: '198.51.100.8', resultType: 'certificate-expired' })]);
    });
    const rows = await store.rowsForDay(DAY);
    expect(rows).toEqual([
      { day: DAY, policyDomain: 'hospital.example', policyType: 'sts', policyString: STS, mxHost: 'mx1.hospital.example', resultType: '', receivingIp: '198.51.100.7', sendingIp: '', successCount: 5, failureCount: 0 },
      { day: DAY, policyDomain: 'hospital.example', policyType: 'sts', policyString: STS, mxHost: 'mx2.backup.hospital.example', resultType: 'certificate-expired', receivingIp: '198.51.100.8', sendingIp: '203.0.113.5', successCount: 0, failureCount: 3 },
      { day: DAY, policyDomain: 'small.example', policyType: 'no-policy-found', policyString: [], mxHost: 'mail.small.example', resultType: '', receivingIp: '', sendingIp: '', successCount: 1, failureCount: 0 },
    ]);
    expect(await store.days()).toEqual(['2026-07-14', '2026-07-15']);
  });

  it('produces the RFC 8460 daily reports', async () => {
    const reports = await store.reportsForDay(options);
    expect(reports).toEqual([
      {
        'organization-name': 'Clinic',
        'date-range': { 'start-datetime': '2026-07-14T00:00:00Z', 'end-datetime': '2026-07-14T23:59:59Z' },
        'contact-info': 'tlsrpt@clinic.example',
        'report-id': '2026-07-14.hospital.example',
        policies: [
          {
            policy: { 'policy-type': 'sts', 'policy-string': STS, 'policy-domain': 'hospital.example', 'mx-host': ['mx1.hospital.example', '*.backup.hospital.example'] },
            summary: { 'total-successful-session-count': 5, 'total-failure-session-count': 3 },
            'failure-details': [
              {
                'result-type': 'certificate-expired',
                'sending-mta-ip': '203.0.113.5',
                'receiving-mx-hostname': 'mx2.backup.hospital.example',
                'receiving-ip': '198.51.100.8',
                'failed-session-count': 3,
              },
            ],
          },
        ],
      },
      {
        'organization-name': 'Clinic',
        'date-range': { 'start-datetime': '2026-07-14T00:00:00Z', 'end-datetime': '2026-07-14T23:59:59Z' },
        'contact-info': 'tlsrpt@clinic.example',
        'report-id': '2026-07-14.small.example',
        policies: [
          {
            policy: { 'policy-type': 'no-policy-found', 'policy-string': [], 'policy-domain': 'small.example' },
            summary: { 'total-successful-session-count': 1, 'total-failure-session-count': 0 },
          },
        ],
      },
    ] satisfies TlsRptReport[]);
    expect(await store.sessionsForDay('2026-07-15')).toEqual([
      { at: Date.parse('2026-07-15T00:00:00.000Z'), policy: { 'policy-type': 'sts', 'policy-string': STS, 'policy-domain': 'hospital.example', 'mx-host': ['mx1.hospital.example', '*.backup.hospital.example'] }, success: true },
    ]);
    expect(await store.sessionsForDay('2026-07-16')).toEqual([]);
    await expect(store.sessionsForDay('14.07.2026')).rejects.toThrow('day "14.07.2026" is not YYYY-MM-DD');
  });

  it('gives the same report as buildDailyReports over the sessions applyPolicy yielded', async () => {
    const day = '2026-08-01';
    const now = Date.parse(`${day}T10:00:00Z`);
    const policy: MtaStsResult = {
      domain: 'same.example',
      mode: 'testing',
      mx: ['mx.same.example'],
      maxAge: 86400,
      id: 'abc',
      fetchedAt: now - 1000,
      source: 'cache',
      policyText: 'version: STSv1\r\nmode: testing\r\nmx: mx.same.example\r\nmax_age: 86400\r\n',
    };
    const none: MtaStsResult = { domain: 'plain.example', mode: 'none', mx: [], maxAge: 0, id: null, fetchedAt: null, source: 'none' };
    const attempts: { result: SessionResult; mxHost: string; receivingIp: string }[] = [];
    const add = (p: MtaStsResult, mxHost: string, ok: boolean, n: number) => {
      for (let i = 0; i < n; i++) {
        const tls = ok ? ({ verified: true } as const) : ({ verified: false, failure: 'certificate-not-trusted' } as const);
        const d = applyPolicy(p, { mxHost, tls, receivingIp: '192.0.2.1' }, now + i);
        attempts.push({ result: d.session, mxHost, receivingIp: '192.0.2.1' });
      }
    };
    add(policy, 'mx.same.example', true, 4);
    add(policy, 'mx.same.example', false, 2);
    add(policy, 'rogue.same.example', true, 1);
    add(none, 'mx.plain.example', true, 2);
    const noTls = applyPolicy(none, { mxHost: 'mx.plain.example', tls: { verified: false, failure: 'starttls-not-supported' }, receivingIp: '192.0.2.9' }, now);
    attempts.push({ result: noTls.session, mxHost: 'mx.plain.example', receivingIp: '192.0.2.9' });

    await db.transaction(async (tx) => store.recordSessions(tx, attempts.map((a) => tlsSessionFrom(a.result, a))));
    const sortPolicies = (rs: TlsRptReport[]) => rs.map((r) => ({ ...r, policies: [...r.policies].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) }));
    const opts = { ...options, day };
    const expected = buildDailyReports(opts, attempts.map((a) => a.result));
    // The failure-reason-code applyPolicy sets (e.g. mx-not-in-policy) is not kept by the store.
    for (const r of expected) for (const p of r.policies) for (const f of p['failure-details'] ?? []) delete f['failure-reason-code'];
    expect(sortPolicies(await store.reportsForDay(opts))).toEqual(sortPolicies(expected));
    expect(expected.map((r) => r.policies.map((p) => p.summary))).toEqual([
      [{ 'total-successful-session-count': 2, 'total-failure-session-count': 1 }],
      [{ 'total-successful-session-count': 4, 'total-failure-session-count': 3 }],
    ]);
  });

  it('counts nothing when the caller rolls back, and counts concurrent transactions exactly', async () => {
    const day = '2026-09-01';
    const s = session({ at: new Date(`${day}T12:00:00Z`) });
    await expect(
      db.transaction(async (tx) => {
        await store.recordSessions(tx, [s, s]);
        throw new Error('delivery completion failed');
      }),
    ).rejects.toThrow('delivery completion failed');
    expect(await store.rowsForDay(day)).toEqual([]);
    await Promise.all(times(6, 0).map(() => db.transaction(async (tx) => store.recordSessions(tx, times(5, s)))));
    expect((await store.rowsForDay(day)).map((r) => [r.successCount, r.failureCount])).toEqual([[30, 0]]);
  });

  it('rejects malformed sessions and deletes old days', async () => {
    await expect(db.transaction(async (tx) => store.recordSessions(tx, [session({ policyType: 'dane' as 'sts' })]))).rejects.toThrow('unknown TLS-RPT policy type "dane"');
    await expect(db.transaction(async (tx) => store.recordSessions(tx, [session({ at: new Date('x') })]))).rejects.toThrow('TLS session without a valid time');
    expect(await store.deleteBefore('2026-07-15')).toBe(3);
    expect(await store.days()).toEqual(['2026-07-15', '2026-08-01', '2026-09-01']);
  });
});
