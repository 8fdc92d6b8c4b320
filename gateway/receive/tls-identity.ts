// The certificate phigate presents for inbound STARTTLS (and HTTPS): the operator's
// PHIGATE_TLS_CERT/KEY, or a self-signed one generated into the data dir on first start.
import crypto, { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface TlsIdentity {
  cert: string;
  key: string;
  generated: boolean;
}

export class TlsIdentityError extends Error {}

export async function loadTlsIdentity(opts: { certFile?: string; keyFile?: string; dataDir: string; hostname: string }): Promise<TlsIdentity> {
  if (opts.certFile || opts.keyFile) {
    if (!opts.certFile || !opts.keyFile) throw new TlsIdentityError('PHIGATE_TLS_CERT and PHIGATE_TLS_KEY must be set together');
    const cert = readPem(opts.certFile, 'PHIGATE_TLS_CERT');
    const key = readPem(opts.keyFile, 'PHIGATE_TLS_KEY');
    checkPair(cert, key);
    return { cert, key, generated: false };
  }
  const certFile = path.join(opts.dataDir, 'tls-cert.pem');
  const keyFile = path.join(opts.dataDir, 'tls-key.pem');
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    return { cert: fs.readFileSync(certFile, 'utf8'), key: fs.readFileSync(keyFile, 'utf8'), generated: true };
  }
  const { cert, key } = await generateSelfSigned(opts.hostname);
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(keyFile, key, { mode: 0o600 });
  fs.writeFileSync(certFile, cert, { mode: 0o644 });
  return { cert, key, generated: true };
}

function readPem(file: string, name: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new TlsIdentityError(`${name}: cannot read ${file}: ${(err as Error).message}`);
  }
}

function checkPair(cert: string, key: string): void {
  let pub: crypto.KeyObject;
  try {
    pub = new crypto.X509Certificate(cert).publicKey;
  } catch (err) {
    throw new TlsIdentityError(`PHIGATE_TLS_CERT is not a PEM certificate: ${(err as Error).message}`);
  }
  let priv: crypto.KeyObject;
  try {
    priv = crypto.createPrivateKey(key);
  } catch (err) {
    throw new TlsIdentityError(`PHIGATE_TLS_KEY is not a PEM private key: ${(err as Error).message}`);
  }
  const a = pub.export({ format: 'der', type: 'spki' });
  const b = crypto.createPublicKey(priv).export({ format: 'der', type: 'spki' });
  if (!a.equals(b)) throw new TlsIdentityError('PHIGATE_TLS_KEY does not match the public key of PHIGATE_TLS_CERT');
}

export async function generateSelfSigned(hostname: string): Promise<{ cert: string; key: string }> {
  // Loaded only when a certificate has to be made (first start without PHIGATE_TLS_CERT).
  await import('reflect-metadata'); // @peculiar/x509's DI container needs it loaded first
  const x509 = await import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: crypto.randomBytes(8).toString('hex'),
    name: `CN=${hostname}`,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + 2 * 365 * 86400_000),
    signingAlgorithm: alg,
    keys,
    extensions: [
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: hostname }]),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const key = crypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }) as string;
  return { cert: cert.toString('pem'), key };
}
