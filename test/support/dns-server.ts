// An authoritative DNS server for tests, on loopback, built with dns2.
// It answers UDP and TCP on the same port so Node's resolver (c-ares) can fall
// back to TCP on truncated answers, e.g. a 2048-bit DKIM key in one TXT record.
// Zone data is mutable while the server runs: tests change records between steps.
import { Packet, UDPServer, TCPServer } from 'dns2';
import type DNS from 'dns2';

type Resource = DNS.Packet.Resource;
import type { AddressInfo } from 'node:net';

export type MxRecord = { exchange: string; priority: number };
export type TlsaRecord = { usage: number; selector: number; matchingType: number; data: Buffer | string /* hex */ };

export type RecordSet = {
  A?: string[];
  AAAA?: string[];
  MX?: MxRecord[];
  /** Each record is a list of character-strings (a long TXT value is split into several). */
  TXT?: string[][];
  TLSA?: TlsaRecord[];
  CNAME?: string;
};
export type RecordType = keyof RecordSet;
export type Zone = Record<string, RecordSet>;
export type Failure = 'SERVFAIL' | 'REFUSED' | 'drop';

export type TestDnsServer = {
  port: number;
  /** `127.0.0.1:PORT`, ready for `Resolver#setServers` or PHIGATE_DNS_SERVERS. */
  address: string;
  /** Replace the records of one type at a name; `undefined` or `[]` removes them. */
  set<T extends RecordType>(name: string, type: T, records: RecordSet[T] | undefined): void;
  /** Make every query for `name` fail this way (`drop`: never answer); `null` clears. */
  fail(name: string, failure: Failure | null): void;
  /** Names queried so far, as `name/TYPE` (lets tests assert a look-up happened or not). */
  queries: string[];
  close(): Promise<void>;
};

const TLSA_TYPE = 52; // dns2 has no TLSA codec: we send the raw RDATA, which it passes through.
const TYPE_NAMES: Record<number, RecordType> = {
  [Packet.TYPE.A]: 'A',
  [Packet.TYPE.AAAA]: 'AAAA',
  [Packet.TYPE.MX]: 'MX',
  [Packet.TYPE.TXT]: 'TXT',
  [Packet.TYPE.CNAME]: 'CNAME',
  [TLSA_TYPE]: 'TLSA',
};

const norm = (name: string) => name.toLowerCase().replace(/\.$/, '');

export async function startDnsServer(initial: Zone = {}): Promise<TestDnsServer> {
  const zone = new Map<string, RecordSet>();
  const failures = new Map<string, Failure>();
  const queries: string[] = [];
  for (const [name, rrs] of Object.entries(initial)) zone.set(norm(name), structuredClone(rrs));

  // A name with no records but with names below it is an empty non-terminal: NODATA, not NXDOMAIN.
  const exists = (name: string) =>
    zone.has(name) || [...zone.keys()].some((n) => n.endsWith('.' + name));

  const answersFor = (qname: string, name: string, type: RecordType): Resource[] => {
    const rrs = zone.get(name);
    if (!rrs) return [];
    const base = { name: qname, class: Packet.CLASS.IN, ttl: 60 };
    if (rrs.CNAME && type !== 'CNAME') {
      const cname = { ...base, type: Packet.TYPE.CNAME, domain: rrs.CNAME } as Resource;
      return [cname, ...answersFor(rrs.CNAME, norm(rrs.CNAME), type)];
    }
    switch (type) {
      case 'A':
        return (rrs.A ?? []).map((address) => ({ ...base, type: Packet.TYPE.A, address }) as Resource);
      case 'AAAA':
        return (rrs.AAAA ?? []).map((address) => ({ ...base, type: Packet.TYPE.AAAA, address }) as Resource);
      case 'MX':
        return (rrs.MX ?? []).map((mx) => ({ ...base, type: Packet.TYPE.MX, ...mx }) as Resource);
      case 'TXT':
        return (rrs.TXT ?? []).map((data) => ({ ...base, type: Packet.TYPE.TXT, data }) as Resource);
      case 'CNAME':
        return rrs.CNAME ? [{ ...base, type: Packet.TYPE.CNAME, domain: rrs.CNAME } as Resource] : [];
      case 'TLSA':
        return (rrs.TLSA ?? []).map((t) => {
          const cert = typeof t.data === 'string' ? Buffer.from(t.data, 'hex') : t.data;
          const data = Buffer.concat([Buffer.from([t.usage, t.selector, t.matchingType]), cert]);
          return { ...base, type: TLSA_TYPE, data } as Resource;
        });
    }
  };

  const handle = (request: Packet, send: (r: Packet) => Promise<Buffer>) => {
    const response = Packet.createResponseFromRequest(request);
    response.header.aa = 1;
    const [question] = request.questions;
    if (!question) {
      response.header.rcode = Packet.RCODE.FORMERR;
      void send(response).catch(() => {});
      return;
    }
    const name = norm(question.name);
    const typeName = TYPE_NAMES[question.type];
    queries.push(`${name}/${typeName ?? question.type}`);
    const failure = failures.get(name);
    if (failure === 'drop') return;
    if (failure) {
      response.header.rcode = Packet.RCODE[failure];
    } else if (!exists(name)) {
      response.header.rcode = Packet.RCODE.NXDOMAIN;
    } else if (typeName) {
      response.answers = answersFor(question.name, name, typeName);
    } // else: a type we don't serve — NOERROR with no answers (NODATA).
    void send(response).catch(() => {});
  };

  // Bind UDP on a free port, then TCP on the same one; retry if TCP's is taken.
  for (let attempt = 0; ; attempt++) {
    const udp = new UDPServer();
    udp.on('request', handle as never);
    await udp.listen(0, '127.0.0.1');
    const port = (udp.address() as AddressInfo).port;
    const tcp = new TCPServer();
    tcp.on('request', handle as never);
    // c-ares keeps TCP connections open; close() must not wait for their idle timeout.
    const sockets = new Set<import('node:net').Socket>();
    tcp.on('connection', (s: import('node:net').Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    const bound = await new Promise<boolean>((resolve) => {
      tcp.once('error', () => resolve(false));
      tcp.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (!bound) {
      udp.close();
      if (attempt > 20) throw new Error('test DNS server: no port free for both UDP and TCP');
      continue;
    }
    return {
      port,
      address: `127.0.0.1:${port}`,
      queries,
      set(name, type, records) {
        const key = norm(name);
        const rrs = zone.get(key) ?? {};
        const empty = records === undefined || (Array.isArray(records) && records.length === 0);
        if (empty) delete rrs[type];
        else rrs[type] = structuredClone(records);
        if (Object.keys(rrs).length) zone.set(key, rrs);
        else zone.delete(key);
      },
      fail(name, failure) {
        if (failure) failures.set(norm(name), failure);
        else failures.delete(norm(name));
      },
      async close() {
        for (const s of sockets) s.destroy();
        await Promise.all([
          new Promise<void>((r) => udp.close(() => r())),
          new Promise<void>((r) => tcp.close(() => r())),
        ]);
      },
    };
  }
}
