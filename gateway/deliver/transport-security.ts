// The one place where the delivery of a message to a next hop is given its transport
// security. Today: opportunistic TLS, or verified TLS plus the REQUIRETLS extension when the
// sender asked for it (RFC 8689). The per-recipient policy engine plugs in here.
import type { SecureVersion } from 'node:tls';

export interface TransportSecurity {
  /** Name recorded in the audit trail (a contract method name). */
  method: string;
  /** 'opportunistic': STARTTLS when offered, clear text otherwise; 'required': never clear text. */
  starttls: 'opportunistic' | 'required';
  /** Require a valid chain whose name matches the MX host. */
  verifyCertificate: boolean;
  minVersion: SecureVersion;
  /** Pass REQUIRETLS on MAIL FROM; the next hop must support it (RFC 8689 §4.2). */
  requireTlsExtension: boolean;
}

export function chooseTransportSecurity(msg: { requireTls: boolean }): TransportSecurity {
  if (msg.requireTls) {
    return { method: 'tls-required', starttls: 'required', verifyCertificate: true, minVersion: 'TLSv1.2', requireTlsExtension: true };
  }
  return { method: 'tls-opportunistic', starttls: 'opportunistic', verifyCertificate: false, minVersion: 'TLSv1.2', requireTlsExtension: false };
}

export function securityKey(s: TransportSecurity): string {
  return `${s.starttls}/${s.verifyCertificate ? 'verify' : 'any'}/${s.minVersion}/${s.requireTlsExtension ? 'rt' : ''}`;
}
