import { describe, expect, it } from 'vitest';
import { extractAttachment, flattenCellParagraphs, pageText } from '../../phi/node/extractors.ts';
import { scanRawMessage } from '../../phi/node/scan-message.ts';
import { buildDocx, buildPdf } from './documents.ts';
import { mimeMessage } from './mime.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const cleanBody = { subject: 'Documents for Thursday', text: 'Hi team,\n\nPlease see the attached file before the meeting.\n\nThanks,\nSam' };

describe('PDF and DOCX attachments (unpdf, mammoth)', () => {
  it('reads a real PDF, keeping a table as tab-separated rows', async () => {
    const pdf = buildPdf(['Clinic roster, week 12', ['Patient', 'DOB', 'Diagnosis'], ['Rosa Alvarez', '03/04/1955', 'Type 2 diabetes'], ['Jerome Baptiste', '11/23/1948', 'Heart failure']], { compress: true });
    const ex = await extractAttachment({ filename: 'roster.pdf', contentType: 'application/pdf', content: pdf });
    expect(ex.kind).toBe('text');
    const text = (ex as { text: string }).text;
    expect(text).toContain('Patient\tDOB\tDiagnosis\nRosa Alvarez\t03/04/1955\tType 2 diabetes');
  });

  it('finds PHI that is only in a PDF attachment', async () => {
    const pdf = buildPdf(['Discharge summary', 'Patient: Rosa Alvarez   DOB: 03/04/1955', 'Diagnosis: type 2 diabetes mellitus (E11.9)', 'Started metformin 500 mg twice daily.']);
    const withPdf = await scanRawMessage(mimeMessage({ ...cleanBody, attachments: [{ filename: 'summary.pdf', contentType: 'application/pdf', content: pdf }] }));
    expect(withPdf.containsPhi).toBe(true);
    expect(withPdf.skipped).toEqual([]);
    const inPdf = withPdf.findings.filter((f) => f.where === 'attachment:summary.pdf').map((f) => f.type);
    expect(inPdf).toEqual(expect.arrayContaining(['PATIENT_NAME', 'DOB', 'ICD10', 'MEDICATION']));
    expect((await scanRawMessage(mimeMessage(cleanBody))).containsPhi).toBe(false);
  });

  it('finds PHI in a DOCX, paragraphs and tables', async () => {
    const docx = buildDocx([
      'Referral letter',
      'Dear Dr. Moreau, I am referring the patient below for a cardiology opinion.',
      [['Patient', 'MRN', 'Dx code'], ['Rosa Alvarez', '4471902', 'I50.9'], ['Paul Grant', '00788123', 'E11.9']],
      'Kind regards,',
    ]);
    const r = await scanRawMessage(mimeMessage({ ...cleanBody, attachments: [{ filename: 'referral.docx', contentType: DOCX, content: docx }] }));
    expect(r.containsPhi).toBe(true);
    expect(r.skipped).toEqual([]);
    const inDocx = r.findings.filter((f) => f.where === 'attachment:referral.docx');
    expect(inDocx.map((f) => f.type)).toEqual(expect.arrayContaining(['PATIENT_NAME', 'MRN', 'ICD10']));
    // The table stayed a table: both rows' names and codes are findings.
    expect(inDocx.filter((f) => f.type === 'ICD10')).toHaveLength(2);
  });

  it('a DOCX without PHI is not PHI', async () => {
    const docx = buildDocx(['Q3 facilities plan', [['Room', 'Owner'], ['B-204', 'Facilities']], 'The parking garage closes on Friday.']);
    const r = await scanRawMessage(mimeMessage({ ...cleanBody, attachments: [{ filename: 'plan.docx', contentType: DOCX, content: docx }] }));
    expect(r.containsPhi).toBe(false);
    expect(r.skipped).toEqual([]);
  });

  it('corrupt or fake documents are skipped with a reason, never with their content', async () => {
    const secret = 'Rosa Alvarez DOB 03/04/1955';
    const fakePdf = await extractAttachment({ filename: 'x.pdf', contentType: 'application/pdf', content: Buffer.from(`%PDF-1.4\n${secret}\n`) });
    expect(fakePdf).toEqual({ kind: 'skipped', reason: expect.stringMatching(/^unreadable pdf/) });
    const fakeDocx = await extractAttachment({ filename: 'x.docx', contentType: DOCX, content: Buffer.from(`PK\x03\x04${secret}`) });
    expect(fakeDocx).toEqual({ kind: 'skipped', reason: expect.stringMatching(/^unreadable docx/) });
    expect(JSON.stringify([fakePdf, fakeDocx])).not.toContain('Alvarez');
  });

  it('rebuilds PDF lines from text positions', () => {
    const at = (str: string, x: number, y: number, width: number) => ({ str, transform: [10, 0, 0, 10, x, y], width });
    expect(pageText([at('Name', 72, 700, 25), at(' ', 97, 700, 100), at('DOB', 222, 700, 20), at('Ana', 72, 684, 18), at('Lopez', 93, 684, 28)])).toBe('Name\tDOB\nAna Lopez');
  });

  it('keeps a Word table row on one line', () => {
    expect(flattenCellParagraphs('<p>a</p><table><tr><td><p>x</p><p>y</p></td><td><p>z</p></td></tr></table><p>b</p>'))
      .toBe('<p>a</p><table><tr><td>x y </td><td>z </td></tr></table><p>b</p>');
  });
});
