// Narrow adjustments to smtp-server's internals, applied once at import. They are checked by
// test/gateway (a library update that changes these internals fails the tests loudly).
//
// 1. Bare LF in commands. smtp-server splits command lines on /\r?\n/, accepting a bare LF as
//    a line end. RFC 5321 §2.3.8 requires CRLF, and accepting bare LF is one half of the SMTP
//    smuggling problem (Postfix's smtpd_forbid_bare_newline). The parser is not pluggable, so
//    we look at command-mode input before it does and fail the session on a bare LF.
// 3. The greeting delay. smtp-server waits a fixed 100 ms before its 220 greeting to catch
//    early talkers (a spam heuristic). phigate's clients are the tenant's own connectors, and
//    a relay fed one session per message would spend most of its time in that pause, so the
//    delay comes from the server option `greetingDelayMs` (phigate sets 0).
// 2. Our replies carry their own enhanced status codes ("550 5.7.1 …"). smtp-server would
//    prefix a second one derived from the basic code; a reply text that starts with one is
//    sent as is.
// 4. Session ids. smtp-server draws 10 bytes from the CSPRNG for every connection
//    (`crypto.randomBytes(10)`, one call into OpenSSL each: ~1 % of a relay profile, where the
//    tenant's connector opens a session per message). For a connection without a PROXY header
//    the id is made the same way from the spool's pooled draws (gateway/spool/crypto.ts);
//    PROXY-protocol peers still take the library's path.
import { SMTPServer } from 'smtp-server';
import { SMTPStream } from 'smtp-server/lib/smtp-stream.js';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import { randomBytes } from '../spool/crypto.ts';

const ENHANCED = /^[245]\.\d{1,3}\.\d{1,3} /;
const PATCHED = Symbol.for('phigate.smtp-server-patched');

type ParserState = { _dataMode: boolean; _remainder: string; [PATCHED]?: boolean };
type WriteFn = (chunk: Buffer, enc: BufferEncoding, next: (err?: Error | null) => void) => void;

const BARE_LF = 'bare <LF> received in a command; lines must end with <CR><LF> (RFC 5321 2.3.8)';

export class BareLineFeedError extends Error {
  constructor() {
    super(BARE_LF);
  }
}

/**
 * Finds a LF not preceded by CR in command-mode input. Stops at a DATA command: whatever
 * follows it in the same chunk is message data, which the data-phase guard checks instead.
 */
export function commandHasBareLf(chunk: Buffer, remainder: string): boolean {
  let lineStart = 0;
  for (let i = 0; i < chunk.length; i++) {
    if (chunk[i] !== 0x0a) continue;
    const prev = i > 0 ? chunk[i - 1] : remainder.charCodeAt(remainder.length - 1);
    if (prev !== 0x0d) return true;
    const line = (lineStart === 0 ? remainder : '') + chunk.subarray(lineStart, i - 1).toString('latin1');
    if (/^(DATA|BDAT)\b/i.test(line.trim())) return false;
    lineStart = i + 1;
  }
  return false;
}

const streamProto = SMTPStream.prototype as unknown as { _write: WriteFn } & ParserState;
if (!streamProto[PATCHED]) {
  streamProto[PATCHED] = true;
  const originalWrite = streamProto._write;
  streamProto._write = function (this: ParserState, chunk: Buffer, enc: BufferEncoding, next: (err?: Error | null) => void) {
    if (!this._dataMode && chunk && chunk.length && commandHasBareLf(chunk, this._remainder ?? '')) {
      return next(new BareLineFeedError());
    }
    return originalWrite.call(this, chunk, enc, next);
  } as WriteFn;

  const connProto = SMTPConnection.prototype as unknown as {
    send: (code: number, data: unknown, context?: unknown) => void;
    init: () => void;
  };
  type Conn = {
    name: string;
    _server: { options: { maxClients?: number; greetingDelayMs?: number }; connections: Set<unknown> };
    _setListeners: (cb: () => void) => void;
    connectionReady: () => void;
    send: (code: number, data: unknown, context?: unknown) => void;
  };
  connProto.init = function (this: Conn) {
    this._setListeners(() => {
      const { maxClients, greetingDelayMs = 100 } = this._server.options;
      if (maxClients && this._server.connections.size > maxClients) return this.send(421, `${this.name} Too many connected clients, try again in a moment`, false);
      if (greetingDelayMs <= 0) return this.connectionReady();
      setTimeout(() => this.connectionReady(), greetingDelayMs).unref();
    });
  };
  const originalSend = connProto.send;
  connProto.send = function (this: unknown, code: number, data: unknown, context?: unknown) {
    // The parser's error path answers 421 "Error: <message>" and closes; a bare LF is permanent.
    if (data === `Error: ${BARE_LF}`) {
      originalSend.call(this, 521, `5.5.2 ${BARE_LF}`, false);
      return (this as { close: () => void }).close();
    }
    if (typeof data === 'string' && ENHANCED.test(data)) return originalSend.call(this, code, data, false);
    return originalSend.call(this, code, data, context);
  };

  type ProxyCallback = (err: Error | null, socketOptions: { id: string; ignore?: boolean }) => void;
  const serverProto = SMTPServer.prototype as unknown as {
    _handleProxy: (this: ServerState, socket: { remoteAddress?: string }, callback: ProxyCallback) => void;
  };
  type ServerState = { options: { ignoredHosts?: string[] }; _expectsProxyHeader: (socket: unknown) => boolean };
  const originalHandleProxy = serverProto._handleProxy;
  serverProto._handleProxy = function (socket, callback) {
    if (typeof this._expectsProxyHeader !== 'function' || this._expectsProxyHeader(socket)) return originalHandleProxy.call(this, socket, callback);
    // The library's own id: 80 random bits in base 32, 16 characters.
    const id = BigInt('0x' + randomBytes(10).toString('hex')).toString(32).padStart(16, '0');
    const ignore = this.options.ignoredHosts && this.options.ignoredHosts.includes(socket.remoteAddress as string);
    setImmediate(() => callback(null, { id, ignore }));
  };
}
