// A real HTTPS policy host on 127.0.0.1 for the MTA-STS tests. It serves
// https://mta-sts.<domain>/.well-known/mta-sts.txt for any number of domains, each
// answer configurable per domain, and picks the certificate by SNI so one server can
// present good, untrusted, expired and wrong-name certificates.
import https from 'node:https';
import tls from 'node:tls';
import type { AddressInfo, Socket } from 'node:net';

export type Answer =
  | { status?: number; contentType?: string | null; body?: string | Buffer; headers?: Record<string, string>; chunked?: boolean }
  | 'hang'
  | 'hang-body';

export type PolicyHost = {
  port: number;
  /** What `https://mta-sts.<domain>/.well-known/mta-sts.txt` answers. */
  serve(domain: string, answer: Answer): void;
  /** Present this certificate when the client asks for `servername`. */
  certFor(servername: string, cert: { certPem: string; keyPem: string }): void;
  /** Requests received per policy domain. */
  hits(domain: string): number;
  close(): Promise<void>;
};

export async function startPolicyHost(defaultCert: { certPem: string; keyPem: string }): Promise<PolicyHost> {
  const answers = new Map<string, Answer>();
  const counts = new Map<string, number>();
  const contexts = new Map<string, tls.SecureContext>();
  const sockets = new Set<Socket>();

  const server = https.createServer(
    {
      cert: defaultCert.certPem,
      key: defaultCert.keyPem,
      SNICallback: (name, cb) => cb(null, contexts.get(name.toLowerCase())),
    },
    (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const domain = host.replace(/^mta-sts\./, '');
      counts.set(domain, (counts.get(domain) ?? 0) + 1);
      const answer = answers.get(domain);
      if (req.url !== '/.well-known/mta-sts.txt' || answer === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (answer === 'hang') return; // never answer
      if (answer === 'hang-body') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('version: STSv1\n'); // and never finish
        return;
      }
      const body = answer.body ?? '';
      const headers: Record<string, string> = { ...answer.headers };
      if (answer.contentType !== null) headers['content-type'] = answer.contentType ?? 'text/plain';
      if (!answer.chunked) headers['content-length'] = String(Buffer.byteLength(body));
      res.writeHead(answer.status ?? 200, headers);
      res.end(body);
    },
  );
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));

  return {
    port: (server.address() as AddressInfo).port,
    serve: (domain, answer) => answers.set(domain.toLowerCase(), answer),
    certFor: (name, cert) => contexts.set(name.toLowerCase(), tls.createSecureContext({ cert: cert.certPem, key: cert.keyPem })),
    hits: (domain) => counts.get(domain.toLowerCase()) ?? 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
