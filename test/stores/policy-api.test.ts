// The policy admin sub-app over a real PGlite database and a real PolicyHolder reading a
// policy file, wired the way the gateway wires it: the reload callback records each good load.
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../db/client.ts';
import { policyApi, type ReloadOutcome } from '../../gateway/admin/policy-api.ts';
import { PolicyHolder, parsePolicyText } from '../../gateway/policy/load.ts';
import { PolicyVersionStore } from '../../gateway/stores/policy-version-store.ts';
import { tempDir } from '../support/gateway-process.ts';
import { openTestDb, testRing, type TestDb } from './backends.ts';

const T0 = Date.parse('2026-06-01T12:00:00.000Z');
const ring = testRing(8);
const GOOD_A = 'defaults:\n  method: tls-opportunistic\n';
const GOOD_B = 'defaults:\n  method: tls-required\n';
const BAD = 'defaults:\n  method: carrier-pigeon\n  minTls: "1.2"\n';

describe('policy admin API', () => {
  let t: TestDb;
  let app: Hono;
  let file: string;
  let holder: PolicyHolder;
  let versions: PolicyVersionStore;
  let now = T0;
  let reloads = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const hashA = parsePolicyText(GOOD_A, 'policy.yaml').hash;
  const hashB = parsePolicyText(GOOD_B, 'policy.yaml').hash;

  beforeAll(async () => {
    t = await openTestDb('pglite');
    file = path.join(tempDir('policy-api'), 'policy.yaml');
    fs.writeFileSync(file, GOOD_A);
    holder = PolicyHolder.open(file);
    versions = new PolicyVersionStore(t.database.db, ring, () => now);
    await versions.recordLoad({ hash: holder.version, source: file, text: GOOD_A, loadedBy: 'startup' });
    const reload = async (): Promise<ReloadOutcome> => {
      reloads++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((r) => setTimeout(r, 10));
        return await reloadFile();
      } finally {
        inFlight--;
      }
    };
    const reloadFile = async (): Promise<ReloadOutcome> => {
      const text = fs.readFileSync(file, 'utf8');
      const r = holder.reload();
      if (!r.ok) return { ok: false, errors: r.error.message.split('\n'), hash: r.hash };
      await versions.recordLoad({ hash: r.hash, source: file, text, loadedBy: 'admin-api' });
      return { ok: true, hash: r.hash, changed: r.changed };
    };
    app = new Hono();
    app.route('/api/admin/policy', policyApi({ reload, current: () => ({ hash: holder.version, source: holder.current.source }), versions }));
  });
  afterAll(async () => t?.close());

  const reloadReq = () => app.request('/api/admin/policy/reload', { method: 'POST' });

  it('GET / shows the policy in force and the versions', async () => {
    const res = await app.request('/api/admin/policy');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      current: { hash: hashA, source: file },
      versions: [{ hash: hashA, source: file, loadedAt: '2026-06-01T12:00:00.000Z', loadedBy: 'startup', current: true }],
    });
  });

  it('POST /reload applies a good file and reports whether it changed', async () => {
    now = T0 + 1000;
    const same = await reloadReq();
    expect(same.status).toBe(200);
    expect(await same.json()).toEqual({ ok: true, hash: hashA, changed: false });

    fs.writeFileSync(file, GOOD_B);
    now = T0 + 2000;
    const changed = await reloadReq();
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ ok: true, hash: hashB, changed: true });
    expect(holder.version).toBe(hashB);

    expect(await (await app.request('/api/admin/policy')).json()).toEqual({
      current: { hash: hashB, source: file },
      versions: [
        { hash: hashB, source: file, loadedAt: '2026-06-01T12:00:02.000Z', loadedBy: 'admin-api', current: true },
        { hash: hashA, source: file, loadedAt: '2026-06-01T12:00:00.000Z', loadedBy: 'startup', current: false },
      ],
    });
  });

  it('POST /reload answers 422 with the error lines for a bad file, and the last good policy stays', async () => {
    fs.writeFileSync(file, BAD);
    const res = await reloadReq();
    expect(res.status).toBe(422);
    // Exactly the loader's own problem lines for this text.
    const loaderLines = (() => {
      try {
        parsePolicyText(BAD, file);
      } catch (err) {
        return (err as Error).message.split('\n');
      }
      throw new Error('BAD policy text was accepted');
    })();
    expect(await res.json()).toEqual({ ok: false, errors: loaderLines, hash: hashB });
    expect(loaderLines).toHaveLength(1);
    expect(loaderLines[0]!.startsWith(`${file}: defaults.method: `)).toBe(true);
    expect(loaderLines[0]!.endsWith('got "carrier-pigeon" (line 2, column 11)')).toBe(true);
    expect(holder.version).toBe(hashB);
    const current = (await (await app.request('/api/admin/policy')).json()) as { current: unknown; versions: unknown[] };
    expect(current.current).toEqual({ hash: hashB, source: file });
    expect(current.versions).toHaveLength(2);
    // The two good reloads and the startup load are on the audit trail; the bad file is not a version.
    const events = await queryRows<{ detail: { hash: string; loadedBy: string; isNew: boolean } }>(t.database.db, sql`select detail from audit_events where event = 'policy_loaded' order by seq`);
    expect(events.map((e) => [e.detail.hash, e.detail.loadedBy, e.detail.isNew])).toEqual([
      [hashA, 'startup', true],
      [hashA, 'admin-api', false],
      [hashB, 'admin-api', true],
    ]);
  });

  it('runs concurrent reloads one after the other', async () => {
    fs.writeFileSync(file, GOOD_A);
    const before = reloads;
    const results = await Promise.all([reloadReq(), reloadReq(), reloadReq()]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const bodies = (await Promise.all(results.map((r) => r.json()))) as ReloadOutcome[];
    expect(bodies).toEqual([
      { ok: true, hash: hashA, changed: true },
      { ok: true, hash: hashA, changed: false },
      { ok: true, hash: hashA, changed: false },
    ]);
    expect(reloads - before).toBe(3);
    expect(maxInFlight).toBe(1);
  });
});
