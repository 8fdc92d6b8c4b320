// Admin API for the policy file; mounted behind the admin bearer token.
//   GET  /        → 200 { current: { hash, source }, versions: [{ hash, source, loadedAt, loadedBy, current }] }
//   POST /reload  → 200 { ok: true, hash, changed } | 422 { ok: false, errors, hash }
// A rejected file leaves the last good policy in force: `hash` in the 422 is that policy's.
// Recording the load (PolicyVersionStore.recordLoad and its audit event) is the `reload`
// callback's job, so a reload by signal or by this API is recorded the same way.
import { Hono } from 'hono';
import type { PolicyVersionStore } from '../stores/policy-version-store.ts';

export type ReloadOutcome = { ok: true; hash: string; changed: boolean } | { ok: false; errors: string[]; hash: string };

export interface PolicyApiDeps {
  reload: () => Promise<ReloadOutcome>;
  current: () => { hash: string; source: string };
  versions: PolicyVersionStore;
}

export function policyApi(deps: PolicyApiDeps): Hono {
  const app = new Hono();
  // One reload at a time: a second request waits for the first, then reloads itself.
  let queue: Promise<unknown> = Promise.resolve();

  app.get('/', async (c) => {
    const current = deps.current();
    const versions = await deps.versions.list();
    return c.json({
      current: { hash: current.hash, source: current.source },
      versions: versions.map((v) => ({ ...v, current: v.hash === current.hash })),
    });
  });

  app.post('/reload', async (c) => {
    const run = queue.then(() => deps.reload());
    queue = run.catch(() => undefined);
    const outcome = await run;
    if (outcome.ok) return c.json({ ok: true, hash: outcome.hash, changed: outcome.changed });
    return c.json({ ok: false, errors: outcome.errors, hash: outcome.hash }, 422);
  });

  return app;
}
