// Admin API for the patient-consent registry; mounted under /api/admin/consents behind the
// admin bearer token (gateway/admin/http.ts).
//   GET  /                 ?recipient=&includeRevoked=true|false   → 200 { consents }
//   POST /                 { recipient, scope: 'unencrypted', recordedBy, evidenceRef } → 201 { consent }
//   POST /:id/revoke       { revokedBy, reason }                    → 200 { consent }, 404, 409
// Bad input → 400 { error: 'field: message; …', issues: [{ field, message }] }.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ConsentAlreadyRevokedError, ConsentInputError, ConsentNotFoundError, type ConsentStore } from '../stores/consent-store.ts';

export interface FieldIssue {
  field: string;
  message: string;
}

type IssueInput = { input?: unknown };
const requiredOr = (message: string) => (issue: IssueInput) => (issue.input === undefined ? 'is required' : message);

const text = (max: number) =>
  z
    .string({ error: requiredOr('must be a string') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const recordBody = z.strictObject({
  recipient: z.email({ pattern: z.regexes.unicodeEmail, error: requiredOr('must be an e-mail address') }).max(320, 'must be at most 320 characters'),
  scope: z.literal('unencrypted', { error: requiredOr('must be "unencrypted"') }),
  recordedBy: text(200),
  evidenceRef: text(500),
});

const revokeBody = z.strictObject({
  revokedBy: text(200),
  reason: text(1000),
});

const listQuery = z.strictObject({
  recipient: z.string().trim().min(1, 'must not be empty').optional(),
  includeRevoked: z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).optional(),
});

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a known field' }));
    if (issue.path.length === 0) return [{ field: '(body)', message: issue.code === 'invalid_type' ? 'must be a JSON object' : issue.message }];
    return [{ field: issue.path.join('.'), message: issue.message }];
  });
}

function badRequest(c: Context, issues: FieldIssue[]) {
  return c.json({ error: issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues }, 400);
}

async function jsonBody(c: Context): Promise<{ ok: true; body: unknown } | { ok: false }> {
  try {
    return { ok: true, body: await c.req.json() };
  } catch {
    return { ok: false };
  }
}

const notJson: FieldIssue[] = [{ field: '(body)', message: 'must be a JSON object' }];

export function consentApi(store: ConsentStore): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const q = listQuery.safeParse(c.req.query());
    if (!q.success) return badRequest(c, issuesOf(q.error));
    const includeRevoked = q.data.includeRevoked === 'true' || q.data.includeRevoked === '1';
    return c.json({ consents: await store.list({ recipient: q.data.recipient, includeRevoked }) });
  });

  app.post('/', async (c) => {
    const raw = await jsonBody(c);
    if (!raw.ok) return badRequest(c, notJson);
    const parsed = recordBody.safeParse(raw.body);
    if (!parsed.success) return badRequest(c, issuesOf(parsed.error));
    try {
      return c.json({ consent: await store.record(parsed.data) }, 201);
    } catch (err) {
      if (err instanceof ConsentInputError) return badRequest(c, [{ field: err.field, message: err.message.slice(err.field.length + 2) }]);
      throw err;
    }
  });

  app.post('/:id/revoke', async (c) => {
    const idText = c.req.param('id');
    if (!/^[1-9][0-9]{0,15}$/.test(idText) || !Number.isSafeInteger(Number(idText))) return badRequest(c, [{ field: 'id', message: 'must be a positive integer' }]);
    const id = Number(idText);
    const raw = await jsonBody(c);
    if (!raw.ok) return badRequest(c, notJson);
    const parsed = revokeBody.safeParse(raw.body);
    if (!parsed.success) return badRequest(c, issuesOf(parsed.error));
    try {
      return c.json({ consent: await store.revoke(id, parsed.data) });
    } catch (err) {
      if (err instanceof ConsentNotFoundError) return c.json({ error: err.message }, 404);
      if (err instanceof ConsentAlreadyRevokedError) return c.json({ error: err.message, consent: err.consent }, 409);
      if (err instanceof ConsentInputError) return badRequest(c, [{ field: err.field, message: err.message.slice(err.field.length + 2) }]);
      throw err;
    }
  });

  return app;
}
