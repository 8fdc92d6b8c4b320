// lookupTlsa against a loopback validating-resolver stand-in.
import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupTlsa, parseServer, tlsaName } from '../../gateway/deliver/dane/tlsa.ts';
import { startValidatingResolver, type ValidatingResolver } from './validating-resolver.ts';

const REC = { usage: 3, selector: 1, matchingType: 1, data: Buffer.alloc(32, 0xab) };
const REC2 = { usage: 2, selector: 0, matchingType: 2, data: Buffer.alloc(64, 0xcd) };

describe('lookupTlsa', () => {
  let dns: ValidatingResolver;
  let silent: dgram.Socket; // a "resolver" that never answers
  let silentAddr: string;

  beforeAll(async () => {
    dns = await startValidatingResolver();
    silent = dgram.createSocket('udp4');
    await new Promise<void>((r) => silent.bind(0, '127.0.0.1', () => r()));
    silentAddr = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
    dns.set('_25._tcp.secure.example.test', { ad: true, records: [REC, REC2] });
    dns.set('_25._tcp.unsigned.example.test', { ad: false, records: [REC] });
    dns.set('_25._tcp.nodata.example.test', { ad: true, records: [] });
    dns.set('_25._tcp.nx.example.test', { ad: true, rcode: 'NXDOMAIN' });
    dns.set('_25._tcp.nx-unsigned.example.test', { ad: false, rcode: 'NXDOMAIN' });
    dns.set('_25._tcp.bogus.example.test', { rcode: 'SERVFAIL' });
    dns.set('_25._tcp.refused.example.test', { rcode: 'REFUSED' });
    dns.set('_25._tcp.slow.example.test', { drop: true });
    dns.set('_25._tcp.big.example.test', { ad: true, truncate: true, records: [REC] });
    dns.set('_25._tcp.spoof.example.test', { ad: true, spoofFirst: true, records: [REC] });
    dns.set('_25._tcp.alias.example.test', { ad: true, cname: '_25._tcp.target.example.test' });
    dns.set('_25._tcp.target.example.test', { ad: true, records: [REC2] });
  });
  afterAll(async () => {
    await dns.close();
    silent.close();
  });

  it('builds the TLSA owner name', () => {
    expect(tlsaName('MX.Example.TEST.', 25)).toBe('_25._tcp.mx.example.test');
    expect(parseServer('127.0.0.1:5353')).toEqual({ address: '127.0.0.1', port: 5353 });
    expect(parseServer('[::1]:53')).toEqual({ address: '::1', port: 53 });
    expect(parseServer('::1')).toEqual({ address: '::1', port: 53 });
    expect(() => parseServer('resolver.example:53')).toThrow();
  });

  it('secure: AD set and records present; query has RD, EDNS0 and DO', async () => {
    const res = await lookupTlsa('secure.example.test', 25, { servers: [dns.address] });
    expect(res).toEqual({ status: 'secure', records: [REC, REC2] });
    const q = dns.queries.find((x) => x.name === '_25._tcp.secure.example.test')!;
    expect(q).toMatchObject({ type: 'TLSA', rd: true, do: true, transport: 'udp' });
    expect(q.udpSize).toBeGreaterThanOrEqual(1232);
  });

  it('insecure: no AD bit, even with records', async () => {
    expect(await lookupTlsa('unsigned.example.test', 25, { servers: [dns.address] })).toEqual({ status: 'insecure' });
    expect(await lookupTlsa('nx-unsigned.example.test', 25, { servers: [dns.address] })).toEqual({ status: 'insecure' });
  });

  it('none: authenticated NODATA or NXDOMAIN', async () => {
    expect(await lookupTlsa('nodata.example.test', 25, { servers: [dns.address] })).toEqual({ status: 'none' });
    expect(await lookupTlsa('nx.example.test', 25, { servers: [dns.address] })).toEqual({ status: 'none' });
  });

  it('bogus: SERVFAIL', async () => {
    const res = await lookupTlsa('bogus.example.test', 25, { servers: [dns.address] });
    expect(res.status).toBe('bogus');
  });

  it('error: timeout, REFUSED, no servers', async () => {
    const t0 = Date.now();
    const res = await lookupTlsa('slow.example.test', 25, { servers: [dns.address], timeoutMs: 300 });
    expect(res.status).toBe('error');
    expect((res as { reason: string }).reason).toMatch(/timeout/);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((await lookupTlsa('refused.example.test', 25, { servers: [dns.address] })).status).toBe('error');
    expect((await lookupTlsa('x.example.test', 25, { servers: [] })).status).toBe('error');
  });

  it('tries servers in order: a silent server, then a working one', async () => {
    const res = await lookupTlsa('secure.example.test', 25, { servers: [silentAddr, dns.address], timeoutMs: 300 });
    expect(res.status).toBe('secure');
  });

  it('retries over TCP when the UDP answer is truncated', async () => {
    const res = await lookupTlsa('big.example.test', 25, { servers: [dns.address] });
    expect(res).toEqual({ status: 'secure', records: [REC] });
    const seen = dns.queries.filter((x) => x.name === '_25._tcp.big.example.test').map((x) => x.transport);
    expect(seen).toEqual(['udp', 'tcp']);
  });

  it('ignores a reply with the wrong id', async () => {
    expect(await lookupTlsa('spoof.example.test', 25, { servers: [dns.address] })).toEqual({ status: 'secure', records: [REC] });
  });

  it('follows a CNAME inside the answer', async () => {
    expect(await lookupTlsa('alias.example.test', 25, { servers: [dns.address] })).toEqual({ status: 'secure', records: [REC2] });
  });
});
