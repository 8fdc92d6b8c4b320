// One delivery attempt to one next-hop address, with nodemailer's SMTP client. Reports what a
// compliance officer needs: which host and address, whether TLS was used, its version and
// cipher, whether the certificate verified for the MX name, and the server's replies.
import { isIP } from 'node:net';
import tls from 'node:tls';
import type { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import './nodemailer-patches.ts';
import { oneLine } from '../mime/header-safe.ts';
import type { Route } from './next-hop.ts';
import { securityKey, type TransportSecurity } from './transport-security.ts';
import { lookupTlsa } from './dane/tlsa.ts';
import { daneVerify, peerChainDer } from './dane/verify.ts';

export interface TlsOutcome {
  version: string;
  cipher: string;
  /** Chain validated against the trust store. */
  authorized: boolean;
  /** Chain valid and the certificate names the MX host. */
  nameVerified: boolean;
  authorizationError?: string;
  /** DANE outcome when the level asked for it: authenticated by TLSA, or why PKIX applied. */
  dane?: 'verified' | 'no-usable-records' | 'no-tlsa' | 'unsigned';
}

export interface RecipientResult {
  recipient: string;
  code: number | null;
  reply: string;
  permanent: boolean;
}

export interface AttemptReport {
  route: Route;
  tls: TlsOutcome | null;
  accepted: string[];
  rejected: RecipientResult[];
  /** Set when the whole attempt failed (nothing accepted, or the transaction failed). */
  failure: { stage: 'connect' | 'tls' | 'policy' | 'transaction'; code: number | null; status: string; reply: string; permanent: boolean } | null;
  reply: string;
  reusedConnection: boolean;
  /** TLS handshake failed and the message went (or was tried) in clear under opportunistic TLS. */
  tlsFallback: boolean;
}

export interface Envelope {
  from: string;
  to: string[];
  size: number;
  needsSmtpUtf8: boolean;
}

// Never below TLS 1.2 by default, never a cipher under 128 bits (these are OpenSSL's
// HIGH AEAD/CBC suites without the legacy ones; TLS 1.3 suites are all 128+).
const CLIENT_CIPHERS = 'HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES:!DES:!CAMELLIA:!ARIA:!SEED:!IDEA:!PSK:!SRP';

interface Pooled {
  conn: SMTPConnection;
  tls: TlsOutcome | null;
  idleSince: number;
  uses: number;
}

/** Idle connections per (address, port, security), reused like Postfix's connection cache. */
export class ConnectionCache {
  private idle = new Map<string, Pooled[]>();
  private timer: NodeJS.Timeout;
  private readonly maxIdleMs: number;
  readonly maxUses: number;
  constructor(maxIdleMs = 10_000, maxUses = 100) {
    this.maxIdleMs = maxIdleMs;
    this.maxUses = maxUses;
    this.timer = setInterval(() => this.sweep(), 2_000);
    this.timer.unref();
  }
  take(key: string): Pooled | undefined {
    const list = this.idle.get(key);
    while (list && list.length) {
      const p = list.pop()!;
      if (!isClosed(p.conn)) return p;
    }
    return undefined;
  }
  put(key: string, p: Pooled): void {
    if (p.uses >= this.maxUses || isClosed(p.conn)) return void p.conn.quit();
    p.idleSince = Date.now();
    const list = this.idle.get(key) ?? [];
    list.push(p);
    this.idle.set(key, list);
  }
  private sweep(): void {
    const now = Date.now();
    for (const [key, list] of this.idle) {
      const keep = list.filter((p) => {
        const fresh = now - p.idleSince < this.maxIdleMs && !isClosed(p.conn);
        if (!fresh) p.conn.quit();
        return fresh;
      });
      if (keep.length) this.idle.set(key, keep);
      else this.idle.delete(key);
    }
  }
  closeAll(): void {
    clearInterval(this.timer);
    for (const list of this.idle.values()) for (const p of list) p.conn.quit();
    this.idle.clear();
  }
}

function isClosed(conn: SMTPConnection): boolean {
  const c = conn as unknown as { _destroyed?: boolean; _closing?: boolean };
  return Boolean(c._destroyed || c._closing);
}

export interface AttemptOptions {
  ehloName: string;
  timeoutMs: number;
  cache: ConnectionCache;
  /** DNSSEC-validating resolvers for TLSA look-ups; without them level dane means verify. */
  dnssecResolvers?: string[];
}

export async function attemptDelivery(route: Route, envelope: Envelope, security: TransportSecurity, content: () => Readable, opts: AttemptOptions): Promise<AttemptReport> {
  const key = `${route.ip}|${route.port}|${route.mxHost}|${securityKey(security)}`;
  const base = { route, accepted: [] as string[], rejected: [] as RecipientResult[], reply: '', tlsFallback: false };
  let pooled = opts.cache.take(key);
  const reused = Boolean(pooled);
  if (!pooled) {
    const opened = await openConnection(route, security, opts, false);
    if ('failure' in opened) {
      // Opportunistic TLS: a server whose TLS we cannot use (handshake failure, only
      // TLS < 1.2, weak ciphers) counts as a server without TLS, as in Postfix's "may".
      if (opened.failure.stage === 'tls' && security.starttls === 'opportunistic') {
        const clear = await openConnection(route, security, opts, true);
        if ('failure' in clear) return { ...base, tls: null, failure: clear.failure, reusedConnection: false, tlsFallback: true };
        pooled = { conn: clear.conn, tls: null, idleSince: 0, uses: 0 };
        base.tlsFallback = true;
      } else {
        return { ...base, tls: opened.tls, failure: opened.failure, reusedConnection: false };
      }
    } else {
      pooled = { conn: opened.conn, tls: opened.tls, idleSince: 0, uses: 0 };
    }
  }
  const { conn } = pooled;
  const ext = extensions(conn);
  const policyFailure = checkCapabilities(ext, envelope, security, pooled.tls);
  if (policyFailure) {
    conn.quit();
    return { ...base, tls: pooled.tls, failure: { stage: 'policy', code: null, ...policyFailure }, reusedConnection: reused };
  }

  const result = await new Promise<{ err: SendError | null; info: SendInfo | null }>((resolve) => {
    conn.send(
      {
        from: envelope.from,
        to: envelope.to,
        size: envelope.size,
        use8BitMime: true,
        requireTLSExtensionEnabled: security.requireTlsExtension,
      } as SMTPConnection.Envelope,
      content(),
      (err, info) => resolve({ err: (err as SendError) ?? null, info: (info as SendInfo) ?? null }),
    );
  });
  pooled.uses += 1;
  const rejectedErrors = result.info?.rejectedErrors ?? result.err?.rejectedErrors ?? [];
  const rejected: RecipientResult[] = rejectedErrors.map((e) => ({
    recipient: e.recipient ?? '',
    code: e.responseCode ?? null,
    reply: oneLine(e.response ?? e.message ?? 'rejected', 500),
    permanent: (e.responseCode ?? 0) >= 500,
  }));
  if (result.err) {
    conn.close();
    const code = result.err.responseCode ?? null;
    const reply = oneLine(result.err.response ?? result.err.message ?? 'delivery failed', 500);
    const allRejected = result.err.code === 'EENVELOPE' && rejected.length > 0;
    return {
      ...base,
      rejected,
      tls: pooled.tls,
      reply,
      reusedConnection: reused,
      failure: allRejected ? null : { stage: 'transaction', code, status: statusOf(reply, code), reply, permanent: code !== null && code >= 500 },
    };
  }
  opts.cache.put(key, pooled);
  return {
    ...base,
    tls: pooled.tls,
    accepted: result.info?.accepted ?? [],
    rejected,
    reply: oneLine(result.info?.response ?? '', 500),
    failure: null,
    reusedConnection: reused,
  };
}

interface SendError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  rejectedErrors?: Array<{ recipient?: string; responseCode?: number; response?: string; message?: string }>;
}
interface SendInfo {
  accepted: string[];
  rejected: string[];
  rejectedErrors?: SendError['rejectedErrors'];
  response: string;
}

