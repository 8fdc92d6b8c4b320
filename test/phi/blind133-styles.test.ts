import { describe, expect, it } from 'vitest';
import { scanParts } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 11 from blind sets 133-148, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const parts = (subject: string, body: string, more: Array<{ where: string; text: string }> = []) => [{ where: 'subject', text: subject }, { where: 'body', text: body }, ...more];
const found = (subject: string, body: string, more: Array<{ where: string; text: string }> = []) => scanParts(parts(subject, body, more)).findings;

describe('identifiers carried by links', () => {
  it('a date of birth in a link\'s query is a DOB', () => {
    const link = (q: string) => `Viewer link for the knee MRI, valid 7 days:\nhttps://view.imaging.example/s/study?pid=ORTEGA%5ELUCIA&${q}`;
    expect(found('MRI link', link('dob=19620914')).filter((f) => f.type === 'DOB')).toHaveLength(1);
    expect(recognizersFlag(parts('MRI link', link('dob=19620914')))).toBe(true);
    // A query date that is no birth date (a study date) is none.
    expect(found('MRI link', link('studydate=20250914')).filter((f) => f.type === 'DOB')).toHaveLength(0);
  });
  it('a shared file named with a record number is read like an attachment\'s name', () => {
    const body = (file: string) => `final report: https://files.fertility.example/share/${file} - two embryos affected for sickle cell, one carrier.`;
    expect(found('report', body('Brandt_Noa_MRN5520117_PGT.pdf')).filter((f) => f.type === 'MRN')).toHaveLength(1);
    expect(recognizersFlag(parts('report', body('Brandt_Noa_MRN5520117_PGT.pdf')))).toBe(true);
    expect(found('report', body('lab_template_v3_PGT.pdf')).filter((f) => f.type === 'MRN')).toHaveLength(0);
  });
});

describe('names in rows and file names', () => {
  it('a "Surname, Given" row whose clinical content is the list indented below it', () => {
    const order = (below: string) => `Ready for the 3 pm courier:\n\nMarchetti, Gianna  Bkg 25-004417\n${below}\n\nPlease sign the manifest.`;
    expect(found('release meds', order('  - quetiapine 50 mg tab, 1 PO qhs, #14\n  - lisinopril 10 mg tab, #30')).some((f) => f.type === 'PATIENT_NAME' && f.reasons.includes('name:inverted'))).toBe(true);
    // A row whose next lines are not its own list (a new paragraph) keeps its clinical content apart.
    expect(found('release meds', order('\nStock note: quetiapine 50 mg tab back-ordered until May.')).some((f) => f.reasons.includes('name:inverted'))).toBe(false);
  });
  it('a surname written with a capital inside ("ODwyer", "McKenna") pairs with a given name in a file name', () => {
    const files = (name: string) => [{ where: 'attachment-name', text: name }];
    const names = (name: string) => found('appeal packet', 'Signed appeal attached for the rituximab denial, GPA.', files(name)).filter((f) => f.type === 'PATIENT_NAME' && f.reasons.includes('name:full'));
    expect(names('Appeal_ODwyer_Maeve_rituximab_signed.pdf')).toHaveLength(1);
    expect(names('Appeal_McKenna_Brigid_signed.pdf')).toHaveLength(1);
    // Two words joined in camel case are no surname.
    expect(names('Appeal_PowerPoint_Maeve_signed.pdf')).toHaveLength(0);
  });
  it('a dated photo filed under a record number names whom it shows; a camera\'s own number does not', () => {
    const photo = (name: string) => found('wk4', 'from clinic today: venous ulcer L medial malleolus, still slough at the base, 3.1 x 2.4 cm, tunneling at 12 o\'clock, cultures sent.', [{ where: 'attachment-name', text: name }]);
    expect(photo('ulcer_KQ00418822_wk4_2025-02-11.jpg').filter((f) => f.type === 'MRN')).toHaveLength(1);
    expect(photo('IMG20250211_0930_2025-02-11.jpg').filter((f) => f.type === 'MRN')).toHaveLength(0);
  });
});
