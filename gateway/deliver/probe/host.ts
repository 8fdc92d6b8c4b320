// Probes one MX address: greeting, EHLO, is STARTTLS offered, what TLS can we get, what does
// the certificate say. Then QUIT: no MAIL FROM is ever sent, so a probe cannot deliver anything.
//
// The handshake uses the same floor as delivery (TLS ≥ 1.2, no cipher under 128 bits) but
// does not reject an unverified certificate: the probe reports verification, it does not
// enforce it. A handshake that fails at that floor is retried once with anything OpenSSL can
// still speak, only to tell "this server speaks only old TLS" from "this server's TLS is
// broken"; nothing is sent over that session but QUIT, and it counts as no usable TLS.
import { isIP } from 'node:net';
import tls from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Route } from '../next-hop.ts';
import type { MxProbe, TlsInfo } from './types.ts';

// Same list as smtp-attempt.ts (not exported there): OpenSSL's HIGH suites without the legacy
// ones, so the probe's "usable TLS" means exactly what delivery will accept.
const STRONG_CIPHERS = 'HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES:!DES:!CAMELLIA:!ARIA:!SEED:!IDEA:!PSK:!SRP';
// OpenSSL 3 refuses TLS 1.0/1.1 (SHA-1 signatures) at the default security level, on both
// ends; level 0 is needed merely to complete the detection handshake.
const WEAK_CIPHERS = 'ALL:@SECLEVEL=0';
const QUIT_WAIT_MS = 2_000;

export interface HostProbeOptions {
  ehloName: string;
  /** Per connection; the whole host probe takes at most twice this (the weak-TLS retry). */
  timeoutMs: number;
  /** Extra trust anchors (PEM), added to Node's defaults (which include NODE_EXTRA_CA_CERTS). */
  ca?: string | string[];
}

type Session =
  | { kind: 'clear' }
  | { kind: 'tls'; info: TlsInfo }
  | { kind: 'tls-failed'; error: string }
  | { kind: 'unreachable'; error: string };

export async function probeHost(route: Route, opts: HostProbeOptions): Promise<MxProbe> {
  const base = { host: route.mxHost, ip: route.ip, port: route.port, source: route.source };
  const first = await session(route, opts, false);
  switch (first.kind) {
    case 'unreachable':
      return { ...base, reachable: false, starttls: false, tls: null, weakTlsOnly: false, error: first.error };
    case 'clear':
      return { ...base, reachable: true, starttls: false, tls: null, weakTlsOnly: false };
    case 'tls':
      return { ...base, reachable: true, starttls: true, tls: first.info, weakTlsOnly: false };
    case 'tls-failed': {
      const weak = await session(route, opts, true);
      if (weak.kind === 'tls') {
        const error = `STARTTLS works only with ${weak.info.version} ${weak.info.cipher}, below the TLS 1.2 / strong-cipher floor`;
        return { ...base, reachable: true, starttls: true, tls: null, weakTlsOnly: true, error };
      }
      return { ...base, reachable: true, starttls: true, tls: null, weakTlsOnly: false, error: `TLS handshake failed: ${first.error}` };
    }
  }
}

