// Delivery methods, TLS versions and TLS levels, and the orders between them.
// The names are part of the contract (contract.md, "Delivery methods and the policy file").

export const METHODS = [
  'tls-opportunistic',
  'tls-required',
  'tls-exclusive',
  'portal',
  'pgp',
  'smime',
  'best',
] as const;
export type Method = (typeof METHODS)[number];

/** Methods allowed in a fallback chain: each keeps PHI off the wire in clear text. */
export const FALLBACK_METHODS = ['pgp', 'smime', 'portal'] as const;
export type FallbackMethod = (typeof FALLBACK_METHODS)[number];

/** Minimum TLS protocol versions; there is deliberately nothing below 1.0. */
export const TLS_VERSIONS = ['1.0', '1.1', '1.2', '1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/**
 * Postfix smtp_tls_security_level names.
 * - may: TLS when offered, else clear text.
 * - encrypt: TLS always, certificate not checked.
 * - verify / secure: TLS always with a verified certificate (secure also pins the name to the
 *   next-hop domain rather than the MX name found in DNS).
 * - dane: DANE (RFC 7672) where the MX publishes usable TLSA records. Where a method needs
 *   verified TLS (see isVerifiedLevel), phigate reads `dane` as "DANE where TLSA records exist,
 *   PKIX verification otherwise" — never the clear-text fallback Postfix's plain `dane` has.
 */
export const TLS_LEVELS = ['may', 'encrypt', 'verify', 'secure', 'dane'] as const;
export type TlsLevel = (typeof TLS_LEVELS)[number];

/** Levels that authenticate the receiving server. */
export function isVerifiedLevel(level: TlsLevel): boolean {
  return level === 'verify' || level === 'secure' || level === 'dane';
}

/**
 * Strength order used by escalation and auto-forwarding (higher is stronger):
 *
 *   tls-opportunistic (0) < tls-required (1) < tls-exclusive (2) < best (3) < pgp = smime = portal (4)
 *
 * - tls-required beats tls-opportunistic: never clear text.
 * - tls-exclusive beats tls-required: no fallback hop where the message leaves our control less
 *   predictably; verified TLS or nothing.
 * - best beats the TLS methods: it uses PGP/S/MIME when a key is known and the portal when
 *   verified TLS cannot be had, so it always delivers and never in clear text.
 * - pgp, smime and portal rank above best because a rule that pins one of them never lets the
 *   message travel as (TLS-protected) clear text, which best may do. They tie with each other.
 */
const RANK: Record<Method, number> = {
  'tls-opportunistic': 0,
  'tls-required': 1,
  'tls-exclusive': 2,
  best: 3,
  pgp: 4,
  smime: 4,
  portal: 4,
};

export function methodRank(method: Method): number {
  return RANK[method];
}

/** The stronger of two methods; on a tie the first (already chosen) one is kept. */
export function strongerMethod(current: Method, floor: Method): Method {
  return RANK[floor] > RANK[current] ? floor : current;
}

/** Methods whose clear-text path must be over verified TLS. */
export function needsVerifiedTls(method: Method): boolean {
  return method === 'tls-required' || method === 'tls-exclusive' || method === 'best';
}

/** TLS level used when neither the rule nor the defaults name one. */
export function defaultTlsLevel(method: Method): TlsLevel {
  return needsVerifiedTls(method) ? 'verify' : 'may';
}
