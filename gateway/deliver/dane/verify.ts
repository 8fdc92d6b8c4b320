// DANE authentication of an SMTP server's certificate chain (RFC 7672 §3, RFC 7671).
//
// Node's TLS stack calls `checkServerIdentity` only after ordinary WebPKI validation has passed,
// so DANE cannot hook in there: connect with `rejectUnauthorized: false`, then call
// `daneVerify(records, peerChainDer(socket), mxHost)` and abort the session (QUIT, no MAIL FROM)
// unless it returns `ok: true`.
//
// Usages (RFC 7672 §3.1):
//   3 DANE-EE  the leaf matches the record; no name check, no expiry check (§3.1.1).
//   2 DANE-TA  some certificate the server sent matches the record; the chain from the leaf up
//              to it must verify (issuer linkage + signatures, CA issuers, validity of every cert
//              below the TA — the TA's own dates are not checked, as with a trust-store root), and
//              the leaf must name the MX host / TLSA base domain (§3.2.3; a wildcard only as the
//              whole left-most label).
//   0, 1       PKIX-TA / PKIX-EE are "unusable" for SMTP (§3.1.3): ignored.
// Records with unknown selectors or matching types are unusable too (RFC 6698 §4.1).
//
// No usable records: the result has `noUsableRecords: true`. RFC 7672 §2.2 says to treat this as
// if the server had no TLSA records, EXCEPT that TLS is still mandatory: deliver over STARTTLS
// without authentication, never in clear text.
import { X509Certificate, createHash } from 'node:crypto';
import type tls from 'node:tls';
import type { TlsaRecord } from './tlsa.ts';

export type TlsaParams = { usage: number; selector: number; matchingType: number };

export type DaneResult = {
  ok: boolean;
  /** The record that authenticated the peer (when ok). */
  matched?: TlsaParams;
  /** Set when every record was unusable: fall back to mandatory unauthenticated TLS. */
  noUsableRecords?: true;
  reason: string;
};

export type DaneVerifyOptions = {
  /**
   * Further names the leaf may carry for DANE-TA, e.g. the TLSA base domain when it differs
   * from the MX host (CNAME expansion, RFC 7672 §3.2.2). The MX host is always accepted.
   */
  names?: string[];
};

const USABLE_USAGES = new Set([2, 3]);
const SELECTORS = new Set([0, 1]);
const MATCHING_TYPES = new Set([0, 1, 2]);
const MAX_DEPTH = 10;

export function isUsable(r: TlsaRecord): boolean {
  return USABLE_USAGES.has(r.usage) && SELECTORS.has(r.selector) && MATCHING_TYPES.has(r.matchingType);
}

/** Does `cert` match the record's selector + matching type + data? */
export function tlsaMatches(r: TlsaRecord, cert: X509Certificate): boolean {
  let selected: Buffer;
  if (r.selector === 0) selected = cert.raw;
  else if (r.selector === 1) selected = cert.publicKey.export({ type: 'spki', format: 'der' });
  else return false;
  let digest: Buffer;
  if (r.matchingType === 0) digest = selected;
  else if (r.matchingType === 1) digest = createHash('sha256').update(selected).digest();
  else if (r.matchingType === 2) digest = createHash('sha512').update(selected).digest();
  else return false;
  return digest.length === r.data.length && digest.equals(r.data);
}

