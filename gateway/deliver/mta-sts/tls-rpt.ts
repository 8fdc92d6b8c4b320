// Builds RFC 8460 daily aggregate reports from recorded session results: one report per
// policy domain per UTC day, sessions grouped by the policy that applied, identical
// failures merged with their counts summed.
import { randomUUID } from 'node:crypto';
import type { FailureDetail, ReportPolicy, SessionResult, TlsRptReport } from './tls-rpt-types.ts';

export type { FailureDetail, ReportPolicy, SessionResult, TlsRptReport } from './tls-rpt-types.ts';

export type ReportOptions = {
  organizationName: string;
  /** E-mail address or URI for questions about the report. */
  contactInfo: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  reportId?: (policyDomain: string) => string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function dayRange(day: string): { start: number; end: number } {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new Error(`day "${day}" is not YYYY-MM-DD`);
  const start = Date.parse(`${day}T00:00:00Z`);
  return { start, end: start + 86_400_000 };
}

// A stable key for grouping: field order and mx order must not split one policy in two.
const policyKey = (p: ReportPolicy) =>
  JSON.stringify([p['policy-type'], p['policy-domain'].toLowerCase(), p['policy-string'], [...(p['mx-host'] ?? [])].sort()]);
const failureKey = (f: FailureDetail) => {
  const { 'failed-session-count': _count, ...rest } = f;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
};

/** Reports for every policy domain with sessions on `day`. */
export function buildDailyReports(options: ReportOptions, sessions: readonly SessionResult[]): TlsRptReport[] {
  const { start, end } = dayRange(options.day);
  const byDomain = new Map<string, SessionResult[]>();
  for (const s of sessions) {
    if (s.at < start || s.at >= end) continue;
    const d = s.policy['policy-domain'].toLowerCase();
    byDomain.set(d, [...(byDomain.get(d) ?? []), s]);
  }
  return [...byDomain.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([domain, list]) => buildReport(options, domain, list));
}

function buildReport(options: ReportOptions, domain: string, sessions: SessionResult[]): TlsRptReport {
  const groups = new Map<string, { policy: ReportPolicy; ok: number; failed: number; failures: Map<string, FailureDetail> }>();
  for (const s of sessions) {
    const key = policyKey(s.policy);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { policy: s.policy, ok: 0, failed: 0, failures: new Map() }));
    if (s.success) {
      g.ok++;
      continue;
    }
    g.failed++;
    if (s.failure) {
      const fk = failureKey(s.failure);
      const prev = g.failures.get(fk);
      const count = s.failure['failed-session-count'] || 1;
      g.failures.set(fk, prev ? { ...prev, 'failed-session-count': prev['failed-session-count'] + count } : { ...s.failure, 'failed-session-count': count });
    }
  }
  return {
    'organization-name': options.organizationName,
    'date-range': { 'start-datetime': `${options.day}T00:00:00Z`, 'end-datetime': `${options.day}T23:59:59Z` },
    'contact-info': options.contactInfo,
    'report-id': options.reportId?.(domain) ?? randomUUID(),
    policies: [...groups.values()].map((g) => ({
      policy: g.policy,
      summary: { 'total-successful-session-count': g.ok, 'total-failure-session-count': g.failed },
      ...(g.failures.size ? { 'failure-details': [...g.failures.values()] } : {}),
    })),
  };
}
