// The probe's verdict: is the domain TLS-capable, is its TLS verified, and how would phigate
// send an ordinary recipient's mail there. `deriveMethod` assumes the contract's default
// policy (tls-opportunistic, minTls 1.2) plus what delivery always adds: MTA-STS enforce and
// the no-silent-downgrade rule. It is the one place the policy engine plugs in later
// (probeDomain takes a replacement).
import { mxMatchesAny } from '../mta-sts/match.ts';
import { decideDowngrade } from './downgrade.ts';
import type { DomainStatus } from './status-store.ts';
import type { MtaStsInfo, MxProbe, ProbeSummary, TlsInfo } from './types.ts';

export interface MethodInput {
  domain: string;
  /** In delivery order. */
  mx: MxProbe[];
  mtaSts: MtaStsInfo;
  /** The stored status before this probe, when the caller has one (for the downgrade rule). */
  prior?: Pick<DomainStatus, 'tlsLastSeenAt'>;
  now?: number;
}

export type MethodFn = (input: MethodInput) => string;

const verified = (t: TlsInfo | null): boolean => t !== null && t.authorized && t.nameMatches;
/** 'TLSv1.3' → 'TLS 1.3'. */
const tlsName = (t: TlsInfo): string => t.version.replace(/^TLSv/, 'TLS ');

export function summarize(input: MethodInput, method: MethodFn = deriveMethod): ProbeSummary {
  const reachable = input.mx.filter((m) => m.reachable);
  const tlsCapable = reachable.length > 0 && reachable.every((m) => m.tls !== null);
  return { tlsCapable, verified: tlsCapable && reachable.every((m) => verified(m.tls)), method: method(input) };
}

export function deriveMethod({ domain, mx, mtaSts, prior, now }: MethodInput): string {
  const reachable = mx.filter((m) => m.reachable);
  if (reachable.length === 0) return 'deferred (no MX host reachable)';

  // MTA-STS enforce (RFC 8461 §5): only a policy-listed MX with verified TLS may be used.
  if (mtaSts.mode === 'enforce') {
    const ok = reachable.find((m) => mxMatchesAny(mtaSts.mx, m.host) && verified(m.tls));
    return ok ? `tls-required (MTA-STS enforce, ${tlsName(ok.tls!)}, verified)` : 'deferred (MTA-STS enforce: no MX listed in the policy offers verified TLS)';
  }

  // Opportunistic TLS: what the first reachable MX (the one delivery would use) offers.
  const primary = reachable[0]!;
  const testing = mtaSts.mode === 'testing' ? ', MTA-STS testing' : '';
  if (primary.tls) {
    const how = verified(primary.tls) ? 'verified' : `unverified: ${primary.tls.error ?? 'certificate not valid'}`;
    return `tls-opportunistic (${tlsName(primary.tls)}, ${how}${testing})`;
  }
  const attempt = primary.starttls ? 'handshake-failed' : 'no-starttls';
  const rule = decideDowngrade(domain, prior, attempt, { now });
  if (!rule.allowClear) return `deferred (${rule.reason})`;
  const why = !primary.starttls ? 'no STARTTLS offered' : primary.weakTlsOnly ? 'only TLS below 1.2 offered' : 'TLS handshake failed';
  return `clear (tls-opportunistic: ${why}${testing})`;
}
