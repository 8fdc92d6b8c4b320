// What a domain probe records. Plain JSON (ISO dates, no class instances) so a result can be
// stored as is (in memory now, a jsonb column later), printed by `phigate domain check --json`
// and compared across days in the domain's history.
import type { Mode } from '../mta-sts/policy.ts';

export interface TlsInfo {
  /** As Node names it: 'TLSv1.3', 'TLSv1.2'. */
  version: string;
  /** IANA (RFC) name, e.g. 'TLS_AES_256_GCM_SHA384'. */
  cipher: string;
  /** The chain validated against the trust store (WebPKI roots plus any extra CA). */
  authorized: boolean;
  /** The certificate names the MX host (tls.checkServerIdentity), judged apart from the chain. */
  nameMatches: boolean;
  /** Certificate expiry, ISO 8601; null when the server sent no certificate. */
  notAfter: string | null;
  /** Why the certificate does not verify: the chain error and/or the name mismatch. */
  error?: string;
}

export interface MxProbe {
  /** The MX host name (what a certificate must name). */
  host: string;
  ip: string;
  port: number;
  source: 'mx' | 'implicit-mx' | 'transport';
  /** An SMTP session was opened (greeting and EHLO answered). */
  reachable: boolean;
  starttls: boolean;
  /** The usable TLS session (TLS ≥ 1.2 with a strong cipher); null when there is none. */
  tls: TlsInfo | null;
  /** STARTTLS works only below our floor (TLS < 1.2 or a weak cipher): counted as no TLS. */
  weakTlsOnly: boolean;
  error?: string;
}

export interface MtaStsInfo {
  mode: Mode;
  mx: string[];
  maxAge: number;
  id: string | null;
  source: 'cache' | 'fetched' | 'none';
  /** The policy body as served, when there is one. */
  policy?: string;
  error?: { code: string; message: string };
}

export interface ProbeSummary {
  /** Every reachable MX offered usable TLS (false when none was reachable). */
  tlsCapable: boolean;
  /** …and every reachable MX's certificate chains to a trusted root and names the host. */
  verified: boolean;
  /** What phigate would do for an ordinary recipient there (see method.ts). */
  method: string;
}

export interface DomainProbe {
  domain: string;
  checkedAt: string;
  /** Set when the domain's mail routes could not be found (NXDOMAIN, null MX, DNS failure). */
  resolveError?: { permanent: boolean; status: string; reason: string };
  mx: MxProbe[];
  mtaSts: MtaStsInfo;
  summary: ProbeSummary;
}
