import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedPolicy, loadPolicyFile, parsePolicyText, PolicyFileError } from '../../gateway/policy/load.ts';

function errorOf(text: string, source = 'policy.yaml'): PolicyFileError {
  try {
    parsePolicyText(text, source);
  } catch (error) {
    if (error instanceof PolicyFileError) return error;
    throw error;
  }
  throw new Error('expected a PolicyFileError');
}

const dir = mkdtempSync(join(tmpdir(), 'phigate-policy-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('valid policy files', () => {
  it('applies the contract defaults to an empty file', () => {
    const loaded = parsePolicyText('', 'empty.yaml');
    expect(loaded.ok).toBe(true);
    expect(loaded.policy).toEqual({
      defaults: { method: 'tls-opportunistic', minTls: '1.2', fallback: ['pgp', 'smime', 'portal'] },
      escalation: { subjectTags: ['[secure]', '[encrypt]'] },
      dkim: { sign: 'modified', selector: 'phigate' },
      rules: [],
      keys: { pgp: [], smime: [] },
      senderGroups: {},
      tenants: [],
    });
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the contract example and normalizes single values to lists', () => {
    const loaded = parsePolicyText(
      `defaults:
  method: tls-opportunistic
  minTls: "1.2"
  fallback: [pgp, smime, portal]
rules:
  - name: partners must get TLS
    match: { recipientDomain: partner.example }
    method: tls-required
  - name: PHI goes out by the best secure method
    match: { phi: true }
    method: best
keys:
  pgp:   [ { email: dr@partner.example, file: keys/dr.asc } ]
  smime: [ { email: billing@payer.example, file: keys/billing.pem } ]
tenants:
  - id: acme
    header: { secretSha256: ${'AB'.repeat(32)} }
    senderDomains: [acme.example]
`,
      'policy.yaml',
    );
    expect(loaded.policy.rules[0]).toEqual({
      name: 'partners must get TLS',
      match: { recipientDomain: ['partner.example'] },
      method: 'tls-required',
    });
    expect(loaded.policy.keys.pgp).toEqual([{ email: 'dr@partner.example', file: 'keys/dr.asc' }]);
    expect(loaded.policy.tenants).toEqual([
      { id: 'acme', header: { name: 'X-Phigate-Tenant', secretSha256: 'ab'.repeat(32) }, senderDomains: ['acme.example'] },
    ]);
  });

  it('accepts an unquoted YAML minTls of 1.0 as "1.0"', () => {
    expect(parsePolicyText('defaults: { minTls: 1.0 }', 'p.yaml').policy.defaults.minTls).toBe('1.0');
    expect(parsePolicyText('defaults: { minTls: 1.3 }', 'p.yaml').policy.defaults.minTls).toBe('1.3');
  });

  it('reads JSON by extension and by sniffing, with the same hash as equivalent YAML', () => {
    const json = parsePolicyText('{"rules":[{"name":"r","match":{"phi":true},"method":"best"}]}', 'policy.json');
    const sniffed = parsePolicyText('{"rules":[{"name":"r","match":{"phi":true},"method":"best"}]}', 'policy.conf');
    const yaml = parsePolicyText('# a comment\nrules:\n  - name: r\n    match: { phi: true }\n    method: best\n', 'policy.yaml');
    expect(json.hash).toBe(yaml.hash);
    expect(sniffed.hash).toBe(yaml.hash);
    expect(parsePolicyText('rules: []', 'x.yaml').hash).not.toBe(yaml.hash);
  });

  it('loads from disk', () => {
    const path = join(dir, 'good.yml');
    writeFileSync(path, 'defaults:\n  method: tls-required\n');
    const loaded = loadPolicyFile(path);
    expect(loaded.policy.defaults.method).toBe('tls-required');
    expect(loaded.source).toBe(path);
  });

  it('has an embedded default that sends PHI by best', () => {
    expect(embeddedPolicy().policy.rules).toEqual([
      { name: 'PHI goes out by the best secure method', match: { phi: true }, method: 'best' },
    ]);
  });
});