function session(route: Route, opts: HostProbeOptions, weak: boolean): Promise<Session> {
  const extraCa = opts.ca === undefined ? [] : ([] as string[]).concat(opts.ca);
  const conn = new SMTPConnection({
    host: route.ip,
    port: route.port,
    name: opts.ehloName,
    // Left to itself nodemailer sends STARTTLS whenever EHLO offers it; a session that ends
    // up not secure therefore means STARTTLS was not offered.
    ignoreTLS: false,
    requireTLS: false,
    opportunisticTLS: false,
    // The session's own timer (below) is the limit; nodemailer's phase timers are set past
    // it so that one clock, with one message, decides.
    connectionTimeout: opts.timeoutMs + 1_000,
    greetingTimeout: opts.timeoutMs + 1_000,
    socketTimeout: opts.timeoutMs + 1_000,
    logger: false,
    tls: {
      // SNI carries host names only.
      servername: isIP(route.mxHost) ? undefined : route.mxHost,
      minVersion: weak ? 'TLSv1' : 'TLSv1.2',
      ciphers: weak ? WEAK_CIPHERS : STRONG_CIPHERS,
      rejectUnauthorized: false,
      // Node folds the host-name check into `authorized`; switched off here so `authorized`
      // means the chain alone, and the name is judged separately in readTls.
      checkServerIdentity: () => undefined,
      // `ca` replaces the default roots, so keep them.
      ...(extraCa.length ? { ca: [...tls.getCACertificates('default'), ...extraCa] } : {}),
    },
  } as SMTPConnection.Options);

  return new Promise<Session>((resolve) => {
    let settled = false;
    let connected = false;
    const finish = (s: Session) => {
      if (settled) return;
      settled = true;
      clearTimeout(overall);
      resolve(s);
    };
    // Bounds the whole session up to EHLO after TLS, whatever the server does (trickles bytes,
    // stalls the handshake); QUIT has its own, shorter, cap.
    const overall = setTimeout(() => {
      if (connected) return; // QUIT has its own, shorter, cap
      const secured = conn.secure || isUpgrading(conn);
      conn.close();
      const error = `timed out after ${opts.timeoutMs} ms`;
      finish(secured ? { kind: 'tls-failed', error } : { kind: 'unreachable', error });
    }, opts.timeoutMs);
    overall.unref();

    // `on`, not `once`: a second error (e.g. while closing) must not become an uncaught one.
    conn.on('error', (err: Error & { code?: string; originalCode?: string; command?: string; reason?: string }) => {
      if (settled || connected) return; // after connect, errors (e.g. during QUIT) change nothing
      // The STARTTLS command was answered with an error, or the handshake after it failed:
      // either way STARTTLS was offered.
      const tlsStage = err.code === 'ETLS' || err.command === 'STARTTLS' || isUpgrading(conn);
      const detail = describe(err);
      finish(tlsStage ? { kind: 'tls-failed', error: detail } : { kind: 'unreachable', error: detail });
    });
    conn.connect(() => {
      connected = true;
      const info = conn.secure ? readTls(conn, route.mxHost) : null;
      void quit(conn).then(() => finish(info ? { kind: 'tls', info } : { kind: 'clear' }));
    });
  });
}

/** Sends QUIT and waits (briefly) for the server to close, so no session is left half-open. */
function quit(conn: SMTPConnection): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      conn.close();
      resolve();
    }, QUIT_WAIT_MS);
    timer.unref();
    conn.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
    conn.quit();
  });
}

function readTls(conn: SMTPConnection, mxHost: string): TlsInfo | null {
  // nodemailer keeps the upgraded socket internally; it is the only way to read what was negotiated.
  const socket = (conn as unknown as { _socket?: unknown })._socket;
  if (!(socket instanceof tls.TLSSocket)) return null;
  const cipher = socket.getCipher();
  const cert = socket.getPeerCertificate();
  const hasCert = Boolean(cert && Object.keys(cert).length);
  const nameError = hasCert ? tls.checkServerIdentity(mxHost, cert) : new Error('no certificate');
  const authError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  const errors = [authError, nameError ? `certificate does not name ${mxHost}` : undefined].filter(Boolean);
  return {
    version: socket.getProtocol() ?? 'unknown',
    cipher: cipher.standardName ?? cipher.name,
    authorized: socket.authorized,
    nameMatches: nameError === undefined,
    notAfter: hasCert && cert.valid_to ? new Date(cert.valid_to).toISOString() : null,
    ...(errors.length ? { error: errors.join('; ') } : {}),
  };
}

/** OpenSSL errors carry a short `reason` (their message is a multi-part dump); system errors
 * name their code in the message already. */
function describe(err: Error & { originalCode?: string; reason?: string }): string {
  const code = err.originalCode ?? '';
  if (err.reason) return `${code ? code + ': ' : ''}${err.reason}`;
  const message = oneLine(err.message);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** STARTTLS was sent (nodemailer keeps the EHLO reply that offered it until the handshake
 * starts) or the handshake is under way. */
function isUpgrading(conn: SMTPConnection): boolean {
  const c = conn as unknown as { upgrading?: boolean; _plaintextEhlo?: string | false };
  return Boolean(c.upgrading || c._plaintextEhlo);
}

function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
}
