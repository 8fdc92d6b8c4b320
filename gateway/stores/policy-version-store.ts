// Every policy version the gateway has loaded, so an auditor can see which rules were in
// force when (messages record the version hash they were decided under).
//
// Storage choice: the policy file text is kept verbatim but SEALED with the master key
// (AES-256-GCM, AAD `policy:<hash>`), because policy files hold tenant header secrets. The
// alternative (the validated policy as JSON with secrets replaced by their SHA-256) was not
// taken: it would tie this store to the policy schema's shape, lose comments and layout, and
// a SHA-256 of a short secret is still guessable offline. With the text sealed, `get()` gives
// back exactly the file that was loaded (for diffing or restoring), and the database alone
// reveals nothing but hashes, sources, times and who loaded it.
//
// The version is identified by the policy hash (SHA-256 of the validated policy in canonical
// JSON, gateway/policy/load.ts): two texts that differ only in comments or layout are one
// version, and the text kept is the first one loaded.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { policyVersions } from '../../db/schema.ts';
import { appendAudit } from '../audit/append.ts';
import { open, seal, type KeyRing } from '../spool/crypto.ts';

export interface PolicyVersion {
  hash: string;
  /** File path (or name) the policy came from. */
  source: string;
  /** When this version was first loaded. */
  loadedAt: Date;
  /** Who or what loaded it first, e.g. 'startup', 'SIGHUP', 'admin-api'. */
  loadedBy: string;
}

export interface PolicyVersionWithText extends PolicyVersion {
  /** The policy file text (contains tenant secrets: admin eyes only). */
  text: string;
}

export interface RecordLoad {
  hash: string;
  source: string;
  text: string;
  loadedBy: string;
}

const HASH = /^[0-9a-f]{64}$/;
const aad = (hash: string) => `policy:${hash}`;

export class PolicyVersionStore {
  readonly #db: Db;
  readonly #ring: KeyRing;
  readonly #now: () => number;

  constructor(db: Db, ring: KeyRing, now: () => number = Date.now) {
    this.#db = db;
    this.#ring = ring;
    this.#now = now;
  }

  /**
   * Stores the version if it is new, and appends a `policy_loaded` audit event either way
   * (every load is on the record, including reloads of an unchanged file), in one transaction.
   */
  async recordLoad(input: RecordLoad): Promise<{ isNew: boolean }> {
    const hash = input.hash.toLowerCase();
    if (!HASH.test(hash)) throw new Error('policy hash must be 64 hex digits (SHA-256)');
    if (!input.source) throw new Error('policy source is required');
    if (!input.loadedBy) throw new Error('loadedBy is required');
    const sealedText = seal(this.#ring.master, aad(hash), Buffer.from(input.text, 'utf8'));
    return this.#db.transaction(async (tx) => {
      const inserted = await tx
        .insert(policyVersions)
        .values({ hash, source: input.source, sealedText, loadedAt: new Date(this.#now()), loadedBy: input.loadedBy })
        .onConflictDoNothing({ target: policyVersions.hash })
        .returning({ hash: policyVersions.hash });
      const isNew = inserted.length === 1;
      await appendAudit(tx, this.#ring.auditKey, [
        { event: 'policy_loaded', outcome: isNew ? 'new' : 'known', detail: { hash, source: input.source, loadedBy: input.loadedBy, isNew } },
      ]);
      return { isNew };
    });
  }

  /** Newest first; without the text. */
  async list(): Promise<PolicyVersion[]> {
    return this.#db
      .select({ hash: policyVersions.hash, source: policyVersions.source, loadedAt: policyVersions.loadedAt, loadedBy: policyVersions.loadedBy })
      .from(policyVersions)
      .orderBy(desc(policyVersions.loadedAt), desc(policyVersions.hash));
  }

  /** The version with its text unsealed; throws when the text does not decrypt (wrong master key, edited row). */
  async get(hash: string): Promise<PolicyVersionWithText | undefined> {
    const h = hash.toLowerCase();
    const [row] = await this.#db.select().from(policyVersions).where(eq(policyVersions.hash, h));
    if (!row) return undefined;
    let text: string;
    try {
      text = open(this.#ring.master, aad(h), row.sealedText).toString('utf8');
    } catch {
      throw new Error(`policy version ${h}: the stored text does not decrypt with this master key`);
    }
    return { hash: row.hash, source: row.source, loadedAt: row.loadedAt, loadedBy: row.loadedBy, text };
  }
}
