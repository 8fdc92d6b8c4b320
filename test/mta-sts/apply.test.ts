import { describe, expect, it } from 'vitest';
import { applyPolicy, mxPermitted, type Candidate } from '../../gateway/deliver/mta-sts/apply.ts';
import { buildDailyReports } from '../../gateway/deliver/mta-sts/tls-rpt.ts';
import type { MtaStsResult } from '../../gateway/deliver/mta-sts/resolver.ts';
import type { SessionResult } from '../../gateway/deliver/mta-sts/tls-rpt-types.ts';

const text = (mode: string) => `version: STSv1\r\nmode: ${mode}\r\nmx: *.mail.corp.test\r\nmax_age: 86400\r\n`;
const policy = (mode: 'enforce' | 'testing' | 'none'): MtaStsResult => ({
  domain: 'corp.test', mode, mx: mode === 'none' ? [] : ['*.mail.corp.test'], maxAge: 86400, id: 'x1',
  fetchedAt: 0, source: 'cache', policyText: text(mode),
});
const none: MtaStsResult = { domain: 'plain.test', mode: 'none', mx: [], maxAge: 0, id: null, fetchedAt: null, source: 'none' };
const verified = (mxHost: string): Candidate => ({ mxHost, tls: { verified: true }, sendingMtaIp: '192.0.2.1', receivingIp: '198.51.100.7' });
const failed = (mxHost: string, failure: 'starttls-not-supported' | 'certificate-host-mismatch' | 'certificate-expired' | 'certificate-not-trusted' | 'validation-failure'): Candidate => ({
  mxHost, tls: { verified: false, failure }, sendingMtaIp: '192.0.2.1', receivingIp: '198.51.100.7',
});
const T = Date.UTC(2026, 2, 14, 12);

describe('applying a policy to a candidate MX', () => {
  it('enforce: a listed MX over verified TLS is used, with a successful session', () => {
    const d = applyPolicy(policy('enforce'), verified('mx1.mail.corp.test'), T);
    expect(d.allow).toBe(true);
    expect(d.session).toEqual({
      at: T, success: true,
      policy: { 'policy-type': 'sts', 'policy-domain': 'corp.test', 'mx-host': ['*.mail.corp.test'], 'policy-string': ['version: STSv1', 'mode: enforce', 'mx: *.mail.corp.test', 'max_age: 86400'] },
    });
  });

  it('enforce: an MX not in the policy is refused even with verified TLS', () => {
    expect(mxPermitted(policy('enforce'), 'mx.evil.test')).toBe(false);
    const d = applyPolicy(policy('enforce'), verified('mx.evil.test'), T);
    expect(d.allow).toBe(false);
    expect(d.session.failure).toEqual({
      'result-type': 'validation-failure', 'failure-reason-code': 'mx-not-in-policy', 'failed-session-count': 1,
      'receiving-mx-hostname': 'mx.evil.test', 'sending-mta-ip': '192.0.2.1', 'receiving-ip': '198.51.100.7',
    });
  });

  it('enforce: a listed MX without verified TLS is refused, with the TLS failure reported', () => {
    for (const f of ['starttls-not-supported', 'certificate-host-mismatch', 'certificate-expired', 'certificate-not-trusted'] as const) {
      const d = applyPolicy(policy('enforce'), failed('mx1.mail.corp.test', f), T);
      expect(d.allow, f).toBe(false);
      expect(d.session).toMatchObject({ success: false, failure: { 'result-type': f, 'receiving-mx-hostname': 'mx1.mail.corp.test' } });
    }
  });

  it('testing: delivers anyway, but records what enforce would have refused', () => {
    expect(mxPermitted(policy('testing'), 'mx.evil.test')).toBe(true);
    const a = applyPolicy(policy('testing'), failed('mx1.mail.corp.test', 'certificate-expired'), T);
    expect(a).toMatchObject({ allow: true, session: { success: false, failure: { 'result-type': 'certificate-expired' } } });
    const b = applyPolicy(policy('testing'), verified('mx.evil.test'), T);
    expect(b).toMatchObject({ allow: true, session: { success: false, failure: { 'result-type': 'validation-failure' } } });
    expect(applyPolicy(policy('testing'), verified('a.mail.corp.test'), T)).toMatchObject({ allow: true, session: { success: true } });
  });

  it('mode none and no policy: deliver', () => {
    expect(applyPolicy(policy('none'), failed('anything.test', 'certificate-not-trusted'), T).allow).toBe(true);
    const d = applyPolicy(none, failed('mx.plain.test', 'certificate-not-trusted'), T);
    expect(d).toMatchObject({ allow: true, session: { success: true, policy: { 'policy-type': 'no-policy-found', 'policy-domain': 'plain.test' } } });
  });

  it('no usable policy because discovery failed: deliver, and report the discovery failure', () => {
    const broken: MtaStsResult = { ...none, domain: 'broken.test', error: { resultType: 'sts-webpki-invalid', code: 'tls', message: 'x' } };
    const d = applyPolicy(broken, verified('mx.broken.test'), T);
    expect(d).toMatchObject({ allow: true, session: { success: false, policy: { 'policy-type': 'sts' }, failure: { 'result-type': 'sts-webpki-invalid' } } });
  });
});

