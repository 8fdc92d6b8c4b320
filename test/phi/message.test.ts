import { describe, expect, it } from 'vitest';
import { scanRawMessage } from '../../phi/node/scan-message.ts';
import { mimeMessage } from './mime.ts';

describe('scanRawMessage', () => {
  it('covers subject, text, HTML, quoted replies, attachment names and text attachments', async () => {
    const raw = mimeMessage({
      subject: 'Re: follow-up for Mrs. Alvarez',
      text: 'Please review.\n\nOn Mon, Dr Lee wrote:\n> Patient: Rosa Alvarez, DOB 03/04/1955, A1c 9.4%.\n',
      html: '<p>Member ID: <b>W123456789</b></p>',
      attachments: [
        { filename: 'roster.csv', contentType: 'text/csv', content: 'name,mrn,dx\nRosa Alvarez,4471902,E11.9\n' },
        { filename: 'invite.ics', contentType: 'text/calendar', content: 'BEGIN:VEVENT\nSUMMARY:MRI for Paul Grant, MRN 00788123\nEND:VEVENT\n' },
        { filename: 'Lopez_Ana_DOB_04-12-1961_labs.txt', contentType: 'text/plain', content: 'nothing here' },
        { filename: 'report.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n') },
      ],
    });
    const r = await scanRawMessage(raw);
    expect(r.containsPhi).toBe(true);
    const where = new Set(r.findings.map((f) => f.where));
    for (const w of ['subject', 'body', 'html', 'attachment:roster.csv', 'attachment:invite.ics', 'attachment-name']) expect(where, w).toContain(w);
    const dob = r.findings.find((f) => f.where === 'body' && f.type === 'DOB')!;
    expect(dob).toBeDefined();
    expect(r.skipped).toEqual([{ name: 'report.pdf', reason: expect.stringMatching(/pdf/) }]);
  });

  it('treats non-message input as plain text', async () => {
    const r = await scanRawMessage('Pt: Jerome Baptiste, troponin 0.42, started heparin.');
    expect(r.containsPhi).toBe(true);
    expect(r.findings.every((f) => f.where === 'body')).toBe(true);
    expect((await scanRawMessage(Buffer.from('Lunch on Friday?'))).containsPhi).toBe(false);
  });

  it('a clean message with a provider signature is not PHI', async () => {
    const raw = mimeMessage({ subject: 'Staff meeting', text: 'Moved to 3 pm.\n\nThanks,\nDr. Alice Wong, MD\nNPI 1234567893\n' });
    expect((await scanRawMessage(raw)).containsPhi).toBe(false);
  });
});
