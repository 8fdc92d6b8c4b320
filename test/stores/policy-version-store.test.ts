import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql, type Db } from '../../db/client.ts';
import { verifyChain } from '../../gateway/audit/verify.ts';
import { parsePolicyText } from '../../gateway/policy/load.ts';
import { open } from '../../gateway/spool/crypto.ts';
import { PolicyVersionStore } from '../../gateway/stores/policy-version-store.ts';
import { backends, openTestDb, testRing, type TestDb } from './backends.ts';

const T0 = Date.parse('2026-06-01T12:00:00.000Z');
const ring = testRing(5);
const SECRET = 's3cret-tenant-header-value-0123456789';
const TEXT_A = `# clinic policy\ndefaults:\n  method: tls-opportunistic\ntenants:\n  - id: clinic\n    header: { name: X-Phigate-Tenant, secret: ${SECRET} }\n    senderDomains: [clinic.example]\n`;
const TEXT_B = 'defaults:\n  method: tls-required\n';

describe.each(backends)('PolicyVersionStore on %s', (backend) => {
  let t: TestDb;
  let db: Db;
  let now = T0;
  let store: PolicyVersionStore;
  let hashA: string;
  let hashB: string;

  beforeAll(async () => {
    t = await openTestDb(backend);
    db = t.database.db;
    store = new PolicyVersionStore(db, ring, () => now);
    hashA = parsePolicyText(TEXT_A, 'policy.yaml').hash;
    hashB = parsePolicyText(TEXT_B, 'policy.yaml').hash;
  });
  afterAll(async () => t?.close());

  it('stores a version once, audits every load, and keeps the text sealed', async () => {
    expect(await store.recordLoad({ hash: hashA, source: '/etc/phigate/policy.yaml', text: TEXT_A, loadedBy: 'startup' })).toEqual({ isNew: true });
    now = T0 + 1000;
    // Same policy again (a reload of an unchanged file, even with different comments): not new.
    expect(await store.recordLoad({ hash: hashA, source: '/etc/phigate/policy.yaml', text: `# edited comment\n${TEXT_A}`, loadedBy: 'SIGHUP' })).toEqual({ isNew: false });
    now = T0 + 2000;
    expect(await store.recordLoad({ hash: hashB, source: '/etc/phigate/policy.yaml', text: TEXT_B, loadedBy: 'admin-api' })).toEqual({ isNew: true });

    expect(await store.list()).toEqual([
      { hash: hashB, source: '/etc/phigate/policy.yaml', loadedAt: new Date(T0 + 2000), loadedBy: 'admin-api' },
      { hash: hashA, source: '/etc/phigate/policy.yaml', loadedAt: new Date(T0), loadedBy: 'startup' },
    ]);
    expect(await store.get(hashA)).toEqual({ hash: hashA, source: '/etc/phigate/policy.yaml', loadedAt: new Date(T0), loadedBy: 'startup', text: TEXT_A });
    expect(await store.get(hashB.toUpperCase())).toEqual({ hash: hashB, source: '/etc/phigate/policy.yaml', loadedAt: new Date(T0 + 2000), loadedBy: 'admin-api', text: TEXT_B });
    expect(await store.get('0'.repeat(64))).toBeUndefined();

    const [row] = await queryRows<{ sealed_text: Uint8Array }>(db, sql`select sealed_text from policy_versions where hash = ${hashA}`);
    const sealed = Buffer.from(row!.sealed_text);
    expect(sealed.includes(Buffer.from(SECRET))).toBe(false);
    expect(sealed.includes(Buffer.from('tenants'))).toBe(false);
    expect(open(ring.master, `policy:${hashA}`, sealed).toString()).toBe(TEXT_A);

    const events = await queryRows<{ event: string; outcome: string; detail: Record<string, unknown> }>(db, sql`select event, outcome, detail from audit_events order by seq`);
    expect(events).toEqual([
      { event: 'policy_loaded', outcome: 'new', detail: { hash: hashA, source: '/etc/phigate/policy.yaml', loadedBy: 'startup', isNew: true } },
      { event: 'policy_loaded', outcome: 'known', detail: { hash: hashA, source: '/etc/phigate/policy.yaml', loadedBy: 'SIGHUP', isNew: false } },
      { event: 'policy_loaded', outcome: 'new', detail: { hash: hashB, source: '/etc/phigate/policy.yaml', loadedBy: 'admin-api', isNew: true } },
    ]);
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(await verifyChain(db, ring.auditKey)).toEqual({ ok: true, count: 3 });
  });

  it('rejects a malformed hash and does not open under another master key', async () => {
    await expect(store.recordLoad({ hash: 'abc', source: 'x', text: 'y', loadedBy: 'z' })).rejects.toThrow('policy hash must be 64 hex digits (SHA-256)');
    const other = new PolicyVersionStore(db, testRing(6));
    await expect(other.get(hashA)).rejects.toThrow(`policy version ${hashA}: the stored text does not decrypt with this master key`);
    expect(await verifyChain(db, ring.auditKey)).toEqual({ ok: true, count: 3 });
  });

  it('concurrent loads of one new version: exactly one is new', async () => {
    const hash = crypto.createHash('sha256').update('concurrent').digest('hex');
    const results = await Promise.all([1, 2, 3, 4].map((i) => store.recordLoad({ hash, source: 'p.yaml', text: 'defaults: {}\n', loadedBy: `replica-${i}` })));
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect(await verifyChain(db, ring.auditKey)).toEqual({ ok: true, count: 7 });
  });
});
