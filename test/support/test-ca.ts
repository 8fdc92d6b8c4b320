// A throwaway certificate authority for tests: a root and leaf certificates for
// given DNS names, written as PEM files into a temp dir (point NODE_EXTRA_CA_CERTS
// or a `ca` option at `caFile`). Uses the openssl CLI: @peculiar/x509 2 needs a
// reflect-metadata polyfill that is not a declared dependency. ECDSA P-256 keeps
// key generation fast.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const openssl = (args: string[]) => run('openssl', args, { timeout: 30_000 });
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export type LeafOptions = {
  /** IP addresses for the subjectAltName besides the DNS names. */
  ips?: string[];
  /** Issue a certificate whose notAfter is already in the past. */
  expired?: boolean;
};

export type IssuedCert = { certPem: string; keyPem: string; certFile: string; keyFile: string };

export type TestCa = {
  dir: string;
  certPem: string;
  /** PEM file holding the root certificate. */
  caFile: string;
  issue(dnsNames: string[], options?: LeafOptions): Promise<IssuedCert>;
  cleanup(): Promise<void>;
};

export async function createTestCa(commonName = 'phigate test CA'): Promise<TestCa> {
  const dir = await mkdtemp(join(tmpdir(), 'phigate-ca-'));
  const caFile = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca.key');
  await openssl([
    'req', '-x509', ...EC, '-keyout', caKey, '-out', caFile, '-days', '30',
    '-subj', `/CN=${commonName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const certPem = await readFile(caFile, 'utf8');
  let n = 0;

  return {
    dir,
    certPem,
    caFile,
    async issue(dnsNames, options = {}) {
      const base = join(dir, `leaf-${++n}`);
      const [certFile, keyFile, csr, ext] = ['.crt', '.key', '.csr', '.ext'].map((s) => base + s);
      const san = [...dnsNames.map((d) => `DNS:${d}`), ...(options.ips ?? []).map((ip) => `IP:${ip}`)];
      await writeFile(
        ext,
        [
          `subjectAltName=${san.join(',')}`,
          'basicConstraints=critical,CA:FALSE',
          'keyUsage=critical,digitalSignature',
          'extendedKeyUsage=serverAuth',
          'authorityKeyIdentifier=keyid',
        ].join('\n'),
      );
      await openssl(['req', '-new', ...EC, '-keyout', keyFile, '-out', csr, '-subj', `/CN=${dnsNames[0] ?? 'leaf'}`]);
      await openssl([
        'x509', '-req', '-in', csr, '-CA', caFile, '-CAkey', caKey,
        '-set_serial', '0x' + randomBytes(12).toString('hex'),
        // openssl 3.0 has no -not_after; -days -1 yields a notAfter one day ago.
        '-days', options.expired ? '-1' : '7',
        '-extfile', ext, '-out', certFile,
      ]);
      return { certPem: await readFile(certFile, 'utf8'), keyPem: await readFile(keyFile, 'utf8'), certFile, keyFile };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
