import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql, type Db } from '../../db/client.ts';
import { generateDkimKey } from '../../gateway/secure/dkim/keys.ts';
import { DkimKeyring, type StoredDkimKey } from '../../gateway/secure/dkim/keyring.ts';
import { open } from '../../gateway/spool/crypto.ts';
import { DbDkimKeyStore, DkimKeyUnreadableError } from '../../gateway/stores/dkim-key-store.ts';
import { backends, openTestDb, testRing, type TestDb } from './backends.ts';

const CREATED = Date.parse('2026-02-03T04:05:06.789Z');
const ring = testRing(7);

describe.each(backends)('DbDkimKeyStore on %s', (backend) => {
  let t: TestDb;
  let db: Db;
  let store: DbDkimKeyStore;
  let key: StoredDkimKey;

  beforeAll(async () => {
    t = await openTestDb(backend);
    db = t.database.db;
    store = new DbDkimKeyStore(db, ring);
    const k = await generateDkimKey('ed25519');
    key = { selector: 'phigate2026', algorithm: 'ed25519', privateKeyPem: k.privateKeyPem, createdAt: CREATED };
  });
  afterAll(async () => t?.close());

  it('round-trips a key and keeps the private key sealed with the master key', async () => {
    expect(await store.get('clinic.example')).toBeUndefined();
    await store.put('Clinic.Example.', key);
    expect(await store.get('clinic.example')).toEqual(key);
    const [row] = await queryRows<{ domain: string; selector: string; algorithm: string; private_key: Uint8Array; created_at: Date | string }>(
      db,
      sql`select domain, selector, algorithm, private_key, created_at from dkim_keys where domain = 'clinic.example'`,
    );
    expect([row!.domain, row!.selector, row!.algorithm, new Date(row!.created_at).getTime()]).toEqual(['clinic.example', 'phigate2026', 'ed25519', CREATED]);
    const raw = Buffer.from(row!.private_key);
    expect(raw.toString('latin1')).not.toContain('PRIVATE KEY');
    expect(raw.includes(Buffer.from(key.privateKeyPem.split('\n')[1]!))).toBe(false);
    expect(open(ring.master, 'dkim:clinic.example', raw).toString('utf8')).toBe(key.privateKeyPem);
  });

  it('replaces a key on put', async () => {
    const k2 = await generateDkimKey('ed25519');
    const next = { ...key, selector: 's2', privateKeyPem: k2.privateKeyPem, createdAt: CREATED + 1 };
    await store.put('replace.example', key);
    await store.put('replace.example', next);
    expect(await store.get('replace.example')).toEqual(next);
  });

  it('throws rather than answering "no key" when the key cannot be opened', async () => {
    await store.put('wrongkey.example', key);
    const other = new DbDkimKeyStore(db, testRing(9));
    await expect(other.get('wrongkey.example')).rejects.toThrow(DkimKeyUnreadableError);
    await expect(other.get('wrongkey.example')).rejects.toThrow('the stored DKIM key for wrongkey.example cannot be used: it does not decrypt with this master key');
    // A sealed key copied to another domain's row does not open there (AAD binds the domain).
    await db.execute(sql`insert into dkim_keys (domain, selector, algorithm, private_key, created_at)
      select 'moved.example', selector, algorithm, private_key, created_at from dkim_keys where domain = 'wrongkey.example'`);
    await expect(store.get('moved.example')).rejects.toThrow(DkimKeyUnreadableError);
  });

  it('refuses an invalid key', async () => {
    await expect(store.put('invalid.example', { ...key, privateKeyPem: 'not a pem' })).rejects.toThrow();
    expect(await queryRows(db, sql`select 1 from dkim_keys where domain = 'invalid.example'`)).toEqual([]);
  });

  it('backs DkimKeyring: the key created on first use is the one a later keyring signs with', async () => {
    const first = new DkimKeyring(store, { algorithm: 'ed25519', selector: 'sel1', now: () => CREATED });
    const created = await first.ensureKey('signer.example');
    expect([created.selector, created.algorithm, created.createdAt]).toEqual(['sel1', 'ed25519', CREATED]);
    const second = new DkimKeyring(new DbDkimKeyStore(db, ring), { algorithm: 'ed25519' });
    expect(await second.ensureKey('SIGNER.example')).toEqual(created);
    expect(await second.dnsRecord('signer.example')).toEqual(await first.dnsRecord('signer.example'));
    expect((await second.dnsRecord('signer.example')).name).toBe('sel1._domainkey.signer.example');
    const signed = (await second.sign(Buffer.from('From: a@signer.example\r\nTo: b@x.example\r\nSubject: t\r\n\r\nhi\r\n'), 'signer.example')).toString();
    expect(signed).toMatch(/^DKIM-Signature: .*a=ed25519-sha256/);
    expect(signed).toContain('s=sel1');
    expect(signed).toContain('d=signer.example');
  });
});
