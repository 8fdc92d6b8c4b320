import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedPolicy, PolicyFileError, PolicyHolder } from '../../gateway/policy/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'phigate-policy-holder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PolicyHolder', () => {
  it('keeps the last good policy when a reload is bad, and takes the next good one', () => {
    const path = join(dir, 'policy.yaml');
    writeFileSync(path, 'defaults:\n  method: tls-required\n');
    const holder = PolicyHolder.open(path);
    const firstVersion = holder.version;
    expect(holder.policy.defaults.method).toBe('tls-required');

    writeFileSync(path, 'defaults:\n  method: tls-requird\n');
    const bad = holder.reload();
    expect(bad.ok).toBe(false);
    if (bad.ok) throw new Error('unreachable');
    expect(bad.error).toBeInstanceOf(PolicyFileError);
    expect(bad.error.problems[0]!.path).toBe('defaults.method');
    expect(bad.hash).toBe(firstVersion);
    expect(holder.version).toBe(firstVersion);
    expect(holder.policy.defaults.method).toBe('tls-required');

    writeFileSync(path, 'defaults:\n  method: tls-exclusive\n');
    const good = holder.reload();
    expect(good).toEqual({ ok: true, changed: true, hash: holder.version, previousHash: firstVersion });
    expect(holder.policy.defaults.method).toBe('tls-exclusive');

    // Same content, different layout: same version.
    writeFileSync(path, '# comment\ndefaults: { method: tls-exclusive }\n');
    expect(holder.reload()).toMatchObject({ ok: true, changed: false });
  });

  it('keeps the last good policy when the file disappears', () => {
    const path = join(dir, 'vanishing.yaml');
    writeFileSync(path, 'rules: []\n');
    const holder = PolicyHolder.open(path);
    rmSync(path);
    const result = holder.reload();
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toBe(`${path}: cannot read the file (ENOENT)`);
    expect(holder.policy.rules).toEqual([]);
  });

  it('refuses to start on a bad file', () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'nonsense: true\n');
    expect(() => PolicyHolder.open(path)).toThrow(PolicyFileError);
  });

  it('uses the embedded policy without a path, and accepts text from elsewhere', () => {
    const holder = PolicyHolder.open(undefined);
    expect(holder.version).toBe(embeddedPolicy().hash);
    expect(holder.reload()).toMatchObject({ ok: true, changed: false });
    const rejected = holder.replace('{"defaults": {"minTls": "0.9"}}', 'admin-upload.json');
    expect(rejected.ok ? '' : rejected.error.message).toBe(
      'admin-upload.json: defaults.minTls: expected one of 1.0, 1.1, 1.2, 1.3 (TLS below 1.0 is never allowed); got "0.9" (line 1, column 25)',
    );
    expect(holder.version).toBe(embeddedPolicy().hash);
    expect(holder.replace('defaults: { minTls: "1.3" }', 'admin-upload.yaml')).toMatchObject({ ok: true, changed: true });
    expect(holder.policy.defaults.minTls).toBe('1.3');
  });
});