export function daneVerify(
  records: TlsaRecord[],
  chain: Buffer[],
  mxHost: string,
  now: Date = new Date(),
  opts: DaneVerifyOptions = {},
): DaneResult {
  const usable = records.filter(isUsable);
  if (!usable.length) return { ok: false, noUsableRecords: true, reason: 'no usable TLSA records' };
  if (!chain.length) return { ok: false, reason: 'peer sent no certificate' };

  const certs: X509Certificate[] = [];
  for (const [i, der] of chain.entries()) {
    try {
      certs.push(new X509Certificate(der));
    } catch (err) {
      if (i === 0) return { ok: false, reason: `cannot parse leaf certificate: ${(err as Error).message}` };
      // An unparsable extra certificate cannot be a TA or an issuer; skip it.
    }
  }
  const leaf = certs[0]!;

  // DANE-EE(3): the leaf alone decides.
  for (const r of usable) {
    if (r.usage === 3 && tlsaMatches(r, leaf)) return { ok: true, matched: params(r), reason: 'DANE-EE record matches the leaf' };
  }

  // DANE-TA(2): walk up from the leaf through the certificates the peer sent.
  const ta = usable.filter((r) => r.usage === 2);
  if (!ta.length) return { ok: false, reason: 'no DANE-EE record matches the leaf certificate' };

  const taMatch = (c: X509Certificate) => ta.find((r) => tlsaMatches(r, c));
  const path: X509Certificate[] = [leaf];
  let failure = 'no certificate in the chain matches a DANE-TA record';
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const current = path[path.length - 1]!;
    // The TA is the first certificate on the path (above the leaf) matching a DANE-TA record.
    // A DANE-TA match on the leaf itself counts too (a self-signed server "CA"), name-checked.
    const hit = taMatch(current);
    if (hit) {
      const below = path.slice(0, -1); // everything under the TA; the TA's dates are not checked
      const bad = below.find((c) => !validAt(c, now));
      if (bad) return { ok: false, reason: `certificate ${bad.subject.replace(/\n/g, ', ')} is not valid at ${now.toISOString()}` };
      const names = [mxHost, ...(opts.names ?? [])];
      const named = names.find((n) => nameMatches(leaf, n));
      if (!named) return { ok: false, reason: `leaf certificate does not name ${names.join(' or ')}` };
      return { ok: true, matched: params(hit), reason: `chain verifies to a DANE-TA trust anchor at depth ${path.length - 1}; leaf names ${named}` };
    }
    const issuer = certs.find((c) => !path.includes(c) && issues(c, current));
    if (!issuer) {
      failure =
        path.length === 1
          ? 'no certificate in the chain matches a DANE-TA record (leaf issuer not sent or not matching)'
          : `chain breaks above ${current.subject.replace(/\n/g, ', ')} before reaching a DANE-TA trust anchor`;
      break;
    }
    path.push(issuer);
  }
  return { ok: false, reason: failure };
}

/** Is `issuer` a CA whose name, key ids and signature fit `child`? */
function issues(issuer: X509Certificate, child: X509Certificate): boolean {
  if (!issuer.ca) return false;
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function validAt(c: X509Certificate, now: Date): boolean {
  const from = Date.parse(c.validFrom);
  const to = Date.parse(c.validTo);
  const t = now.getTime();
  return Number.isFinite(from) && Number.isFinite(to) && from <= t && t <= to;
}

function nameMatches(leaf: X509Certificate, host: string): boolean {
  const h = host.replace(/\.$/, '');
  if (!h) return false;
  return (
    leaf.checkHost(h, { subject: 'default', wildcards: true, partialWildcards: false, multiLabelWildcards: false, singleLabelSubdomains: false }) !==
    undefined
  );
}

function params(r: TlsaRecord): TlsaParams {
  return { usage: r.usage, selector: r.selector, matchingType: r.matchingType };
}

/**
 * The peer's certificates as DER, leaf first, following `issuerCertificate` links of
 * `getPeerCertificate(true)` (stops at the self-signed top or at a repeat).
 */
export function peerChainDer(socket: tls.TLSSocket): Buffer[] {
  const out: Buffer[] = [];
  const seen = new Set<string>();
  let cert = socket.getPeerCertificate(true) as tls.DetailedPeerCertificate | undefined;
  while (cert && cert.raw && out.length < MAX_DEPTH + 2) {
    const fp = cert.fingerprint256 ?? cert.raw.toString('base64');
    if (seen.has(fp)) break;
    seen.add(fp);
    out.push(Buffer.from(cert.raw));
    const next = cert.issuerCertificate;
    if (!next || next === cert) break;
    cert = next;
  }
  return out;
}
