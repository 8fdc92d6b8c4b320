// Receivers the shared sink (test/support/sink.ts) cannot play, for the probe tests:
// - a TLS 1.0-only server: OpenSSL 3 refuses TLS < 1.2 at its default security level on
//   either end, so the server needs `ciphers: DEFAULT@SECLEVEL=0`, which the sink does not
//   pass through;
// - a server that offers STARTTLS, says 220 to it and then speaks no TLS at all (a broken or
//   tampered-with TLS stack);
// plus a genuinely self-signed certificate (test-ca.ts issues only CA-signed ones).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SMTPServer } from 'smtp-server';

const run = promisify(execFile);

export interface Peer {
  port: number;
  close(): Promise<void>;
}

export async function startLegacyTlsPeer(cert: { certPem: string; keyPem: string }): Promise<Peer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH'],
    disableReverseLookup: true,
    logger: false,
    key: cert.keyPem,
    cert: cert.certPem,
    minVersion: 'TLSv1',
    maxVersion: 'TLSv1',
    ciphers: 'DEFAULT@SECLEVEL=0',
  } as ConstructorParameters<typeof SMTPServer>[0]);
  // The probe's first handshake (TLS 1.2+) fails here by design; smtp-server reports that as
  // an 'error' event, which would be thrown without a listener.
  server.on('error', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Offers STARTTLS, accepts it, then answers the ClientHello with plain text. */
export async function startBrokenTlsPeer(): Promise<Peer & { sessions: () => number }> {
  let sessions = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sessions++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('latin1');
    let buffer = '';
    let tlsStarted = false;
    socket.write('220 broken.test ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      if (tlsStarted) {
        socket.end('this is not TLS\r\n');
        return;
      }
      buffer += chunk;
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i).toUpperCase();
        buffer = buffer.slice(i + 2);
        if (line.startsWith('EHLO')) socket.write('250-broken.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n');
        else if (line === 'STARTTLS') {
          tlsStarted = true;
          socket.write('220 go ahead\r\n');
        } else if (line === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('502 not here\r\n');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    sessions: () => sessions,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A self-signed leaf for `name` (its own issuer; not a CA), via the openssl CLI. */
export async function selfSigned(name: string): Promise<{ certPem: string; keyPem: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'phigate-selfsigned-'));
  try {
    const [cert, key] = [join(dir, 'c.pem'), join(dir, 'k.pem')];
    await run('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', key, '-out', cert, '-days', '7', '-subj', `/CN=${name}`,
      '-addext', `subjectAltName=DNS:${name}`,
    ], { timeout: 30_000 });
    return { certPem: await readFile(cert, 'utf8'), keyPem: await readFile(key, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