describe('TLS-RPT daily report (RFC 8460 §4)', () => {
  const sessions: SessionResult[] = [
    applyPolicy(policy('enforce'), verified('mx1.mail.corp.test'), T).session,
    applyPolicy(policy('enforce'), verified('mx2.mail.corp.test'), T + 1000).session,
    applyPolicy(policy('enforce'), failed('mx1.mail.corp.test', 'certificate-expired'), T + 2000).session,
    applyPolicy(policy('enforce'), failed('mx1.mail.corp.test', 'certificate-expired'), T + 3000).session,
    applyPolicy(policy('enforce'), failed('mx2.mail.corp.test', 'starttls-not-supported'), T + 4000).session,
    applyPolicy(none, verified('mx.plain.test'), T).session,
    applyPolicy(policy('enforce'), verified('mx1.mail.corp.test'), T + 86_400_000).session, // next day
  ];

  it('builds one report per policy domain with summaries and merged failure details', () => {
    const reports = buildDailyReports(
      { organizationName: 'Phigate Test Org', contactInfo: 'tlsrpt@phigate.test', day: '2026-03-14', reportId: (d) => `2026-03-14_${d}` },
      sessions,
    );
    expect(reports.map((r) => r['report-id'])).toEqual(['2026-03-14_corp.test', '2026-03-14_plain.test']);
    expect(reports[0]).toEqual({
      'organization-name': 'Phigate Test Org',
      'date-range': { 'start-datetime': '2026-03-14T00:00:00Z', 'end-datetime': '2026-03-14T23:59:59Z' },
      'contact-info': 'tlsrpt@phigate.test',
      'report-id': '2026-03-14_corp.test',
      policies: [
        {
          policy: { 'policy-type': 'sts', 'policy-domain': 'corp.test', 'mx-host': ['*.mail.corp.test'], 'policy-string': ['version: STSv1', 'mode: enforce', 'mx: *.mail.corp.test', 'max_age: 86400'] },
          summary: { 'total-successful-session-count': 2, 'total-failure-session-count': 3 },
          'failure-details': [
            { 'result-type': 'certificate-expired', 'sending-mta-ip': '192.0.2.1', 'receiving-mx-hostname': 'mx1.mail.corp.test', 'receiving-ip': '198.51.100.7', 'failed-session-count': 2 },
            { 'result-type': 'starttls-not-supported', 'sending-mta-ip': '192.0.2.1', 'receiving-mx-hostname': 'mx2.mail.corp.test', 'receiving-ip': '198.51.100.7', 'failed-session-count': 1 },
          ],
        },
      ],
    });
    expect(reports[1]!.policies).toEqual([
      { policy: { 'policy-type': 'no-policy-found', 'policy-string': [], 'policy-domain': 'plain.test' }, summary: { 'total-successful-session-count': 1, 'total-failure-session-count': 0 } },
    ]);
    // The report is plain JSON.
    expect(JSON.parse(JSON.stringify(reports))).toEqual(reports);
  });

  it('separates sessions under different policies of one domain', () => {
    const [report] = buildDailyReports({ organizationName: 'o', contactInfo: 'c', day: '2026-03-14' }, [
      applyPolicy(policy('enforce'), verified('mx1.mail.corp.test'), T).session,
      applyPolicy(policy('testing'), verified('mx1.mail.corp.test'), T).session,
    ]);
    expect(report!.policies).toHaveLength(2);
    expect(report!['report-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects a malformed day', () => {
    expect(() => buildDailyReports({ organizationName: 'o', contactInfo: 'c', day: '14/03/2026' }, [])).toThrow(/YYYY-MM-DD/);
  });
});
