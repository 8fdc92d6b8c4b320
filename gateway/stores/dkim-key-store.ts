// DKIM signing keys in the database. The private key is sealed with the master key
// (AES-256-GCM, AAD `dkim:<domain>`, so a sealed key cannot be moved to another domain's row)
// and is never stored in clear. Selector, algorithm and creation time stay readable.
//
// A row that cannot be opened (wrong master key, edited ciphertext) or does not hold a valid
// key makes get() throw rather than answer "no key": DkimKeyring would otherwise generate a
// new key and overwrite the one the domain has published in DNS.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { dkimKeys } from '../../db/schema.ts';
import { storedDkimKeySchema, type DkimKeyStore, type StoredDkimKey } from '../secure/dkim/keyring.ts';
import { open, seal, type KeyRing } from '../spool/crypto.ts';

export class DkimKeyUnreadableError extends Error {
  constructor(domain: string, why: string) {
    super(`the stored DKIM key for ${domain} cannot be used: ${why}`);
    this.name = 'DkimKeyUnreadableError';
  }
}

/** Same normalisation as DkimKeyring: trimmed, lower-case, no trailing dot. */
const norm = (domain: string) => domain.trim().toLowerCase().replace(/\.$/, '');
const aad = (domain: string) => `dkim:${domain}`;

export class DbDkimKeyStore implements DkimKeyStore {
  readonly #db: Db;
  readonly #ring: KeyRing;

  constructor(db: Db, ring: KeyRing) {
    this.#db = db;
    this.#ring = ring;
  }

  async get(domain: string): Promise<StoredDkimKey | undefined> {
    const d = norm(domain);
    const [row] = await this.#db.select().from(dkimKeys).where(eq(dkimKeys.domain, d));
    if (!row) return undefined;
    let pem: string;
    try {
      pem = open(this.#ring.master, aad(d), row.privateKey).toString('utf8');
    } catch {
      throw new DkimKeyUnreadableError(d, 'it does not decrypt with this master key');
    }
    const parsed = storedDkimKeySchema.safeParse({ selector: row.selector, algorithm: row.algorithm, privateKeyPem: pem, createdAt: row.createdAt.getTime() });
    if (!parsed.success) throw new DkimKeyUnreadableError(d, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return parsed.data;
  }

  /** Stores (or replaces) the domain's key. */
  async put(domain: string, key: StoredDkimKey): Promise<void> {
    const d = norm(domain);
    const valid = storedDkimKeySchema.parse(key);
    const values = {
      selector: valid.selector,
      algorithm: valid.algorithm,
      privateKey: seal(this.#ring.master, aad(d), Buffer.from(valid.privateKeyPem, 'utf8')),
      createdAt: new Date(valid.createdAt),
    };
    await this.#db
      .insert(dkimKeys)
      .values({ domain: d, ...values })
      .onConflictDoUpdate({ target: dkimKeys.domain, set: values });
  }
}
