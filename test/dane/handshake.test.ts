// End to end: a TLS server with a self-signed certificate; the client skips WebPKI checks and
// authenticates the peer with DANE from the chain it actually received.
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { X509Certificate, createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daneVerify, peerChainDer } from '../../gateway/deliver/dane/verify.ts';
import { makeFixtures, type Fixtures } from './certs.ts';

describe('DANE over a real TLS handshake', () => {
  let fx: Fixtures;
  let server: tls.Server;
  let port: number;
  let chainServer: tls.Server;
  let chainPort: number;

  const listen = async (s: tls.Server) => {
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    return (s.address() as AddressInfo).port;
  };
  const connect = (p: number, servername: string) =>
    new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port: p, servername, rejectUnauthorized: false }, () => resolve(s));
      s.on('error', reject);
    });

  beforeAll(async () => {
    fx = makeFixtures();
    server = tls.createServer({ cert: fx.selfSigned.certPem, key: fx.selfSigned.keyPem }, (s) => s.end());
    port = await listen(server);
    chainServer = tls.createServer({ cert: fx.leaf2.certPem + fx.intermediate.certPem, key: fx.leaf2.keyPem }, (s) => s.end());
    chainPort = await listen(chainServer);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await new Promise((r) => chainServer.close(r));
    fx.cleanup();
  });

  it('usage 3 passes with the right SPKI hash and fails with a wrong one', async () => {
    const sock = await connect(port, 'self.example.test');
    const chain = peerChainDer(sock);
    sock.destroy();
    expect(chain.length).toBe(1);
    expect(chain[0]!.equals(fx.selfSigned.der)).toBe(true);
    const good = createHash('sha256').update(new X509Certificate(fx.selfSigned.der).publicKey.export({ type: 'spki', format: 'der' })).digest();
    expect(daneVerify([{ usage: 3, selector: 1, matchingType: 1, data: good }], chain, 'self.example.test').ok).toBe(true);
    const bad = Buffer.from(good);
    bad[0] ^= 1;
    const r = daneVerify([{ usage: 3, selector: 1, matchingType: 1, data: bad }], chain, 'self.example.test');
    expect(r.ok).toBe(false);
  });

  it('usage 2 over a served [leaf, intermediate] chain', async () => {
    const sock = await connect(chainPort, 'mx2.example.test');
    const chain = peerChainDer(sock);
    sock.destroy();
    expect(chain.map((d) => d.equals(fx.leaf2.der) || d.equals(fx.intermediate.der))).toEqual([true, true]);
    const ta = createHash('sha256').update(fx.intermediate.der).digest();
    expect(daneVerify([{ usage: 2, selector: 0, matchingType: 1, data: ta }], chain, 'mx2.example.test').ok).toBe(true);
    expect(daneVerify([{ usage: 2, selector: 0, matchingType: 1, data: ta }], chain, 'mx.example.test').ok).toBe(false);
  });
});
