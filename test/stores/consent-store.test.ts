import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql, type Db } from '../../db/client.ts';
import { verifyChain } from '../../gateway/audit/verify.ts';
import { ConsentAlreadyRevokedError, ConsentInputError, ConsentNotFoundError, ConsentStore } from '../../gateway/stores/consent-store.ts';
import { backends, openTestDb, testRing, type TestDb } from './backends.ts';

const T0 = Date.parse('2026-05-06T07:08:09.000Z');
const ring = testRing(3);

type AuditRow = { event: string; recipient: string | null; outcome: string | null; message_id: string | null; detail: Record<string, unknown> };
const auditRows = (db: Db) => queryRows<AuditRow>(db, sql`select event, recipient, outcome, message_id, detail from audit_events order by seq`);

describe.each(backends)('ConsentStore on %s', (backend) => {
  let t: TestDb;
  let db: Db;
  let now = T0;
  let store: ConsentStore;

  beforeAll(async () => {
    t = await openTestDb(backend);
    db = t.database.db;
    store = new ConsentStore(db, ring.auditKey, () => now);
  });
  afterAll(async () => t?.close());

  it('records, lists, revokes, and audits each change in order', async () => {
    const c1 = await store.record({ recipient: '  Pat.Doe@Example.ORG ', scope: 'unencrypted', recordedBy: 'frontdesk@clinic.example', evidenceRef: 'form-2026-0042' });
    expect(c1).toEqual({
      id: 1,
      recipient: 'pat.doe@example.org',
      scope: 'unencrypted',
      recordedBy: 'frontdesk@clinic.example',
      recordedAt: new Date(T0),
      evidenceRef: 'form-2026-0042',
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
    });
    now = T0 + 1000;
    const c2 = await store.record({ recipient: 'sam@example.org', scope: 'unencrypted', recordedBy: 'dr.lee', evidenceRef: 'ticket 7' });
    expect(c2.id).toBe(2);

    expect(await store.hasConsent('PAT.DOE@example.org', 'unencrypted')).toBe(true);
    expect(await store.hasConsent('nobody@example.org', 'unencrypted')).toBe(false);
    expect(await store.list()).toEqual([c1, c2]);
    expect(await store.list({ recipient: 'Sam@Example.org' })).toEqual([c2]);

    now = T0 + 60_000;
    const revoked = await store.revoke(1, { revokedBy: 'dr.lee', reason: 'patient asked to stop' });
    expect(revoked).toEqual({ ...c1, revokedAt: new Date(T0 + 60_000), revokedBy: 'dr.lee', revokeReason: 'patient asked to stop' });
    expect(await store.hasConsent('pat.doe@example.org', 'unencrypted')).toBe(false);
    expect(await store.list()).toEqual([c2]);
    expect(await store.list({ includeRevoked: true })).toEqual([revoked, c2]);
    expect(await store.list({ recipient: 'pat.doe@example.org' })).toEqual([]);
    expect(await store.get(1)).toEqual(revoked);

    // A new consent after a revocation is active again; the revoked one stays on record.
    now = T0 + 120_000;
    const c3 = await store.record({ recipient: 'pat.doe@example.org', scope: 'unencrypted', recordedBy: 'frontdesk@clinic.example', evidenceRef: 'form-2026-0050' });
    expect(await store.hasConsent('pat.doe@example.org', 'unencrypted')).toBe(true);
    expect(await store.list({ recipient: 'pat.doe@example.org', includeRevoked: true })).toEqual([revoked, c3]);

    expect(await auditRows(db)).toEqual([
      { event: 'consent_recorded', recipient: 'pat.doe@example.org', outcome: 'recorded', message_id: null, detail: { id: 1, scope: 'unencrypted', recordedBy: 'frontdesk@clinic.example', evidenceRef: 'form-2026-0042' } },
      { event: 'consent_recorded', recipient: 'sam@example.org', outcome: 'recorded', message_id: null, detail: { id: 2, scope: 'unencrypted', recordedBy: 'dr.lee', evidenceRef: 'ticket 7' } },
      { event: 'consent_revoked', recipient: 'pat.doe@example.org', outcome: 'revoked', message_id: null, detail: { id: 1, scope: 'unencrypted', revokedBy: 'dr.lee' } },
      { event: 'consent_recorded', recipient: 'pat.doe@example.org', outcome: 'recorded', message_id: null, detail: { id: 3, scope: 'unencrypted', recordedBy: 'frontdesk@clinic.example', evidenceRef: 'form-2026-0050' } },
    ]);
    expect(await verifyChain(db, ring.auditKey)).toEqual({ ok: true, count: 4 });
  });

  it('refuses unknown ids and double revocation without writing an audit event', async () => {
    const before = (await auditRows(db)).length;
    await expect(store.revoke(999, { revokedBy: 'x', reason: 'y' })).rejects.toThrow(ConsentNotFoundError);
    await expect(store.revoke(999, { revokedBy: 'x', reason: 'y' })).rejects.toThrow('consent 999 does not exist');
    await expect(store.revoke(1, { revokedBy: 'x', reason: 'again' })).rejects.toThrow(ConsentAlreadyRevokedError);
    expect((await store.get(1))?.revokeReason).toBe('patient asked to stop');
    expect((await auditRows(db)).length).toBe(before);
  });

  it('validates input before writing anything', async () => {
    const before = (await store.list({ includeRevoked: true })).length;
    const bad = async (input: Parameters<ConsentStore['record']>[0], field: string) => {
      const err = await store.record(input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConsentInputError);
      expect((err as ConsentInputError).field).toBe(field);
    };
    await bad({ recipient: 'not-an-address', scope: 'unencrypted', recordedBy: 'a', evidenceRef: 'b' }, 'recipient');
    await bad({ recipient: 'a@b.example', scope: 'everything' as 'unencrypted', recordedBy: 'a', evidenceRef: 'b' }, 'scope');
    await bad({ recipient: 'a@b.example', scope: 'unencrypted', recordedBy: '  ', evidenceRef: 'b' }, 'recordedBy');
    await bad({ recipient: 'a@b.example', scope: 'unencrypted', recordedBy: 'a', evidenceRef: '' }, 'evidenceRef');
    expect((await store.list({ includeRevoked: true })).length).toBe(before);
  });

  it('records nothing when the audit event cannot be written (one transaction)', async () => {
    const before = await store.list({ includeRevoked: true });
    const events = (await auditRows(db)).length;
    await db.execute(sql`alter table audit_events rename to audit_events_away`);
    try {
      await expect(store.record({ recipient: 'atomic@example.org', scope: 'unencrypted', recordedBy: 'a', evidenceRef: 'b' })).rejects.toThrow();
      await expect(store.revoke(2, { revokedBy: 'a', reason: 'b' })).rejects.toThrow();
    } finally {
      await db.execute(sql`alter table audit_events_away rename to audit_events`);
    }
    expect(await store.list({ includeRevoked: true })).toEqual(before);
    expect(await store.hasConsent('atomic@example.org', 'unencrypted')).toBe(false);
    expect(await store.hasConsent('sam@example.org', 'unencrypted')).toBe(true);
    expect((await auditRows(db)).length).toBe(events);
  });
});
