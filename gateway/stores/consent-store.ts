// The patient-consent registry. HHS allows a covered entity to e-mail a patient without
// encryption when the patient asked for it after being warned of the risk; this records who
// asked (the address), who recorded it, and where the evidence is kept (a reference such as a
// ticket or scanned-form id — never the evidence itself). Consents are never deleted: a
// revocation is recorded on the row, so the history stays reviewable.
//
// Every record/revoke appends an audit event in the same transaction. The events carry the
// address (in the recipient column, like delivery events) and identifiers only: the free-text
// revoke reason stays in the consents table and is not copied into the audit trail.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { consents } from '../../db/schema.ts';
import { appendAudit } from '../audit/append.ts';

export const CONSENT_SCOPES = ['unencrypted'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export interface Consent {
  id: number;
  /** Lower-cased e-mail address. */
  recipient: string;
  scope: ConsentScope;
  recordedBy: string;
  recordedAt: Date;
  evidenceRef: string;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

export interface RecordConsent {
  recipient: string;
  scope: ConsentScope;
  recordedBy: string;
  evidenceRef: string;
}

export interface RevokeConsent {
  revokedBy: string;
  reason: string;
}

export class ConsentInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'ConsentInputError';
    this.field = field;
  }
}

export class ConsentNotFoundError extends Error {
  readonly id: number;
  constructor(id: number) {
    super(`consent ${id} does not exist`);
    this.name = 'ConsentNotFoundError';
    this.id = id;
  }
}

export class ConsentAlreadyRevokedError extends Error {
  readonly consent: Consent;
  constructor(consent: Consent) {
    super(`consent ${consent.id} was already revoked`);
    this.name = 'ConsentAlreadyRevokedError';
    this.consent = consent;
  }
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** The form a recipient is stored and looked up in: trimmed, lower-case. */
export function consentAddress(address: string): string {
  return address.trim().toLowerCase();
}

function required(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ConsentInputError(field, 'is required');
  return value.trim();
}

function checkScope(scope: unknown): ConsentScope {
  if (!CONSENT_SCOPES.includes(scope as ConsentScope)) throw new ConsentInputError('scope', `must be one of: ${CONSENT_SCOPES.join(', ')}`);
  return scope as ConsentScope;
}

const toConsent = (row: typeof consents.$inferSelect): Consent => ({ ...row, scope: row.scope as ConsentScope });

export class ConsentStore {
  readonly #db: Db;
  readonly #auditKey: Buffer;
  readonly #now: () => number;

  constructor(db: Db, auditKey: Buffer, now: () => number = Date.now) {
    this.#db = db;
    this.#auditKey = auditKey;
    this.#now = now;
  }

  async record(input: RecordConsent): Promise<Consent> {
    const recipient = consentAddress(required('recipient', input.recipient));
    if (!ADDRESS.test(recipient)) throw new ConsentInputError('recipient', 'is not an e-mail address');
    const scope = checkScope(input.scope);
    const recordedBy = required('recordedBy', input.recordedBy);
    const evidenceRef = required('evidenceRef', input.evidenceRef);
    return this.#db.transaction(async (tx) => {
      const [row] = await tx.insert(consents).values({ recipient, scope, recordedBy, evidenceRef, recordedAt: new Date(this.#now()) }).returning();
      const consent = toConsent(row!);
      await appendAudit(tx, this.#auditKey, [
        { event: 'consent_recorded', recipient, outcome: 'recorded', detail: { id: consent.id, scope, recordedBy, evidenceRef } },
      ]);
      return consent;
    });
  }

  /** Marks the consent revoked. Throws ConsentNotFoundError or ConsentAlreadyRevokedError. */
  async revoke(id: number, input: RevokeConsent): Promise<Consent> {
    const revokedBy = required('revokedBy', input.revokedBy);
    const reason = required('reason', input.reason);
    if (!Number.isSafeInteger(id) || id < 1) throw new ConsentNotFoundError(id);
    return this.#db.transaction(async (tx) => {
      const [row] = await tx
        .update(consents)
        .set({ revokedAt: new Date(this.#now()), revokedBy, revokeReason: reason })
        .where(and(eq(consents.id, id), isNull(consents.revokedAt)))
        .returning();
      if (!row) {
        const [existing] = await tx.select().from(consents).where(eq(consents.id, id));
        if (!existing) throw new ConsentNotFoundError(id);
        throw new ConsentAlreadyRevokedError(toConsent(existing));
      }
      const consent = toConsent(row);
      await appendAudit(tx, this.#auditKey, [
        { event: 'consent_revoked', recipient: consent.recipient, outcome: 'revoked', detail: { id, scope: consent.scope, revokedBy } },
      ]);
      return consent;
    });
  }

  async get(id: number): Promise<Consent | undefined> {
    if (!Number.isSafeInteger(id) || id < 1) return undefined;
    const [row] = await this.#db.select().from(consents).where(eq(consents.id, id));
    return row ? toConsent(row) : undefined;
  }

  /** Oldest first. Without `includeRevoked` only active consents are listed. */
  async list(filter: { recipient?: string; includeRevoked?: boolean } = {}): Promise<Consent[]> {
    const conditions = [];
    if (filter.recipient !== undefined) conditions.push(eq(consents.recipient, consentAddress(filter.recipient)));
    if (!filter.includeRevoked) conditions.push(isNull(consents.revokedAt));
    const rows = await this.#db
      .select()
      .from(consents)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(consents.id));
    return rows.map(toConsent);
  }

  /** Is there an active (recorded, not revoked) consent for this address and scope? */
  async hasConsent(recipient: string, scope: ConsentScope): Promise<boolean> {
    const [row] = await this.#db
      .select({ one: sql<number>`1` })
      .from(consents)
      .where(and(eq(consents.recipient, consentAddress(recipient)), eq(consents.scope, scope), isNull(consents.revokedAt)))
      .limit(1);
    return row !== undefined;
  }
}
