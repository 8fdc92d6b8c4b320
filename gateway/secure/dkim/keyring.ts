// Per-domain DKIM keys behind an injectable store (the gateway backs it with the
// database, where the master key wraps it). The keyring creates a domain's key on first
// use, tells the admin what to publish, and signs. Private keys stay inside: nothing here
// logs or returns them except through the store.
import { z } from 'zod';
import { generateDkimKey, type DkimAlgorithm } from './keys.ts';
import { dnsRecord, DEFAULT_SELECTOR, type DkimDnsRecord } from './record.ts';
import { signMessage } from './sign.ts';

export const storedDkimKeySchema = z.object({
  selector: z.string().min(1),
  algorithm: z.enum(['rsa', 'ed25519']),
  privateKeyPem: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
  /** Milliseconds since the epoch. */
  createdAt: z.number().int().nonnegative(),
});
export type StoredDkimKey = z.infer<typeof storedDkimKeySchema>;

export interface DkimKeyStore {
  get(domain: string): Promise<StoredDkimKey | undefined>;
  put(domain: string, key: StoredDkimKey): Promise<void>;
}

export class MemoryDkimKeyStore implements DkimKeyStore {
  #keys = new Map<string, StoredDkimKey>();
  async get(domain: string) {
    return this.#keys.get(domain);
  }
  async put(domain: string, key: StoredDkimKey) {
    this.#keys.set(domain, { ...key });
  }
}

export type KeyringOptions = { selector?: string; algorithm?: DkimAlgorithm; rsaBits?: number; now?: () => number };

const norm = (domain: string) => domain.trim().toLowerCase().replace(/\.$/, '');

export class DkimKeyring {
  #store: DkimKeyStore;
  #options: KeyringOptions;
  #creating = new Map<string, Promise<StoredDkimKey>>();

  constructor(store: DkimKeyStore, options: KeyringOptions = {}) {
    this.#store = store;
    this.#options = options;
  }

  /** The domain's key, generated and stored on first use (one generation per domain even if called concurrently). */
  async ensureKey(domain: string): Promise<StoredDkimKey> {
    const d = norm(domain);
    const existing = await this.#store.get(d);
    if (existing) return storedDkimKeySchema.parse(existing);
    let pending = this.#creating.get(d);
    if (!pending) {
      pending = (async () => {
        const key = await generateDkimKey(this.#options.algorithm ?? 'rsa', this.#options.rsaBits ?? 2048);
        const stored: StoredDkimKey = {
          selector: this.#options.selector ?? DEFAULT_SELECTOR,
          algorithm: key.algorithm,
          privateKeyPem: key.privateKeyPem,
          createdAt: (this.#options.now ?? Date.now)(),
        };
        await this.#store.put(d, stored);
        return stored;
      })().finally(() => this.#creating.delete(d));
      this.#creating.set(d, pending);
    }
    return pending;
  }

  /** What to publish in DNS for the domain (creates the key if needed). */
  async dnsRecord(domain: string): Promise<DkimDnsRecord> {
    const key = await this.ensureKey(domain);
    return dnsRecord(domain, key.selector, key.privateKeyPem);
  }

  async sign(raw: Buffer, domain: string): Promise<Buffer> {
    const key = await this.ensureKey(domain);
    return signMessage(raw, { domain: norm(domain), selector: key.selector, privateKey: key.privateKeyPem });
  }
}