type Opened = { conn: SMTPConnection; tls: TlsOutcome | null } | { failure: NonNullable<AttemptReport['failure']>; tls: TlsOutcome | null };

function openConnection(route: Route, security: TransportSecurity, opts: AttemptOptions, ignoreTls: boolean): Promise<Opened> {
  const servername = isIP(route.mxHost) ? undefined : route.mxHost;
  const conn = new SMTPConnection({
    host: route.ip,
    port: route.port,
    name: opts.ehloName,
    // Not nodemailer's requireTLS: it would send STARTTLS to a server that never offered it
    // and report that server's "command not recognized". The check after connect below
    // refuses a session without TLS before any MAIL FROM, which is what matters.
    requireTLS: false,
    ignoreTLS: ignoreTls,
    opportunisticTLS: false,
    connectionTimeout: Math.min(opts.timeoutMs, 30_000),
    greetingTimeout: Math.min(opts.timeoutMs, 30_000),
    socketTimeout: opts.timeoutMs,
    logger: false,
    tls: {
      servername,
      minVersion: security.minVersion,
      // A rule may allow TLS 1.0/1.1 for an old partner server; OpenSSL 3 refuses those
      // protocols at its default security level, so lower the level but keep the cipher floor.
      ciphers: security.minVersion === 'TLSv1' || security.minVersion === 'TLSv1.1' ? `${CLIENT_CIPHERS}:@SECLEVEL=0` : CLIENT_CIPHERS,
      // Verification is judged below, per policy, so opportunistic TLS still encrypts to a
      // server with a self-signed certificate (what Postfix's "may" does).
      rejectUnauthorized: false,
    },
  } as SMTPConnection.Options);
  return new Promise((resolve) => {
    let settled = false;
    conn.once('error', (err: SendError) => {
      if (settled) return;
      settled = true;
      const reply = oneLine(err.response ?? err.message ?? 'connection failed', 500);
      const code = err.responseCode ?? null;
      const stage = err.code === 'ETLS' || /TLS|SSL|handshake|certificate/i.test(err.message) ? 'tls' : 'connect';
      resolve({ tls: null, failure: { stage, code, status: statusOf(reply, code), reply, permanent: false } });
    });
    conn.connect(async () => {
      if (settled) return;
      settled = true;
      conn.on('error', () => undefined);
      const outcome = tlsOutcome(conn, route.mxHost);
      if (security.dane && opts.dnssecResolvers?.length) {
        const dane = await authenticateByDane(conn, route, outcome, opts.dnssecResolvers).catch((err: Error) => ({ failure: `DANE check failed: ${err.message}`, result: undefined }));
        if (dane.failure) {
          conn.close();
          return resolve({ tls: outcome, failure: { stage: 'tls', code: null, status: '4.7.5', reply: dane.failure, permanent: false } });
        }
        if (outcome) outcome.dane = dane.result;
        // Authenticated by DANE (or TLSA present but unusable: TLS required, no authentication):
        // WebPKI verification does not apply to this MX.
        if (dane.result === 'verified' || dane.result === 'no-usable-records') return resolve({ conn, tls: outcome });
      }
      if (security.starttls === 'required' && !outcome) {
        conn.close();
        return resolve({ tls: null, failure: { stage: 'tls', code: null, status: '4.7.5', reply: 'next hop does not offer STARTTLS; TLS is required', permanent: false } });
      }
      if (security.verifyCertificate && outcome && !outcome.nameVerified) {
        conn.close();
        const why = outcome.authorizationError ?? 'certificate does not match the MX host name';
        return resolve({ tls: outcome, failure: { stage: 'tls', code: null, status: '4.7.5', reply: `certificate verification failed: ${why}`, permanent: false } });
      }
      if (security.nextHopDomain && !withinDomain(route.mxHost, security.nextHopDomain)) {
        conn.close();
        return resolve({ tls: outcome, failure: { stage: 'tls', code: null, status: '4.7.5', reply: `MX host ${route.mxHost} is outside ${security.nextHopDomain} (TLS level secure)`, permanent: false } });
      }
      resolve({ conn, tls: outcome });
    });
  });
}

