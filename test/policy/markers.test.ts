import { describe, expect, it } from 'vitest';
import { detectAutoForward } from '../../gateway/policy/autoforward.ts';
import { detectEscalation, removeSubjectTags, stripEscalation } from '../../gateway/policy/escalation.ts';
import { decodeEncodedWords, type HeaderList } from '../../gateway/policy/headers.ts';

const subject = (value: string): HeaderList => [{ key: 'subject', value }];

describe('escalation markers', () => {
  it('detects X-Phigate-Secure: 1', () => {
    expect(detectEscalation([{ key: 'x-phigate-secure', value: ' 1 ' }])).toEqual({ escalated: true, byHeader: true, subjectTags: [] });
    expect(detectEscalation([{ key: 'x-phigate-secure', value: '0' }]).escalated).toBe(false);
  });

  it('detects default subject tags case-insensitively, anywhere in the subject', () => {
    expect(detectEscalation(subject('RE: Lab results [SECURE]'))).toEqual({ escalated: true, byHeader: false, subjectTags: ['[secure]'] });
    expect(detectEscalation(subject('[Encrypt] [secure] x')).subjectTags).toEqual(['[secure]', '[encrypt]']);
    expect(detectEscalation(subject('secure lab results')).escalated).toBe(false);
  });

  it('uses configured tags, with no regex meaning', () => {
    expect(detectEscalation(subject('Results (PHI) attached'), { subjectTags: ['(phi)'] }).subjectTags).toEqual(['(phi)']);
    expect(detectEscalation(subject('Results [secure]'), { subjectTags: ['(phi)'] }).escalated).toBe(false);
    expect(detectEscalation(subject('a.b'), { subjectTags: ['.*'] }).escalated).toBe(false);
  });

  it('sees tags inside RFC 2047 encoded and folded subjects', () => {
    expect(detectEscalation(subject('=?UTF-8?Q?=5Bsecure=5D_R=C3=A9sultats?=')).escalated).toBe(true);
    expect(detectEscalation(subject('=?UTF-8?B?W2VuY3J5cHRdIHRlc3Q=?=')).subjectTags).toEqual(['[encrypt]']);
    expect(detectEscalation(subject('Lab results\r\n [secure]')).escalated).toBe(true);
  });

  it('strips tags with tidy whitespace and asks to remove the header', () => {
    expect(stripEscalation([...subject('RE:  [SECURE]  Lab results [encrypt]'), { key: 'x-phigate-secure', value: '1' }])).toEqual({
      subject: 'RE: Lab results',
      subjectChanged: true,
      removeHeaders: ['x-phigate-secure'],
    });
    expect(stripEscalation(subject('Lab results'))).toEqual({ subject: 'Lab results', subjectChanged: false, removeHeaders: [] });
    expect(stripEscalation([{ key: 'x-phigate-secure', value: '1' }])).toEqual({ subject: null, subjectChanged: false, removeHeaders: ['x-phigate-secure'] });
    expect(removeSubjectTags('[secure]')).toBe('');
    expect(removeSubjectTags('Fwd:[secure]x')).toBe('Fwd: x');
    expect(removeSubjectTags('[secure][secure] [encrypt]  Results  of  today')).toBe('Results  of  today');
  });

  it('stays linear on a hostile subject', () => {
    const hostile = '[secure]'.repeat(100_000) + ' x';
    const started = performance.now();
    expect(removeSubjectTags(hostile)).toBe('x');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('RFC 2047 decoding', () => {
  it('joins adjacent words and decodes split characters', () => {
    expect(decodeEncodedWords('=?UTF-8?B?w6k=?= =?UTF-8?B?w6k=?= x =?iso-8859-1?q?caf=E9?=')).toBe('éé x café');
    // é is C3 A9: one byte in each word.
    expect(decodeEncodedWords('=?UTF-8?B?ww==?=\r\n =?UTF-8?B?qQ==?=')).toBe('é');
    expect(decodeEncodedWords('=?x-unknown?Q?abc?= plain')).toBe('=?x-unknown?Q?abc?= plain');
  });
});

describe('auto-forward detection', () => {
  it('recognises each signal', () => {
    const signals: Array<[HeaderList, string[]]> = [
      [[{ key: 'auto-submitted', value: 'auto-forwarded; owner-email="a@b.example"' }], ['Auto-Submitted: auto-forwarded']],
      [[{ key: 'x-ms-exchange-organization-autoforwarded', value: 'True' }], ['X-MS-Exchange-Organization-AutoForwarded: true']],
      [[{ key: 'x-forwarded-to', value: 'me@gmail.example' }, { key: 'x-forwarded-for', value: 'a@b.example me@gmail.example' }], ['X-Forwarded-To', 'X-Forwarded-For']],
      [[{ key: 'resent-from', value: 'a@b.example' }, { key: 'resent-to', value: 'c@d.example' }], ['Resent-From', 'Resent-To']],
      [[{ key: 'x-ms-exchange-inbox-rules-loop', value: 'a@b.example' }], ['X-MS-Exchange-Inbox-Rules-Loop']],
    ];
    for (const [headers, evidence] of signals) expect(detectAutoForward(headers)).toEqual({ autoForwarded: true, evidence });
  });

  it('does not flag ordinary or auto-replied mail', () => {
    expect(detectAutoForward([{ key: 'auto-submitted', value: 'auto-replied' }, { key: 'subject', value: 'Fwd: hello' }])).toEqual({ autoForwarded: false, evidence: [] });
    expect(detectAutoForward([{ key: 'x-ms-exchange-organization-autoforwarded', value: 'false' }]).autoForwarded).toBe(false);
  });
});
