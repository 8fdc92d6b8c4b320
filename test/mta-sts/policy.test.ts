import { describe, expect, it } from 'vitest';
import { parsePolicy, MAX_AGE_LIMIT } from '../../gateway/deliver/mta-sts/policy.ts';

const good = ['version: STSv1', 'mode: enforce', 'mx: mail.example.com', 'mx: *.example.net', 'mx: backupmx.example.com', 'max_age: 604800'];

const errorsOf = (text: string) => {
  const r = parsePolicy(text);
  return r.ok ? [] : r.errors;
};

describe('MTA-STS policy file (RFC 8461 §3.2)', () => {
  it('parses the RFC example with LF line endings', () => {
    const r = parsePolicy(good.join('\n') + '\n');
    expect(r).toEqual({
      ok: true,
      warnings: [],
      policy: { version: 'STSv1', mode: 'enforce', mx: ['mail.example.com', '*.example.net', 'backupmx.example.com'], maxAge: 604800, extensions: {} },
    });
  });

  it('parses the same policy with CRLF line endings, and without a final terminator', () => {
    const a = parsePolicy(good.join('\r\n') + '\r\n');
    const b = parsePolicy(good.join('\r\n'));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.policy).toEqual(b.policy);
  });

  it('accepts the fields in any order, with spaces or tabs after the colon and trailing whitespace', () => {
    const r = parsePolicy('max_age:86400\nmx:\tmx1.example.org \nmode:   testing\t\nversion: STSv1\n');
    expect(r).toMatchObject({ ok: true, policy: { mode: 'testing', mx: ['mx1.example.org'], maxAge: 86400 } });
  });

  it('ignores unknown fields (kept as extensions) but keeps validating known ones', () => {
    const r = parsePolicy([...good, 'foo: bar baz', 'x-vendor.1: 2'].join('\n'));
    expect(r).toMatchObject({ ok: true, policy: { extensions: { foo: 'bar baz', 'x-vendor.1': '2' } } });
  });

  it('mode none needs no mx', () => {
    expect(parsePolicy('version: STSv1\nmode: none\nmax_age: 86400\n')).toMatchObject({ ok: true, policy: { mode: 'none', mx: [] } });
  });

  it('reports each missing required field by name', () => {
    expect(errorsOf('mode: enforce\nmx: a.example\nmax_age: 1\n')).toEqual(['version is missing']);
    expect(errorsOf('version: STSv1\nmx: a.example\nmax_age: 1\n')).toEqual(['mode is missing']);
    expect(errorsOf('version: STSv1\nmode: enforce\nmx: a.example\n')).toEqual(['max_age is missing']);
    expect(errorsOf('version: STSv1\nmode: enforce\nmax_age: 1\n')).toEqual(['mx is required when mode is enforce']);
    expect(errorsOf('version: STSv1\nmode: testing\nmax_age: 1\n')).toEqual(['mx is required when mode is testing']);
    expect(errorsOf('')).toEqual(['version is missing', 'mode is missing', 'max_age is missing']);
  });

  it('rejects a wrong version or mode, case-sensitively', () => {
    expect(errorsOf(good.join('\n').replace('STSv1', 'STSv2'))).toEqual(['version "STSv2" is not "STSv1"']);
    expect(errorsOf(good.join('\n').replace('STSv1', 'stsv1'))).toEqual(['version "stsv1" is not "STSv1"']);
    expect(errorsOf(good.join('\n').replace('enforce', 'Enforce'))).toEqual(['mode "Enforce" is not one of enforce, testing, none']);
    expect(errorsOf(good.join('\n').replace('enforce', 'reject'))).toEqual(['mode "reject" is not one of enforce, testing, none']);
    // Field names are case-sensitive too: "Mode" is an unknown field, so mode is missing.
    expect(errorsOf(good.join('\n').replace('mode:', 'Mode:'))).toEqual(['mode is missing']);
  });

  it('max_age: digits only, at most 10 of them; above one year is capped', () => {
    for (const bad of ['-1', '1.5', '1e3', 'abc', '12345678901', '+5', '0x10']) {
      expect(errorsOf(good.join('\n').replace('604800', bad)), bad).toEqual([`max_age "${bad}" is not an integer of 1 to 10 digits`]);
    }
    expect(parsePolicy(good.join('\n').replace('604800', '0'))).toMatchObject({ ok: true, policy: { maxAge: 0 } });
    expect(parsePolicy(good.join('\n').replace('604800', String(MAX_AGE_LIMIT)))).toMatchObject({ ok: true, policy: { maxAge: 31557600 } });
    const capped = parsePolicy(good.join('\n').replace('604800', '9999999999'));
    expect(capped).toMatchObject({ ok: true, policy: { maxAge: 31557600 }, warnings: ['max_age 9999999999 is above 31557600, capped'] });
  });

  it('a repeated non-mx field: the first wins, with a warning', () => {
    const r = parsePolicy([...good, 'mode: testing', 'max_age: 1'].join('\n'));
    expect(r).toMatchObject({ ok: true, policy: { mode: 'enforce', maxAge: 604800 } });
    if (r.ok) expect(r.warnings).toEqual(['line 7: repeated mode ignored, the first one wins', 'line 8: repeated max_age ignored, the first one wins']);
  });

  it('rejects malformed mx patterns, naming the line', () => {
    for (const bad of ['*', '*.', 'mail.*.example.com', '*mail.example.com', '**.example.com', 'mail..example.com', '-mail.example.com', 'mail_x.example.com', 'a b.example']) {
      const errs = errorsOf(good.join('\n').replace('mx: mail.example.com', `mx: ${bad}`));
      expect(errs, bad).toHaveLength(1);
      expect(errs[0]).toMatch(/^line 3: mx /);
    }
  });

  it('accepts an IDN mx in U-label or A-label form', () => {
    const r = parsePolicy(good.join('\n').replace('mx: mail.example.com', 'mx: mx.bücher.example\nmx: *.xn--bcher-kva.example'));
    expect(r).toMatchObject({ ok: true });
  });

  it('rejects lines that are not "name: value", with the line number', () => {
    expect(errorsOf(['version: STSv1', 'mode enforce', 'mx: a.example', 'max_age: 1'].join('\n'))).toEqual(['line 2: expected "name: value"', 'mode is missing']);
    expect(errorsOf(['version: STSv1', ' mode: enforce', 'mx: a.example', 'max_age: 1'].join('\n'))).toContain('line 2: expected "name: value"');
    expect(errorsOf(['version: STSv1', 'mode: enforce', 'mx:', 'max_age: 1'].join('\n'))).toContain('line 3: mx has an empty value');
  });

  it('rejects control characters such as a bare CR inside a value', () => {
    expect(errorsOf(['version: STSv1', 'mode: enforce\rx', 'mx: a.example', 'max_age: 1'].join('\n'))).toContain('line 2: mode contains a control character');
  });

  it('tolerates blank lines (a documented leniency)', () => {
    expect(parsePolicy(['version: STSv1', '', 'mode: none', '   ', 'max_age: 1', '', ''].join('\n'))).toMatchObject({ ok: true });
  });
});