/** RFC 7672: TLSA records authenticated by DNSSEC decide how the MX is authenticated. */
async function authenticateByDane(
  conn: SMTPConnection,
  route: Route,
  outcome: TlsOutcome | null,
  resolvers: string[],
): Promise<{ result: NonNullable<TlsOutcome['dane']>; failure?: undefined } | { failure: string; result?: undefined }> {
  const lookup = await lookupTlsa(route.mxHost, route.port, { servers: resolvers });
  if (lookup.status === 'bogus' || lookup.status === 'error') return { failure: `TLSA look-up for ${route.mxHost} failed (${lookup.reason}); DANE cannot be decided` };
  if (lookup.status === 'none') return { result: 'no-tlsa' };
  if (lookup.status === 'insecure') return { result: 'unsigned' };
  const socket = (conn as unknown as { _socket?: unknown })._socket;
  if (!outcome || !(socket instanceof tls.TLSSocket)) return { failure: `${route.mxHost} publishes TLSA records but offers no TLS` };
  const verdict = daneVerify(lookup.records, peerChainDer(socket), route.mxHost);
  if (verdict.ok) {
    outcome.nameVerified = true;
    return { result: 'verified' };
  }
  if (verdict.noUsableRecords) return { result: 'no-usable-records' };
  return { failure: `DANE verification failed: ${verdict.reason}` };
}

