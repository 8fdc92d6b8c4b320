// TLSA look-up for DANE for SMTP (RFC 7672 §2.2), asked of a DNSSEC-validating resolver.
//
// We do not validate DNSSEC ourselves: we send the query with EDNS0 + DO (and AD, RFC 6840 §5.7)
// to a configured validating resolver and trust its AD bit. That is only sound when the path to
// the resolver is trusted (loopback, or a private link to a resolver we operate) — the AD bit is
// not protected on the wire. Configure `servers` accordingly.
//
// Outcomes (RFC 7672 §2.2):
//   secure   AD set, TLSA records present         → DANE applies, authenticate with the records
//   none     AD set, NXDOMAIN / NODATA            → authenticated denial, no DANE
//   insecure AD clear (any answer)                → unsigned zone, DANE does not apply
//   bogus    SERVFAIL from the validating resolver → MUST NOT deliver to this MX (defer / try next MX)
//   error    timeout, REFUSED, malformed, ...     → look-up failed (treat like bogus: defer)
import dgram from 'node:dgram';
import net from 'node:net';
import { randomInt } from 'node:crypto';
import * as packet from 'dns-packet';
import type { Answer, DecodedPacket, Packet } from 'dns-packet';

export type TlsaRecord = { usage: number; selector: number; matchingType: number; data: Buffer };

export type TlsaLookup =
  | { status: 'secure'; records: TlsaRecord[] }
  | { status: 'insecure' }
  | { status: 'none' }
  | { status: 'bogus'; reason: string }
  | { status: 'error'; reason: string };

export type TlsaLookupOptions = {
  /** Validating resolvers, tried in order: `ip:port`, `[v6]:port`, or a bare IP (port 53). */
  servers: string[];
  /** Per-server time limit for one exchange (UDP, then TCP if truncated). Default 5000. */
  timeoutMs?: number;
};

const TLSA_TYPE = 52;
const RCODE_NOERROR = 0;
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;
const UDP_PAYLOAD = 1232;
const MAX_CNAME_HOPS = 8;

/** `_PORT._tcp.HOST`, lower-case, no trailing dot. */
export function tlsaName(host: string, port: number): string {
  return `_${port}._tcp.${host.replace(/\.$/, '').toLowerCase()}`;
}

export function parseServer(spec: string): { address: string; port: number } {
  const s = spec.trim();
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (v6) return { address: v6[1]!, port: v6[2] ? Number(v6[2]) : 53 };
  if (net.isIP(s)) return { address: s, port: 53 }; // bare v4 or v6
  const m = /^(.+):(\d+)$/.exec(s);
  if (m && net.isIP(m[1]!)) return { address: m[1]!, port: Number(m[2]) };
  throw new Error(`bad resolver address: ${spec}`);
}

export async function lookupTlsa(host: string, port: number, opts: TlsaLookupOptions): Promise<TlsaLookup> {
  const qname = tlsaName(host, port);
  const timeoutMs = opts.timeoutMs ?? 5000;
  if (!opts.servers.length) return { status: 'error', reason: 'no DNSSEC-validating resolver configured' };
  const failures: string[] = [];
  let servfail = false;
  for (const spec of opts.servers) {
    let server: { address: string; port: number };
    try {
      server = parseServer(spec);
    } catch (err) {
      failures.push((err as Error).message);
      continue;
    }
    let res: DecodedPacket;
    try {
      res = await exchange(qname, server, timeoutMs);
    } catch (err) {
      failures.push(`${spec}: ${(err as Error).message}`);
      continue;
    }
    const rcode = (res.flags ?? 0) & 0xf;
    if (rcode === RCODE_SERVFAIL) {
      // A validating resolver answers SERVFAIL for bogus data; another resolver may know better
      // (e.g. a transient upstream failure), so try the rest before calling it bogus.
      servfail = true;
      failures.push(`${spec}: SERVFAIL`);
      continue;
    }
    if (rcode !== RCODE_NOERROR && rcode !== RCODE_NXDOMAIN) {
      failures.push(`${spec}: rcode ${rcode}`);
      continue;
    }
    return interpret(res, qname, rcode);
  }
  const reason = `TLSA ${qname}: ${failures.join('; ')}`;
  return servfail ? { status: 'bogus', reason } : { status: 'error', reason };
}

