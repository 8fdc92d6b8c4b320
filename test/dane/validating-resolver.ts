// A validating-resolver stand-in on loopback (UDP + TCP on one port) built with dns-packet.
// Each TLSA name gets a canned behaviour: AD flag, rcode, records, or silence; `truncate` makes
// the UDP answer carry TC (empty) so the client must retry over TCP.
import dgram from 'node:dgram';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as packet from 'dns-packet';
import type { Answer, DecodedPacket } from 'dns-packet';

export type TlsaAnswer = { usage: number; selector: number; matchingType: number; data: Buffer };
export type Behaviour = {
  ad?: boolean;
  rcode?: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
  records?: TlsaAnswer[];
  /** Answer with a CNAME to this name, whose records (from its own behaviour) follow. */
  cname?: string;
  drop?: boolean;
  truncate?: boolean;
  /** Send a reply with the wrong id first (spoof attempt), then the real one. */
  spoofFirst?: boolean;
};
export type SeenQuery = { name: string; type: string; rd: boolean; ad: boolean; do: boolean; udpSize?: number; transport: 'udp' | 'tcp' };

export type ValidatingResolver = {
  address: string;
  port: number;
  set(name: string, b: Behaviour): void;
  queries: SeenQuery[];
  close(): Promise<void>;
};

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

export async function startValidatingResolver(host = '127.0.0.1'): Promise<ValidatingResolver> {
  const zone = new Map<string, Behaviour>();
  const queries: SeenQuery[] = [];

  const answer = (q: DecodedPacket, transport: 'udp' | 'tcp'): Buffer[] | null => {
    const question = q.questions![0]!;
    const name = question.name.toLowerCase();
    const opt = (q.additionals ?? []).find((a) => a.type === 'OPT') as { flag_do?: boolean; udpPayloadSize?: number } | undefined;
    queries.push({ name, type: question.type, rd: q.flag_rd, ad: q.flag_ad, do: !!opt?.flag_do, udpSize: opt?.udpPayloadSize, transport });
    const b = zone.get(name) ?? { rcode: 'NXDOMAIN', ad: true };
    if (b.drop) return null;
    const flags = packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (b.ad ? packet.AUTHENTIC_DATA : 0) | RCODE[b.rcode ?? 'NOERROR'];
    const base = { type: 'response' as const, id: q.id, questions: q.questions, additionals: [] as Answer[] };
    if (b.truncate && transport === 'udp') {
      return [packet.encode({ ...base, flags: flags | packet.TRUNCATED_RESPONSE, answers: [] })];
    }
    const answers: Answer[] = [];
    let owner = name;
    let rs = b.records ?? [];
    if (b.cname) {
      answers.push({ type: 'CNAME', name, ttl: 60, class: 'IN', data: b.cname });
      owner = b.cname;
      rs = zone.get(b.cname)?.records ?? [];
    }
    if ((b.rcode ?? 'NOERROR') === 'NOERROR') {
      for (const r of rs) {
        answers.push({ type: 'TLSA', name: owner, ttl: 60, class: 'IN', data: { usage: r.usage, selector: r.selector, matchingType: r.matchingType, certificate: r.data } });
      }
    }
    const out = [packet.encode({ ...base, flags, answers })];
    if (b.spoofFirst) out.unshift(packet.encode({ ...base, id: (q.id! + 1) & 0xffff, flags, answers: [] }));
    return out;
  };

  const onQuery = (udp: dgram.Socket) => (msg: Buffer, rinfo: dgram.RemoteInfo) => {
    let q: DecodedPacket;
    try {
      q = packet.decode(msg);
    } catch {
      return;
    }
    for (const buf of answer(q, 'udp') ?? []) udp.send(buf, rinfo.port, rinfo.address);
  };

  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    let buf = Buffer.alloc(0);
    s.on('error', () => {});
    s.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < 2 || buf.length < 2 + buf.readUInt16BE(0)) return;
      const q = packet.decode(buf.subarray(2, 2 + buf.readUInt16BE(0)));
      const out = answer(q, 'tcp');
      if (!out) return;
      const last = out[out.length - 1]!;
      const len = Buffer.alloc(2);
      len.writeUInt16BE(last.length);
      s.end(Buffer.concat([len, last]));
    });
  });
  // UDP and TCP on one port number: the UDP port is the system's pick, and the same TCP port may be taken (another
  // test's connection), so pick again until both are free.
  let udp: dgram.Socket | null = null;
  let port = 0;
  for (let attempt = 0; !udp; attempt++) {
    const candidate = dgram.createSocket('udp4');
    candidate.on('message', onQuery(candidate));
    await new Promise<void>((r) => candidate.bind(0, host, () => r()));
    port = (candidate.address() as AddressInfo).port;
    const listening = await new Promise<boolean>((resolve, reject) => {
      const failed = (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' && attempt < 20 ? resolve(false) : reject(err));
      tcp.once('error', failed);
      tcp.listen(port, host, () => {
        tcp.off('error', failed);
        resolve(true);
      });
    });
    if (listening) udp = candidate;
    else await new Promise<void>((r) => candidate.close(() => r()));
  }
  const bound = udp;

  return {
    address: `${host}:${port}`,
    port,
    set: (name, b) => zone.set(name.toLowerCase(), b),
    queries,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => bound.close(() => r()));
      await new Promise<void>((r) => tcp.close(() => r()));
    },
  };
}
