// DKIM signing keys: generation and the public-key value published in DNS.
// RSA 2048 by default (RFC 8301 requires ≥1024, 2048 is what receivers expect today);
// Ed25519 (RFC 8463) is optional: not every receiver verifies it, so it is meant to be
// used alongside an RSA signature, never alone.
import { createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);

export type DkimAlgorithm = 'rsa' | 'ed25519';

export type DkimKey = {
  algorithm: DkimAlgorithm;
  /** PKCS#8 PEM. Secret: never log, never return from an API. */
  privateKeyPem: string;
};

export async function generateDkimKey(algorithm: DkimAlgorithm = 'rsa', rsaBits = 2048): Promise<DkimKey> {
  if (algorithm === 'rsa') {
    if (rsaBits < 1024) throw new Error('DKIM RSA keys must be at least 1024 bits (RFC 8301)');
    const { privateKey } = await generate('rsa', { modulusLength: rsaBits });
    return { algorithm, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
  }
  const { privateKey } = await generate('ed25519');
  return { algorithm, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

/**
 * The p= value: base64 SubjectPublicKeyInfo for RSA (RFC 6376 §3.6.1), the bare 32-byte
 * public key for Ed25519 (RFC 8463 §4.2).
 */
export function publicKeyValue(privateKeyPem: string): { algorithm: DkimAlgorithm; p: string } {
  const pub = createPublicKey(createPrivateKey(privateKeyPem));
  if (pub.asymmetricKeyType === 'rsa') {
    return { algorithm: 'rsa', p: (pub.export({ type: 'spki', format: 'der' }) as Buffer).toString('base64') };
  }
  if (pub.asymmetricKeyType === 'ed25519') {
    const jwk = pub.export({ format: 'jwk' });
    return { algorithm: 'ed25519', p: Buffer.from(jwk.x!, 'base64url').toString('base64') };
  }
  throw new Error(`unsupported DKIM key type ${pub.asymmetricKeyType}`);
}