function interpret(res: DecodedPacket, qname: string, rcode: number): TlsaLookup {
  if (!res.flag_ad) return { status: 'insecure' };
  if (rcode === RCODE_NXDOMAIN) return { status: 'none' };
  // Follow a CNAME chain inside the answer section (the resolver has already chased it).
  const answers = (res.answers ?? []) as Answer[];
  const names = new Set([qname]);
  let current = qname;
  for (let hop = 0; hop < MAX_CNAME_HOPS; hop++) {
    const cname = answers.find((a) => a.type === 'CNAME' && eqName(a.name, current));
    if (!cname || cname.type !== 'CNAME') break;
    current = String(cname.data).replace(/\.$/, '').toLowerCase();
    names.add(current);
  }
  const records: TlsaRecord[] = [];
  for (const a of answers) {
    if (a.type !== 'TLSA' || !names.has(a.name.replace(/\.$/, '').toLowerCase())) continue;
    const d = a.data;
    records.push({ usage: d.usage, selector: d.selector, matchingType: d.matchingType, data: Buffer.from(d.certificate) });
  }
  return records.length ? { status: 'secure', records } : { status: 'none' };
}

function eqName(a: string, b: string): boolean {
  return a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();
}

function buildQuery(qname: string): { id: number; query: Packet } {
  const id = randomInt(0, 0x10000);
  const query: Packet = {
    type: 'query',
    id,
    flags: packet.RECURSION_DESIRED | packet.AUTHENTIC_DATA,
    questions: [{ type: 'TLSA', name: qname, class: 'IN' }],
    additionals: [
      { type: 'OPT', name: '.', udpPayloadSize: UDP_PAYLOAD, extendedRcode: 0, ednsVersion: 0, flags: packet.DNSSEC_OK, flag_do: true, options: [] },
    ],
  };
  return { id, query };
}

/** Is `res` the answer to our question (id, QR, same single question)? */
function matches(res: DecodedPacket, id: number, qname: string): boolean {
  if (res.id !== id || res.type !== 'response') return false;
  const q = res.questions ?? [];
  return q.length === 1 && eqName(q[0]!.name, qname) && q[0]!.type === 'TLSA';
}

/** One exchange with one server: UDP, then TCP if the UDP answer is truncated. */
async function exchange(qname: string, server: { address: string; port: number }, timeoutMs: number): Promise<DecodedPacket> {
  const deadline = Date.now() + timeoutMs;
  const { id, query } = buildQuery(qname);
  const res = await udpExchange(packet.encode(query), id, qname, server, timeoutMs);
  if (!res.flag_tc) return res;
  const left = deadline - Date.now();
  if (left <= 0) throw new Error('timeout (truncated UDP answer, no time left for TCP)');
  return tcpExchange(packet.streamEncode(query), id, qname, server, left);
}

function udpExchange(msg: Buffer, id: number, qname: string, server: { address: string; port: number }, timeoutMs: number): Promise<DecodedPacket> {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket(net.isIPv6(server.address) ? 'udp6' : 'udp4');
    let done = false;
    const finish = (err: Error | null, res?: DecodedPacket) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.close();
      if (err) reject(err);
      else resolve(res!);
    };
    const timer = setTimeout(() => finish(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
    sock.on('error', (err) => finish(err));
    sock.on('message', (buf, rinfo) => {
      if (rinfo.address !== server.address || rinfo.port !== server.port) return;
      let res: DecodedPacket;
      try {
        res = packet.decode(buf);
      } catch {
        return; // garbage: keep waiting for the real answer until the timer fires
      }
      if (matches(res, id, qname)) finish(null, res);
    });
    sock.send(msg, server.port, server.address, (err) => {
      if (err) finish(err);
    });
  });
}

function tcpExchange(msg: Buffer, id: number, qname: string, server: { address: string; port: number }, timeoutMs: number): Promise<DecodedPacket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: server.address, port: server.port });
    let buf = Buffer.alloc(0);
    let done = false;
    const finish = (err: Error | null, res?: DecodedPacket) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(res!);
    };
    const timer = setTimeout(() => finish(new Error(`TCP timeout after ${timeoutMs} ms`)), timeoutMs);
    sock.on('error', (err) => finish(err));
    sock.on('connect', () => sock.write(msg));
    sock.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < 2) return;
      const len = buf.readUInt16BE(0);
      if (buf.length < 2 + len) return;
      let res: DecodedPacket;
      try {
        res = packet.decode(buf.subarray(2, 2 + len));
      } catch (err) {
        return finish(new Error(`malformed TCP answer: ${(err as Error).message}`));
      }
      if (!matches(res, id, qname)) return finish(new Error('TCP answer does not match the query'));
      finish(null, res);
    });
    sock.on('end', () => finish(new Error('TCP connection closed before a full answer')));
  });
}
