// A delivery-policy lab on loopback: receiving MTAs on distinct 127.x.y.z addresses sharing one
// port (so MX records pointing at different hosts work with a single PHIGATE_MX_PORT), the
// tests' own DNS server, a test CA the gateway trusts (NODE_EXTRA_CA_CERTS), the real gateway
// as a child process, and helpers to submit mail and read the audit trail.
//
// Receivers record exactly what arrived and how: whether the session was under TLS, and the
// negotiated protocol as the server saw it (socket.getProtocol(), not the cipher's version).
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { runCli, startGateway, tempDir, waitFor, type GatewayProcess } from '../support/gateway-process.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns-server.ts';
import { RawSmtp, testMessage } from '../support/smtp-raw.ts';

export interface Arrival {
  receiver: string;
  from: string;
  to: string[];
  raw: Buffer;
  text: string;
  secure: boolean;
  /** Negotiated protocol (TLSv1, TLSv1.2, TLSv1.3) or null in clear. */
  protocol: string | null;
}

export interface TlsSpec {
  certPem: string;
  keyPem: string;
  minVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  maxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  ciphers?: string;
}

export interface ReceiverSpec {
  name: string;
  ip: string;
  /** Omitted: no STARTTLS at all. */
  tls?: TlsSpec;
}

export interface Receiver {
  name: string;
  ip: string;
  port: number;
  arrivals: Arrival[];
  /** TCP connections accepted (lets a test prove a host was never even tried). */
  connections: number;
  close(): Promise<void>;
}

export async function startReceiver(spec: ReceiverSpec, port: number): Promise<Receiver> {
  const arrivals: Arrival[] = [];
  const protocols = new Map<string, string>();
  let connections = 0;
  const options: SMTPServerOptions = {
    name: `mx.${spec.name}`,
    authOptional: true,
    disabledCommands: spec.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    hideSTARTTLS: !spec.tls,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 200,
    size: 50 * 1024 * 1024,
    ...(spec.tls
      ? {
          key: spec.tls.keyPem,
          cert: spec.tls.certPem,
          ...(spec.tls.minVersion ? { minVersion: spec.tls.minVersion } : {}),
          ...(spec.tls.maxVersion ? { maxVersion: spec.tls.maxVersion } : {}),
          ...(spec.tls.ciphers ? { ciphers: spec.tls.ciphers } : {}),
        }
      : {}),
    onConnect(_session, cb) {
      connections += 1;
      cb();
    },
    onSecure(socket, session, cb) {
      protocols.set(session.id, (socket as TLSSocket).getProtocol?.() ?? 'unknown');
      cb();
    },
    onData(stream, session, cb) {
      const parts: Buffer[] = [];
      stream.on('data', (d: Buffer) => parts.push(d));
      stream.on('end', () => {
        const raw = Buffer.concat(parts);
        arrivals.push({
          receiver: spec.name,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: raw.toString('utf8'),
          secure: Boolean(session.secure),
          protocol: session.secure ? (protocols.get(session.id) ?? 'unknown') : null,
        });
        cb(null, `${spec.name} ok`);
      });
    },
  } as SMTPServerOptions;
  const server = new SMTPServer(options);
  server.on('error', () => undefined); // failed handshakes are part of the tests
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, spec.ip, () => {
      server.server.removeListener('error', reject);
      resolve();
    });
  });
  return {
    name: spec.name,
    ip: spec.ip,
    port: (server.server.address() as AddressInfo).port,
    arrivals,
    get connections() {
      return connections;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Starts every receiver on its own address and one common port (retrying on a port clash). */
export async function startReceivers(specs: ReceiverSpec[]): Promise<{ port: number; receivers: Record<string, Receiver> }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    const started: Receiver[] = [];
    try {
      for (const spec of specs) started.push(await startReceiver(spec, port));
      return { port, receivers: Object.fromEntries(started.map((r) => [r.name, r])) };
    } catch {
      await Promise.all(started.map((r) => r.close()));
    }
  }
  throw new Error('no common free port for the receivers');
}

/** MX records for `domain`, each host with its A record. */
export function setMx(dns: TestDnsServer, domain: string, hosts: Array<{ host: string; ip: string; priority?: number }>): void {
  dns.set(domain, 'MX', hosts.map((h, i) => ({ exchange: h.host, priority: h.priority ?? 10 * (i + 1) })));
  for (const h of hosts) dns.set(h.host, 'A', [h.ip]);
}

export function writePolicy(yaml: string, name = 'policy.yaml'): string {
  const file = path.join(tempDir('policy'), name);
  fs.writeFileSync(file, yaml);
  return file;
}

export interface LabGatewayOptions {
  dns: TestDnsServer;
  mxPort: number;
  caFile: string;
  policyFile?: string;
  env?: Record<string, string>;
}

export function labGateway(o: LabGatewayOptions): Promise<GatewayProcess> {
  return startGateway({
    PHIGATE_DNS_SERVERS: o.dns.address,
    PHIGATE_MX_PORT: String(o.mxPort),
    NODE_EXTRA_CA_CERTS: o.caFile,
    PHIGATE_CONFIG: o.policyFile,
    PHIGATE_RETRY_MIN_SECONDS: '1',
    PHIGATE_RETRY_MAX_SECONDS: '2',
    PHIGATE_POLL_SECONDS: '0.3',
    PHIGATE_SMTP_TIMEOUT_SECONDS: '10',
    ...o.env,
  });
}

export { startDnsServer };

