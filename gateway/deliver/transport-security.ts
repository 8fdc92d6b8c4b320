// The one place where a recipient's policy decision becomes the transport security of its SMTP
// leg. Every input that can only strengthen it is applied here, in one order:
//   1. the rule's method and TLS level (gateway/policy/decide.ts),
//   2. REQUIRETLS from the sender (RFC 8689),
//   3. the recipient domain's MTA-STS policy in enforce mode (RFC 8461),
//   4. the domain's TLS history (no silent downgrade).
// Nothing here can weaken an earlier step.
import type { SecureVersion } from 'node:tls';
import type { Decision } from '../policy/decide.ts';
import { isVerifiedLevel, type TlsVersion } from '../policy/methods.ts';

export interface TransportSecurity {
  /** The policy method (contract name) recorded in the audit trail. */
  method: string;
  /** 'opportunistic': STARTTLS when offered and usable, clear text otherwise. 'required': never clear text. */
  starttls: 'opportunistic' | 'required';
  /** Require a valid chain whose name matches the MX host. */
  verifyCertificate: boolean;
  /** Postfix's "secure": the MX host must also lie within the recipient domain. */
  nextHopDomain: string | null;
  minVersion: SecureVersion;
  /** Pass REQUIRETLS on MAIL FROM; the next hop must support it (RFC 8689 §4.2). */
  requireTlsExtension: boolean;
  /** Level `dane`: authenticate by TLSA records where DNSSEC says they exist (RFC 7672). */
  dane: boolean;
  /** When no reachable MX offers the required TLS: wait and retry, or drop (tls-exclusive). */
  onTlsFailure: 'defer' | 'drop';
  /** Plain-language reasons, for the audit trail. */
  reasons: string[];
}

const TLS_VERSION: Record<TlsVersion, SecureVersion> = { '1.0': 'TLSv1', '1.1': 'TLSv1.1', '1.2': 'TLSv1.2', '1.3': 'TLSv1.3' };

/** Methods whose secure form (PGP, S/MIME, portal) is not part of this build: deferred, never sent in clear. */
export const UNAVAILABLE_METHODS = new Set(['pgp', 'smime', 'portal']);

export interface SecurityInputs {
  decision: Decision;
  domain: string;
  requireTls: boolean;
  mtaStsEnforce: boolean;
  /** The domain has shown working TLS before (probe or delivery): clear text would be a downgrade. */
  tlsPinnedSince: number | null;
}

export function transportSecurity(input: SecurityInputs): TransportSecurity {
  const { decision } = input;
  const reasons = [...decision.reasons];
  const level = decision.tlsLevel;
  const verifiedMethod = decision.method !== 'tls-opportunistic';
  const s: TransportSecurity = {
    method: decision.method,
    starttls: level === 'may' && !verifiedMethod ? 'opportunistic' : 'required',
    verifyCertificate: verifiedMethod || isVerifiedLevel(level),
    nextHopDomain: level === 'secure' ? input.domain : null,
    minVersion: TLS_VERSION[decision.minTls],
    requireTlsExtension: false,
    dane: level === 'dane',
    onTlsFailure: decision.method === 'tls-exclusive' ? 'drop' : 'defer',
    reasons,
  };
  if (input.requireTls) {
    s.starttls = 'required';
    s.verifyCertificate = true;
    s.requireTlsExtension = true;
    reasons.push('the sender asked for REQUIRETLS (RFC 8689)');
  }
  if (input.mtaStsEnforce && !decision.ignoreRecipientTlsPolicy) {
    s.starttls = 'required';
    s.verifyCertificate = true;
    reasons.push(`${input.domain} publishes an MTA-STS policy in enforce mode`);
  }
  if (input.tlsPinnedSince !== null && s.starttls === 'opportunistic' && !decision.ignoreRecipientTlsPolicy) {
    s.starttls = 'required';
    reasons.push(`${input.domain} has offered TLS since ${new Date(input.tlsPinnedSince).toISOString().slice(0, 10)}: clear text would be a downgrade`);
  }
  return s;
}

/** Opportunistic TLS for mail with no policy context (bounces we generate). */
export function opportunisticSecurity(): TransportSecurity {
  return { method: 'tls-opportunistic', starttls: 'opportunistic', verifyCertificate: false, nextHopDomain: null, minVersion: 'TLSv1.2', requireTlsExtension: false, dane: false, onTlsFailure: 'defer', reasons: [] };
}

export function securityKey(s: TransportSecurity): string {
  return [s.method, s.starttls, s.verifyCertificate ? 'verify' : 'any', s.nextHopDomain ?? '', s.minVersion, s.requireTlsExtension ? 'rt' : '', s.dane ? 'dane' : '', s.onTlsFailure].join('/');
}
