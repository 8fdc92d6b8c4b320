// Receiving peers for delivery tests, built on smtp-server: with or without STARTTLS, with
// recipients that answer 5xx or 4xx on demand, recording exactly what arrived and how.
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  secure: boolean;
  tlsProtocol: string | null;
  smtpUtf8: boolean;
  requireTls: boolean;
}

export interface Sink {
  port: number;
  received: Received[];
  close: () => Promise<void>;
  /** Recipients (lower-case) answered with this reply at RCPT TO. */
  rejectRcpt: Map<string, { code: number; message: string }>;
  /** Holds the reply to the end of DATA this long (a slow or hung receiver). */
  dataDelayMs: number;
}

export async function startSink(opts: { tls?: { key: string; cert: string; minVersion?: string; maxVersion?: string }; hideSMTPUTF8?: boolean; hideREQUIRETLS?: boolean } = {}): Promise<Sink> {
  const received: Received[] = [];
  const rejectRcpt = new Map<string, { code: number; message: string }>();
  const control = { dataDelayMs: 0 };
  const serverOpts: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: opts.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    hideSTARTTLS: !opts.tls,
    hideSMTPUTF8: opts.hideSMTPUTF8 ?? false,
    hideREQUIRETLS: opts.hideREQUIRETLS ?? false,
    disableReverseLookup: true,
    logger: false,
    size: 200 * 1024 * 1024,
    ...(opts.tls ? { key: opts.tls.key, cert: opts.tls.cert, minVersion: opts.tls.minVersion as never, maxVersion: opts.tls.maxVersion as never } : {}),
    onRcptTo(address, _session, cb) {
      const r = rejectRcpt.get(address.address.toLowerCase());
      if (r) return cb(Object.assign(new Error(r.message), { responseCode: r.code }));
      cb();
    },
    onClose(session) {
      closedSessions.add(session);
    },
    onData(stream, session, cb) {
      const parts: Buffer[] = [];
      stream.on('data', (d: Buffer) => parts.push(d));
      stream.on('end', async () => {
        if (control.dataDelayMs > 0) await new Promise((r) => setTimeout(r, control.dataDelayMs));
        if (socketGone(session)) return cb(new Error('client went away'));
        const tlsOpts = session.tlsOptions as { version?: string } | undefined;
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(parts),
          secure: Boolean(session.secure),
          tlsProtocol: session.secure ? (tlsOpts?.version ?? 'unknown') : null,
          smtpUtf8: Boolean(session.envelope.smtpUtf8),
          requireTls: Boolean(session.envelope.requireTLS),
        });
        cb(null, 'sink ok');
      });
    },
  };
  const server = new SMTPServer(serverOpts);
  server.on('error', () => undefined); // a peer killed mid-session is part of several tests
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  const sink: Sink = {
    port,
    received,
    rejectRcpt,
    get dataDelayMs() {
      return control.dataDelayMs;
    },
    set dataDelayMs(v: number) {
      control.dataDelayMs = v;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  return sink;
}

const closedSessions = new WeakSet<object>();
function socketGone(session: object): boolean {
  return closedSessions.has(session);
}

/** Finds a received message by its Message-ID header. */
export function byMessageId(sink: Sink, id: string): Received | undefined {
  return sink.received.find((r) => r.raw.toString('latin1').includes(`Message-ID: ${id}`));
}
