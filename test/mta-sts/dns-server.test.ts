// Checks the test DNS server itself against Node's resolver, so other suites can trust it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resolver } from 'node:dns/promises';
import { startDnsServer, type TestDnsServer } from '../support/dns-server.ts';

let dns: TestDnsServer;
let r: Resolver;
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: NodeJS.ErrnoException) => e.code);

beforeAll(async () => {
  dns = await startDnsServer({
    'example.test': { MX: [{ exchange: 'mx1.example.test', priority: 10 }, { exchange: 'mx2.example.test', priority: 20 }], TXT: [['v=spf1 -all']] },
    'mx1.example.test': { A: ['127.0.0.1'], AAAA: ['::1'] },
    'deep.below.example.test': { A: ['127.0.0.2'] },
  });
  r = new Resolver({ timeout: 2000, tries: 1 });
  r.setServers([dns.address]);
});
afterAll(() => dns.close());

describe('test DNS server', () => {
  it('answers MX, TXT, A and AAAA', async () => {
    expect((await r.resolveMx('example.test')).sort((a, b) => a.priority - b.priority)).toEqual([
      { exchange: 'mx1.example.test', priority: 10 },
      { exchange: 'mx2.example.test', priority: 20 },
    ]);
    expect(await r.resolveTxt('example.test')).toEqual([['v=spf1 -all']]);
    expect(await r.resolve4('mx1.example.test')).toEqual(['127.0.0.1']);
    expect(await r.resolve6('MX1.Example.Test')).toEqual(['::1']);
  });

  it('NXDOMAIN for unknown names, NODATA for known names and empty non-terminals', async () => {
    expect(await code(r.resolve4('nothing.example.test'))).toBe('ENOTFOUND');
    expect(await code(r.resolve4('example.test'))).toBe('ENODATA');
    expect(await code(r.resolve4('below.example.test'))).toBe('ENODATA');
    expect(await code(r.resolveMx('mx1.example.test'))).toBe('ENODATA');
  });

  it('changes records at run time', async () => {
    dns.set('new.example.test', 'TXT', [['v=STSv1; id=1']]);
    expect(await r.resolveTxt('new.example.test')).toEqual([['v=STSv1; id=1']]);
    dns.set('new.example.test', 'TXT', [['v=STSv1; id=2']]);
    expect(await r.resolveTxt('new.example.test')).toEqual([['v=STSv1; id=2']]);
    dns.set('new.example.test', 'TXT', undefined);
    expect(await code(r.resolveTxt('new.example.test'))).toBe('ENOTFOUND');
  });

  it('serves TXT records too big for UDP over TCP, keeping the character-strings', async () => {
    const strings = ['a'.repeat(255), 'b'.repeat(255), 'c'.repeat(255), 'd'.repeat(100)];
    dns.set('big.example.test', 'TXT', [strings]);
    expect(await r.resolveTxt('big.example.test')).toEqual([strings]);
  });

  it('simulates SERVFAIL', async () => {
    dns.fail('example.test', 'SERVFAIL');
    expect(await code(r.resolveMx('example.test'))).toBe('ESERVFAIL');
    dns.fail('example.test', null);
    expect(await r.resolveMx('example.test')).toHaveLength(2);
  });
});
