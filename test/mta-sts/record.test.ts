import { describe, expect, it } from 'vitest';
import { parseStsRecord, selectStsRecord } from '../../gateway/deliver/mta-sts/record.ts';

const idOf = (text: string) => {
  const r = parseStsRecord(text);
  return r.ok ? r.record.id : null;
};

describe('MTA-STS TXT record (RFC 8461 §3.1)', () => {
  it('accepts the canonical record', () => {
    expect(idOf('v=STSv1; id=20160831085700Z')).toBe('20160831085700Z');
  });

  it('tolerates whitespace around separators and a trailing semicolon', () => {
    expect(idOf('v=STSv1;id=abc123')).toBe('abc123');
    expect(idOf('v=STSv1 ;  id=abc123')).toBe('abc123');
    expect(idOf('v=STSv1;\tid=abc123;')).toBe('abc123');
    expect(idOf('v=STSv1; id=abc123 ; ')).toBe('abc123');
  });

  it('ignores well-formed extension fields, before or after id', () => {
    const r = parseStsRecord('v=STSv1; ext_1=value.x; id=42; other-ext=a:b');
    expect(r).toEqual({ ok: true, record: { id: '42', extensions: { ext_1: 'value.x', 'other-ext': 'a:b' } } });
  });

  it('accepts ids of 1 and 32 alphanumerics, rejects 33 and other characters', () => {
    expect(idOf('v=STSv1; id=a')).toBe('a');
    expect(idOf(`v=STSv1; id=${'A1'.repeat(16)}`)).toBe('A1'.repeat(16));
    expect(idOf(`v=STSv1; id=${'a'.repeat(33)}`)).toBeNull();
    for (const bad of ['id=', 'id=abc-def', 'id=abc.def', 'id=abc_def', 'id=ab cd', 'id=é']) {
      expect(idOf(`v=STSv1; ${bad}`), bad).toBeNull();
    }
  });

  it('requires an id, exactly once', () => {
    expect(idOf('v=STSv1;')).toBeNull();
    expect(idOf('v=STSv1; foo=bar')).toBeNull();
    expect(idOf('v=STSv1; id=1; id=2')).toBeNull();
  });

  it('rejects malformed fields', () => {
    expect(idOf('v=STSv1;; id=1')).toBeNull(); // empty field
    expect(idOf('v=STSv1; id=1;;')).toBeNull(); // two trailing separators
    expect(idOf('v=STSv1; id=1; junk')).toBeNull(); // no "="
    expect(idOf('v=STSv1; id=1; =x')).toBeNull(); // no name
    expect(idOf('v=STSv1; id=1; x=')).toBeNull(); // empty value
    expect(idOf('v=STSv1; id=1; _x=1')).toBeNull(); // name must start alphanumeric
  });

  it('is case-sensitive about the version tag and field names', () => {
    expect(idOf('v=stsv1; id=1')).toBeNull();
    expect(idOf('V=STSv1; id=1')).toBeNull();
    expect(idOf('v=STSv1; ID=1')).toBeNull();
    expect(idOf(' v=STSv1; id=1')).toBeNull(); // no leading whitespace in the ABNF
  });
});

describe('selecting the record from a TXT answer', () => {
  it('joins the character-strings of one record', () => {
    expect(selectStsRecord([['v=STSv1; ', 'id=split1']])).toMatchObject({ ok: true, record: { id: 'split1' } });
  });

  it('discards records that are not MTA-STS records', () => {
    const r = selectStsRecord([['v=spf1 -all'], ['v=STSv1; id=x1'], ['v=STSv10; id=nope'], ['something else']]);
    expect(r).toMatchObject({ ok: true, record: { id: 'x1' } });
  });

  it('no record → no-record', () => {
    expect(selectStsRecord([])).toMatchObject({ ok: false, reason: 'no-record' });
    expect(selectStsRecord([['v=spf1 -all']])).toMatchObject({ ok: false, reason: 'no-record' });
  });

  it('more than one MTA-STS record → no policy, even if they agree', () => {
    expect(selectStsRecord([['v=STSv1; id=1'], ['v=STSv1; id=2']])).toMatchObject({ ok: false, reason: 'multiple-records' });
    expect(selectStsRecord([['v=STSv1; id=1'], ['v=STSv1; id=1']])).toMatchObject({ ok: false, reason: 'multiple-records' });
    // An invalid second record still counts: the domain's intent is ambiguous.
    expect(selectStsRecord([['v=STSv1; id=1'], ['v=STSv1; id=bad-id']])).toMatchObject({ ok: false, reason: 'multiple-records' });
  });

  it('a single invalid MTA-STS record → invalid', () => {
    expect(selectStsRecord([['v=STSv1; id=not_valid']])).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
