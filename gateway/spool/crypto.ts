// Envelope encryption of message data at rest: each message gets a random AES-256 data key;
// the key is stored wrapped (AES-256-GCM) by the master key, and every header/body chunk is
// sealed with AES-256-GCM whose AAD binds it to its message and position, so chunks cannot be
// swapped between messages or reordered without failing authentication.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const IV = 12;
const TAG = 16;

export class MasterKeyError extends Error {}

export interface KeyRing {
  master: Buffer;
  /** Key for the audit chain's HMAC; derived so the master key itself is used for one thing. */
  auditKey: Buffer;
}

export function loadKeyRing(opts: { masterKey?: string; dataDir: string }): KeyRing {
  const master = opts.masterKey ? decodeMasterKey(opts.masterKey) : readOrCreateKeyFile(opts.dataDir);
  const auditKey = Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'phigate audit chain v1', 32));
  return { master, auditKey };
}

function decodeMasterKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new MasterKeyError('PHIGATE_MASTER_KEY must be 32 bytes, base64-encoded');
  return key;
}

function readOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, 'master.key');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    return decodeMasterKey(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = crypto.randomBytes(32);
  // 'wx' so two processes starting on an empty data dir cannot each write their own key.
  try {
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return decodeMasterKey(fs.readFileSync(file, 'utf8'));
    throw err;
  }
}

// Random bytes drawn from the CSPRNG 4 KiB at a time: each message needs several small values
// (ids, IVs, a data key), and one call per value cost more than the AES work on a 20 KB message.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/** `n` fresh random bytes (n ≤ 4096) in a buffer of their own. */
export function randomBytes(n: number): Buffer {
  if (poolOffset + n > pool.length) {
    pool = crypto.randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const out = Buffer.from(pool.subarray(poolOffset, poolOffset + n));
  // Spent bytes are zeroed so the pool never holds a key that was handed out.
  pool.fill(0, poolOffset, poolOffset + n);
  poolOffset += n;
  return out;
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function seal(key: Buffer, aad: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = cipher.update(plaintext);
  cipher.final();
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

export function open(key: Buffer, aad: string, sealed: Buffer): Buffer {
  if (sealed.length < IV + TAG) throw new Error('sealed data too short');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  const body = decipher.update(sealed.subarray(IV, sealed.length - TAG));
  decipher.final();
  return body;
}

export const wrapDataKey = (ring: KeyRing, messageId: string, dataKey: Buffer) => seal(ring.master, `key:${messageId}`, dataKey);
export const unwrapDataKey = (ring: KeyRing, messageId: string, wrapped: Buffer) => open(ring.master, `key:${messageId}`, wrapped);
export const chunkAad = (messageId: string, seq: number) => `chunk:${messageId}:${seq}`;
export const headerAad = (messageId: string) => `header:${messageId}`;
