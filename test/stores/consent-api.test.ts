// The consent admin sub-app over a real PGlite database, mounted where the gateway mounts it.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentApi } from '../../gateway/admin/consent-api.ts';
import { verifyChain } from '../../gateway/audit/verify.ts';
import { ConsentStore } from '../../gateway/stores/consent-store.ts';
import { openTestDb, testRing, type TestDb } from './backends.ts';

const T0 = Date.parse('2026-05-06T07:08:09.000Z');
const ring = testRing(4);
const BASE = '/api/admin/consents';

describe('consent admin API', () => {
  let t: TestDb;
  let app: Hono;
  let now = T0;

  const post = (path: string, body: unknown) =>
    app.request(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const get = (query = '') => app.request(`${BASE}${query}`);

  beforeAll(async () => {
    t = await openTestDb('pglite');
    app = new Hono();
    app.route(BASE, consentApi(new ConsentStore(t.database.db, ring.auditKey, () => now)));
  });
  afterAll(async () => t?.close());

  it('records a consent (201) and lists it', async () => {
    const res = await post('', { recipient: 'Pat.Doe@Example.org', scope: 'unencrypted', recordedBy: 'frontdesk', evidenceRef: 'form-42' });
    expect(res.status).toBe(201);
    const consent = {
      id: 1,
      recipient: 'pat.doe@example.org',
      scope: 'unencrypted',
      recordedBy: 'frontdesk',
      recordedAt: '2026-05-06T07:08:09.000Z',
      evidenceRef: 'form-42',
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
    };
    expect(await res.json()).toEqual({ consent });
    now += 1000;
    expect((await post('', { recipient: 'sam@example.org', scope: 'unencrypted', recordedBy: '  dr.lee ', evidenceRef: 'call 2026-05-06' })).status).toBe(201);
    const list = await get();
    expect(list.status).toBe(200);
    expect(((await list.json()) as { consents: { id: number; recordedBy: string }[] }).consents.map((c) => [c.id, c.recordedBy])).toEqual([
      [1, 'frontdesk'],
      [2, 'dr.lee'],
    ]);
    expect(await (await get('?recipient=PAT.DOE@example.org')).json()).toEqual({ consents: [consent] });
  });

  it('answers 400 naming each bad field', async () => {
    const cases: [unknown, unknown][] = [
      [
        {},
        {
          error: 'recipient: is required; scope: is required; recordedBy: is required; evidenceRef: is required',
          issues: [
            { field: 'recipient', message: 'is required' },
            { field: 'scope', message: 'is required' },
            { field: 'recordedBy', message: 'is required' },
            { field: 'evidenceRef', message: 'is required' },
          ],
        },
      ],
      [
        { recipient: 'not an address', scope: 'everything', recordedBy: ' ', evidenceRef: 7, extra: true },
        {
          error: 'recipient: must be an e-mail address; scope: must be "unencrypted"; recordedBy: must not be empty; evidenceRef: must be a string; extra: is not a known field',
          issues: [
            { field: 'recipient', message: 'must be an e-mail address' },
            { field: 'scope', message: 'must be "unencrypted"' },
            { field: 'recordedBy', message: 'must not be empty' },
            { field: 'evidenceRef', message: 'must be a string' },
            { field: 'extra', message: 'is not a known field' },
          ],
        },
      ],
      ['[1,2]', { error: '(body): must be a JSON object', issues: [{ field: '(body)', message: 'must be a JSON object' }] }],
      ['{"recipient": ', { error: '(body): must be a JSON object', issues: [{ field: '(body)', message: 'must be a JSON object' }] }],
    ];
    for (const [body, expected] of cases) {
      const res = await post('', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(expected);
    }
    const q = await get('?includeRevoked=yes&limit=3');
    expect(q.status).toBe(400);
    expect(await q.json()).toEqual({
      error: 'includeRevoked: must be true or false; limit: is not a known field',
      issues: [
        { field: 'includeRevoked', message: 'must be true or false' },
        { field: 'limit', message: 'is not a known field' },
      ],
    });
    expect(((await (await get('?includeRevoked=true')).json()) as { consents: unknown[] }).consents).toHaveLength(2);
  });

  it('revokes (200), then 409 on a second revoke, 404 for an unknown id, 400 for a bad id or body', async () => {
    now = T0 + 60_000;
    const res = await post('/1/revoke', { revokedBy: 'dr.lee', reason: 'patient withdrew' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ consent: { id: 1, revokedAt: '2026-05-06T07:09:09.000Z', revokedBy: 'dr.lee', revokeReason: 'patient withdrew' } });

    const again = await post('/1/revoke', { revokedBy: 'x', reason: 'y' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('consent 1 was already revoked');

    const missing = await post('/99/revoke', { revokedBy: 'x', reason: 'y' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'consent 99 does not exist' });

    const badId = await post('/abc/revoke', { revokedBy: 'x', reason: 'y' });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toEqual({ error: 'id: must be a positive integer', issues: [{ field: 'id', message: 'must be a positive integer' }] });

    const badBody = await post('/2/revoke', { revokedBy: 'x' });
    expect(badBody.status).toBe(400);
    expect(await badBody.json()).toEqual({ error: 'reason: is required', issues: [{ field: 'reason', message: 'is required' }] });

    const active = (await (await get()).json()) as { consents: { id: number }[] };
    expect(active.consents.map((c) => c.id)).toEqual([2]);
    const all = (await (await get('?includeRevoked=1&recipient=pat.doe@example.org')).json()) as { consents: { id: number; revokedBy: string }[] };
    expect(all.consents.map((c) => [c.id, c.revokedBy])).toEqual([[1, 'dr.lee']]);
    // Two records and one revoke: three audit events, chain intact; failed requests wrote none.
    expect(await verifyChain(t.database.db, ring.auditKey)).toEqual({ ok: true, count: 3 });
  });
});