describe('bad policy files are rejected with the key path', () => {
  it('names a misspelt method, its path and line, and suggests the fix', () => {
    const error = errorOf(`rules:
  - name: a
    method: pgp
  - name: b
    method: pgp
  - name: c
    method: tls-requird
`);
    expect(error.message).toBe(
      'policy.yaml: rules[2].method: expected one of tls-opportunistic, tls-required, tls-exclusive, portal, pgp, smime, best; ' +
        'got "tls-requird" (did you mean "tls-required"?) (line 7, column 13)',
    );
    expect(error.problems).toEqual([
      {
        path: 'rules[2].method',
        message:
          'expected one of tls-opportunistic, tls-required, tls-exclusive, portal, pgp, smime, best; got "tls-requird" (did you mean "tls-required"?)',
        line: 7,
        column: 13,
      },
    ]);
  });

  it('rejects an unknown key, naming the full path', () => {
    const error = errorOf('rules:\n  - name: a\n    match: { recipientDomian: partner.example }\n    method: pgp\n');
    expect(error.problems.map((p) => p.path)).toEqual(['rules[0].match.recipientDomian']);
    expect(error.message).toContain(
      'policy.yaml: rules[0].match.recipientDomian: unknown key (did you mean "recipientDomain"?); allowed here: recipient, recipientDomain,',
    );
  });

  it('rejects an unknown top-level key', () => {
    expect(errorOf('rule:\n  - name: a\n').problems[0]).toMatchObject({ path: 'rule', message: expect.stringMatching(/^unknown key \(did you mean "rules"\?\)/) });
  });

  it('never allows minTls below 1.0', () => {
    expect(errorOf('defaults:\n  minTls: "0.9"\n').message).toBe(
      'policy.yaml: defaults.minTls: expected one of 1.0, 1.1, 1.2, 1.3 (TLS below 1.0 is never allowed); got "0.9" (line 2, column 11)',
    );
    expect(errorOf('rules:\n  - name: a\n    method: pgp\n    options: { minTls: 0.9 }\n').problems[0]!.path).toBe('rules[0].options.minTls');
  });

  it('reports a wrong type with what was found', () => {
    expect(errorOf('rules:\n  - name: a\n    match: { escalated: "yes" }\n    method: pgp\n').problems).toEqual([
      { path: 'rules[0].match.escalated', message: 'expected true or false; got "yes"', line: 3, column: 25 },
    ]);
    expect(errorOf('rules:\n  - name: a\n    match: { recipientDomain: 5 }\n    method: pgp\n').problems[0]!.message).toBe(
      'expected a domain pattern or a list of them; got number 5',
    );
    expect(errorOf('rules: nope\n').problems[0]!.message).toBe('expected a list; got "nope"');
  });

  it('points into lists at the bad item', () => {
    const error = errorOf('rules:\n  - name: a\n    match:\n      recipientDomain: [ok.example, "bad*.example"]\n    method: pgp\n');
    expect(error.problems[0]!.path).toBe('rules[0].match.recipientDomain[1]');
    expect(error.problems[0]!.message).toBe('"*" may only be the whole leftmost label (like *.example.org); got "bad*.example"');
  });

  it('reports a missing required key', () => {
    expect(errorOf('rules:\n  - name: a\n').problems[0]).toMatchObject({ path: 'rules[0].method', message: 'required: expected one of tls-opportunistic, tls-required, tls-exclusive, portal, pgp, smime, best' });
  });

  it('rejects clear-text methods in a fallback chain', () => {
    expect(errorOf('defaults:\n  fallback: [pgp, tls-opportunistic]\n').problems[0]).toMatchObject({
      path: 'defaults.fallback[1]',
      message: 'expected one of pgp, smime, portal (a fallback never sends clear text); got "tls-opportunistic"',
    });
  });

  it('rejects duplicate rule names', () => {
    expect(errorOf('rules:\n  - { name: a, method: pgp }\n  - { name: a, method: smime }\n').problems[0]).toMatchObject({
      path: 'rules[1].name',
      message: 'duplicate rule name "a" (also rules[0])',
    });
  });

  it('names the line and column of a YAML syntax error', () => {
    const error = errorOf('defaults:\n  method: pgp\n\tminTls: "1.2"\n');
    expect(error.problems).toEqual([{ path: '', message: 'YAML syntax error: Tabs are not allowed as indentation', line: 3, column: 1 }]);
    expect(error.message).toBe('policy.yaml: line 3, column 1: YAML syntax error: Tabs are not allowed as indentation');
  });

  it('names the line and column of a JSON syntax error without quoting the file', () => {
    const error = errorOf('{\n  "defaults": {"method": "pgp",, }\n}', 'policy.json');
    expect(error.message).toBe('policy.json: line 2, column 32: JSON syntax error: Expected double-quoted property name');
  });

  it('never echoes a tenant secret', () => {
    const error = errorOf('tenants:\n  - id: acme\n    header: { secret: 123456789 }\n');
    expect(error.message).toBe('policy.yaml: tenants[0].header.secret: expected a string (value not shown) (line 3, column 23)');
  });

  it('rejects duplicate YAML keys', () => {
    expect(errorOf('defaults: {}\ndefaults: {}\n').message).toMatch(/^policy\.yaml: line 2, column 1: YAML syntax error: Map keys must be unique/);
  });

  it('names the file when it cannot be read', () => {
    const path = join(dir, 'missing.yaml');
    expect(() => loadPolicyFile(path)).toThrow(new PolicyFileError(path, [{ path: '', message: 'cannot read the file (ENOENT)' }]).message);
  });
});
