// "No silent downgrade": once a domain has shown working TLS, a connection that suddenly
// offers no STARTTLS, or whose handshake fails, is treated as an attack (STARTTLS stripping,
// a downgrade) rather than as a server without TLS. Opportunistic TLS would send in clear;
// this rule says no, so the caller defers (or takes the policy's fallback chain) and audits
// the reason.
//
// Why domain-wide and not per MX host: an attacker who can strip STARTTLS from the primary
// can usually strip it from the backup too, and blocking the primary to push mail to a backup
// that never had TLS is the classic downgrade. A domain whose backup MX lacks TLS therefore
// gets deferred while only the backup answers — mail waits for the primary rather than leak.
//
// Pure: the caller passes the stored status and the clock.
import type { DomainStatus } from './status-store.ts';

/** What the current connection got: usable TLS, no STARTTLS in EHLO, or STARTTLS that failed
 * (a handshake error, or only TLS below our floor — both count as "no usable TLS"). */
export type AttemptTls = 'ok' | 'no-starttls' | 'handshake-failed';

export interface DowngradeDecision {
  /** May this message go in clear text over this connection (opportunistic TLS)? */
  allowClear: boolean;
  /** True when clear text is refused because TLS was seen before: audit it as a downgrade. */
  downgrade: boolean;
  /** For the audit trail and the deferral reply; names the domain and dates, never content. */
  reason: string;
}

export interface DowngradeOptions {
  now?: number;
  /**
   * How long TLS evidence keeps the domain pinned to TLS. Default: for ever — a domain that
   * really dropped TLS is rare, and the operator lifts the pin by clearing its status; a pin
   * that lapsed on its own would be the silent downgrade this rule exists to prevent.
   */
  pinMaxAgeMs?: number;
}

export function decideDowngrade(
  domain: string,
  status: Pick<DomainStatus, 'tlsLastSeenAt'> | undefined,
  attempt: AttemptTls,
  opts: DowngradeOptions = {},
): DowngradeDecision {
  if (attempt === 'ok') return { allowClear: true, downgrade: false, reason: 'TLS negotiated' };
  const now = opts.now ?? Date.now();
  const pin = opts.pinMaxAgeMs ?? Infinity;
  const seen = status?.tlsLastSeenAt ?? null;
  const what = attempt === 'no-starttls' ? 'no STARTTLS offered' : 'TLS handshake failed';
  if (seen === null) {
    return { allowClear: true, downgrade: false, reason: `${domain} has never shown TLS (${what}): clear text allowed` };
  }
  const day = new Date(seen).toISOString().slice(0, 10);
  if (now - seen > pin) {
    return { allowClear: true, downgrade: false, reason: `${domain} last showed TLS on ${day}, beyond the pin (${what}): clear text allowed` };
  }
  const current = attempt === 'no-starttls' ? 'none now' : 'handshake fails now';
  return { allowClear: false, downgrade: true, reason: `downgrade: ${domain} offered TLS on ${day}, ${current}` };
}
