// Real certificates for the DANE tests, made with the openssl CLI in a temp directory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';

export type Pem = { certPem: string; keyPem: string; der: Buffer };
export type Fixtures = {
  ca: Pem; // root CA
  leaf: Pem; // mx.example.test, issued by ca
  intermediate: Pem; // issued by ca
  leaf2: Pem; // mx2.example.test + *.wild.example.test, issued by intermediate
  otherCa: Pem; // unrelated root
  selfSigned: Pem; // self.example.test, self-signed (CA:TRUE, as openssl req -x509 makes it)
  cleanup(): void;
};

export function makeFixtures(): Fixtures {
  const dir = mkdtempSync(path.join(tmpdir(), 'dane-'));
  const f = (n: string) => path.join(dir, n);
  const ossl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const read = (name: string): Pem => {
    const certPem = readFileSync(f(`${name}.pem`), 'utf8');
    return { certPem, keyPem: readFileSync(f(`${name}.key`), 'utf8'), der: new X509Certificate(certPem).raw };
  };
  const root = (name: string, cn: string) =>
    ossl('req', '-x509', ...key, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${cn}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const issue = (name: string, cn: string, issuer: string, ext: string) => {
    ossl('req', '-new', ...key, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    writeFileSync(f(`${name}.ext`), ext);
    ossl('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial',
      '-days', '20', '-out', `${name}.pem`, '-extfile', `${name}.ext`);
  };
  root('ca', 'DANE Test Root');
  root('other', 'Unrelated Root');
  issue('leaf', 'mx.example.test', 'ca', 'subjectAltName=DNS:mx.example.test\nbasicConstraints=CA:FALSE\n');
  issue('int', 'DANE Test Intermediate', 'ca', 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  issue('leaf2', 'mx2.example.test', 'int', 'subjectAltName=DNS:mx2.example.test,DNS:*.wild.example.test\nbasicConstraints=CA:FALSE\n');
  ossl('req', '-x509', ...key, '-keyout', 'self.key', '-out', 'self.pem', '-days', '30', '-subj', '/CN=self.example.test',
    '-addext', 'subjectAltName=DNS:self.example.test');
  return {
    ca: read('ca'),
    leaf: read('leaf'),
    intermediate: read('int'),
    leaf2: read('leaf2'),
    otherCa: read('other'),
    selfSigned: read('self'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