export interface Submission {
  id: string;
  from: string;
  to: string[];
  subject?: string;
  body?: string;
  /** Extra header lines, CRLF-joined into the header. */
  headers?: string[];
}

/** Submits one message to the gateway; resolves with the final reply (throws unless 250). */
export async function submit(port: number, m: Submission): Promise<string> {
  const c = await RawSmtp.connect(port);
  try {
    const expectCode = (reply: string, code: string, what: string) => {
      if (!reply.startsWith(code)) throw new Error(`${what}: ${reply}`);
    };
    expectCode(await c.read(), '220', 'greeting');
    expectCode(await c.cmd('EHLO sender.clinic.test'), '250', 'EHLO');
    expectCode(await c.cmd(`MAIL FROM:<${m.from}>`), '250', 'MAIL FROM');
    for (const r of m.to) expectCode(await c.cmd(`RCPT TO:<${r}>`), '250', `RCPT TO ${r}`);
    expectCode(await c.cmd('DATA'), '354', 'DATA');
    c.write(testMessage(m.id, { from: m.from, to: m.to[0], subject: m.subject, body: m.body, extraHeaders: m.headers?.join('\r\n') }) + '\r\n.\r\n');
    const reply = await c.read();
    expectCode(reply, '250', 'end of DATA');
    return reply;
  } finally {
    c.close();
  }
}

export interface AuditRow {
  time: string;
  message_id: string | null;
  sender: string | null;
  recipient: string | null;
  event: string;
  method: string | null;
  tls_version: string | null;
  tls_cipher: string | null;
  mx_host: string | null;
  outcome: string | null;
  detail: Record<string, any>;
}

export async function auditRows(gw: GatewayProcess): Promise<AuditRow[]> {
  const r = await runCli(['audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01', '--format', 'json'], gw.env);
  if (r.code !== 0) throw new Error(`audit export failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as AuditRow[];
}

/** The events of the message submitted with this Message-ID header. */
export function eventsOf(rows: AuditRow[], messageIdHeader: string): AuditRow[] {
  const internal = rows.find((r) => r.event === 'received' && r.detail.messageIdHeader === messageIdHeader)?.message_id;
  return internal ? rows.filter((r) => r.message_id === internal) : [];
}

export type Settled = 'delivered' | 'dropped' | 'bounced' | 'deferred';

/**
 * How a message has settled, from its events: delivered, dropped or bounced, or `deferred` once
 * it was deferred at least `deferrals` times (so a retry happened and it still did not go).
 */
export function settledAs(events: AuditRow[], deferrals = 2): Settled | null {
  if (events.some((e) => e.event === 'delivered')) return 'delivered';
  if (events.some((e) => e.event === 'dropped')) return 'dropped';
  if (events.some((e) => e.event === 'bounced')) return 'bounced';
  if (events.filter((e) => e.event === 'deferred').length >= deferrals) return 'deferred';
  return null;
}

/** Waits until every message has settled; returns the last audit rows read. */
export async function waitSettled(gw: GatewayProcess, ids: string[], opts: { timeoutMs?: number; deferrals?: number } = {}): Promise<AuditRow[]> {
  let rows: AuditRow[] = [];
  await waitFor(
    async () => {
      rows = await auditRows(gw);
      return ids.every((id) => settledAs(eventsOf(rows, id), opts.deferrals) !== null);
    },
    { timeoutMs: opts.timeoutMs ?? 30_000, intervalMs: 300, what: `messages to settle: ${ids.filter((id) => settledAs(eventsOf(rows, id), opts.deferrals) === null).join(' ')}` },
  ).catch((err: Error) => {
    const pending = ids.filter((id) => settledAs(eventsOf(rows, id), opts.deferrals) === null);
    throw new Error(`${err.message}; unsettled: ${pending.map((id) => `${id} [${eventsOf(rows, id).map((e) => e.event).join(',')}]`).join('; ')}`);
  });
  return rows;
}

/**
 * Every copy of the message (its own Message-ID header field) at any of the receivers. Only the
 * top-level header section counts: a DSN quoting the original's header fields is not a copy.
 */
export function arrivalsOf(receivers: Iterable<Receiver>, messageIdHeader: string): Arrival[] {
  return [...receivers].flatMap((r) => r.arrivals.filter((a) => headerFields(a.text).some(([k, v]) => k === 'message-id' && v === messageIdHeader)));
}

/** Copies of the message that arrived in clear text anywhere. */
export function clearArrivals(receivers: Iterable<Receiver>, messageIdHeader: string): Arrival[] {
  return arrivalsOf(receivers, messageIdHeader).filter((a) => !a.secure);
}

/** The DSN for a message at the sender's receiver (null sender, the original's Message-ID in it). */
export function dsnFor(sender: Receiver, messageIdHeader: string): Arrival | undefined {
  return sender.arrivals.find((a) => a.from === '' && a.text.includes(`Message-ID: ${messageIdHeader}`));
}

/** Header section of a received message, unfolded, as [name, value] pairs (names lower-cased). */
export function headerFields(raw: string): Array<[string, string]> {
  const end = raw.indexOf('\r\n\r\n');
  const head = end >= 0 ? raw.slice(0, end) : raw;
  return head
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')
    .map((line) => {
      const i = line.indexOf(':');
      return [line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()] as [string, string];
    });
}

let seq = 0;
export function uniqueId(tag: string): string {
  return `<${tag}.${process.pid}.${Date.now().toString(36)}.${++seq}@clinic.test>`;
}
