// Applies an MTA-STS policy to one candidate MX and its TLS outcome (RFC 8461 §4, §5):
// - enforce: deliver only to an MX matching the policy over TLS whose certificate is valid
//   for the MX name (WebPKI); otherwise refuse this MX (try the next one, else defer).
// - testing: always deliver, but report what enforce would have refused.
// - none / no policy: deliver.
// Every call yields a TLS-RPT session record (RFC 8460) for the daily report.
import { mxMatchesAny } from './match.ts';
import type { MtaStsResult } from './resolver.ts';
import type { FailureDetail, ReportPolicy, ResultType, SessionResult } from './tls-rpt-types.ts';

export type TlsFailure = Extract<
  ResultType,
  'starttls-not-supported' | 'certificate-host-mismatch' | 'certificate-expired' | 'certificate-not-trusted' | 'validation-failure'
>;

/** `verified`: STARTTLS, TLS ≥ 1.2, certificate chains to a WebPKI root and names the MX host. */
export type TlsOutcome = { verified: true } | { verified: false; failure: TlsFailure; detail?: string };

export type Candidate = {
  mxHost: string;
  tls: TlsOutcome;
  sendingMtaIp?: string;
  receivingIp?: string;
  receivingMxHelo?: string;
};

export type StsDecision = {
  allow: boolean;
  /** Short reason for logs and the audit trail (no message content). */
  reason: string;
  /** What TLS-RPT should count for this session. */
  session: SessionResult;
};

export function reportPolicy(policy: MtaStsResult): ReportPolicy {
  if (policy.source === 'none') {
    // A domain that publishes an STS record we could not use still gets an "sts" entry.
    return policy.error
      ? { 'policy-type': 'sts', 'policy-string': [], 'policy-domain': policy.domain }
      : { 'policy-type': 'no-policy-found', 'policy-string': [], 'policy-domain': policy.domain };
  }
  const lines = (policy.policyText ?? '').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
  return { 'policy-type': 'sts', 'policy-string': lines, 'policy-domain': policy.domain, 'mx-host': [...policy.mx] };
}

/** Before connecting: may this MX be used at all? (enforce refuses non-matching MXes outright.) */
export function mxPermitted(policy: MtaStsResult, mxHost: string): boolean {
  return policy.mode !== 'enforce' || mxMatchesAny(policy.mx, mxHost);
}

export function applyPolicy(policy: MtaStsResult, candidate: Candidate, now: number = Date.now()): StsDecision {
  const rpt = reportPolicy(policy);
  const failure = (resultType: ResultType, reasonCode?: string): FailureDetail => ({
    'result-type': resultType,
    ...(candidate.sendingMtaIp ? { 'sending-mta-ip': candidate.sendingMtaIp } : {}),
    'receiving-mx-hostname': candidate.mxHost,
    ...(candidate.receivingMxHelo ? { 'receiving-mx-helo': candidate.receivingMxHelo } : {}),
    ...(candidate.receivingIp ? { 'receiving-ip': candidate.receivingIp } : {}),
    'failed-session-count': 1,
    ...(reasonCode ? { 'failure-reason-code': reasonCode } : {}),
  });
  const session = (success: boolean, detail?: FailureDetail): SessionResult => ({
    at: now,
    policy: rpt,
    success,
    ...(detail ? { failure: detail } : {}),
  });

  if (policy.source === 'none' || policy.mode === 'none') {
    // No policy to apply. Discovery errors are still worth reporting to the domain.
    if (policy.source === 'none' && policy.error) {
      return { allow: true, reason: `no usable MTA-STS policy (${policy.error.code})`, session: session(false, failure(policy.error.resultType, policy.error.code)) };
    }
    const noTls = !candidate.tls.verified && candidate.tls.failure === 'starttls-not-supported';
    return { allow: true, reason: 'no MTA-STS policy', session: session(!noTls, noTls ? failure('starttls-not-supported') : undefined) };
  }

  let problem: FailureDetail | undefined;
  let reason = `MX ${candidate.mxHost} meets the MTA-STS policy`;
  if (!mxMatchesAny(policy.mx, candidate.mxHost)) {
    problem = failure('validation-failure', 'mx-not-in-policy');
    reason = `MX ${candidate.mxHost} is not listed in the MTA-STS policy`;
  } else if (!candidate.tls.verified) {
    problem = failure(candidate.tls.failure, candidate.tls.detail);
    reason = `MX ${candidate.mxHost}: ${candidate.tls.failure}`;
  }
  if (!problem) return { allow: true, reason, session: session(true) };
  if (policy.mode === 'testing') return { allow: true, reason: `${reason} (testing mode: delivered anyway)`, session: session(false, problem) };
  return { allow: false, reason: `${reason} (enforce mode: refused)`, session: session(false, problem) };
}