function withinDomain(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/\.$/, '');
  return h === d || h.endsWith(`.${d}`);
}

function tlsOutcome(conn: SMTPConnection, mxHost: string): TlsOutcome | null {
  // nodemailer keeps the upgraded socket internally; it is the only way to read what was negotiated.
  const socket = (conn as unknown as { _socket?: unknown })._socket;
  if (!conn.secure || !(socket instanceof tls.TLSSocket)) return null;
  const cipher = socket.getCipher();
  // Node folds the host-name check into `authorized` (ERR_TLS_CERT_ALTNAME_INVALID) when a
  // servername was sent; keep "chain trusted" and "names the MX host" apart, as TLS-RPT does.
  const authorized = socket.authorized || String((socket.authorizationError as { code?: string } | null)?.code ?? socket.authorizationError) === 'ERR_TLS_CERT_ALTNAME_INVALID';
  let nameVerified = false;
  if (authorized) nameVerified = tls.checkServerIdentity(mxHost, socket.getPeerCertificate()) === undefined;
  return {
    version: socket.getProtocol() ?? 'unknown',
    cipher: cipher.standardName ?? cipher.name,
    authorized,
    nameVerified,
    authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined,
  };
}

function extensions(conn: SMTPConnection): string[] {
  return (conn as unknown as { _supportedExtensions?: string[] })._supportedExtensions ?? [];
}

function checkCapabilities(ext: string[], envelope: Envelope, security: TransportSecurity, tlsInfo: TlsOutcome | null): { status: string; reply: string; permanent: boolean } | null {
  if (envelope.needsSmtpUtf8 && !ext.includes('SMTPUTF8')) {
    return { status: '5.6.7', reply: 'the next hop does not support SMTPUTF8, which this message needs (RFC 6531)', permanent: true };
  }
  if (security.requireTlsExtension && !tlsInfo) return { status: '4.7.30', reply: 'REQUIRETLS: no TLS to the next hop', permanent: false };
  if (security.requireTlsExtension && !ext.includes('REQUIRETLS')) {
    return { status: '5.7.30', reply: 'REQUIRETLS support required: the next hop does not offer REQUIRETLS (RFC 8689)', permanent: true };
  }
  return null;
}

/** The enhanced status code in a reply, else one derived from the basic code. */
export function statusOf(reply: string, code: number | null): string {
  const m = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(reply);
  if (m) return m[1];
  if (code === null) return '4.4.1';
  return code >= 500 ? '5.0.0' : code >= 400 ? '4.0.0' : '2.0.0';
}
