import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';

// Readings added after blind sets 69-76 (session 7). Made-up names and numbers; none taken from a test set.
// Each case has a twin that must go the other way.
describe('file names, whole-subject names, callbacks and chart numbers (sets 69-76)', () => {
  it('a document named after a person (surname in capitals) with clinical content of its own', () => {
    const file = 'echo_report_MBEKI_Chioma.txt';
    const report = 'TRANSTHORACIC ECHO\nLVEF 35-40%\nModerate mitral regurgitation\nBNP 812 pg/mL';
    expect(scanParts([{ where: 'subject', text: 'echo' }, { where: 'body', text: 'Attached for the chart.' }, { where: `attachment:${file}`, text: report }]).containsPhi).toBe(true);
    // The same person's file without clinical content, and a clinician's CV under their name, are not. (A file whose
    // name says "echo report" is clinical content of its own since session 19: a procedure tied to the named person.)
    expect(scanParts([{ where: 'subject', text: 'form' }, { where: 'body', text: 'Attached.' }, { where: 'attachment:permit_MBEKI_Chioma.txt', text: 'Parking permit renewal, lot C, expires June.' }]).containsPhi).toBe(false);
    expect(scanParts([{ where: 'subject', text: 'candidate' }, { where: 'body', text: 'Attached for the search committee.' }, { where: 'attachment:CV_MBEKI_Chioma.txt', text: 'Cardiac sonographer, 8 years. Echo lab lead: LVEF 35-40% audits, mitral regurgitation grading.' }]).containsPhi).toBe(false);
  });
  it('a file name in capitals pairs a surname written first with a listed given name', () => {
    const parts = (file: string) => [{ where: 'subject', text: 'scan' }, { where: 'body', text: 'Attached.' }, { where: `attachment:${file}`, text: 'Audiogram\nPTA R 55 dB L 60 dB\nWRS 68% R / 72% L\nMixed hearing loss bilaterally' }];
    expect(scanParts(parts('audiology_PARK_JIHOON.csv')).findings.some((f) => f.type === 'PATIENT_NAME' && f.where === 'attachment-name')).toBe(true);
    expect(scanParts(parts('audiology_QC_BOOTH_B.csv')).findings.some((f) => f.type === 'PATIENT_NAME' && f.where === 'attachment-name')).toBe(false);
  });
  it('a subject that is only a full name, written surname first, makes the body its person\'s', () => {
    const body = 'Started letrozole in March; bone density scan due first.';
    expect(scanParts([{ where: 'subject', text: 'FW: Mensah, Abena' }, { where: 'body', text: body }]).containsPhi).toBe(true);
    expect(scanParts([{ where: 'subject', text: 'FW: Mensah, Abena' }, { where: 'body', text: 'Thanks for covering the front desk on Friday.' }]).containsPhi).toBe(false);
    expect(scanParts([{ where: 'subject', text: 'FW: bone health week' }, { where: 'body', text: body }]).containsPhi).toBe(false);
  });
  it('a lower-case subject that is only a name: a surname written first and a listed given name', () => {
    const body = 'inr 3.9 today, hold warfarin tonight and recheck friday';
    expect(scanParts([{ where: 'subject', text: 're: tran thi mai' }, { where: 'body', text: body }]).containsPhi).toBe(true);
    expect(scanParts([{ where: 'subject', text: 're: mai tai friday' }, { where: 'body', text: 'potluck at 5, bring cups' }]).containsPhi).toBe(false);
  });
  it('the number a message asks to call back is the caller\'s', () => {
    expect(scanText('Pls call back 555-0148 - man with new chest pain since this morning, on Eliquis 5 mg.').containsPhi).toBe(true);
    expect(scanText('For refill questions call the pharmacy at 555-0148. Eliquis 5 mg tablets are back in stock.').containsPhi).toBe(false);
  });
  it('"Chart" before a long record number is a chart number', () => {
    expect(scanText('Chart JX-0093312 missed the lithium level again; pharmacy is holding the fill.').containsPhi).toBe(true);
    expect(scanText('Chart 3 shows the wait times by clinic; the lithium shortage ends in May.').containsPhi).toBe(false);
  });
  it('a name with a drug the person takes later in the same sentence', () => {
    expect(scanText('spoke with tomasz nowak today, still out of sertraline since monday').containsPhi).toBe(true);
    expect(scanText('maria lopez will teach the diabetes class on friday, bring snacks').containsPhi).toBe(false);
    expect(scanText('Mateo Ibarra: the linter flags missing braces on line 40.').containsPhi).toBe(false);
  });
});

describe('file names listed one per line', () => {
  it('a CV among the attachments does not hide a patient\'s document', () => {
    const names = 'CV_MBEKI_Chioma.txt\nechoreport_OKAFOR_Amara.txt';
    const hits = scanParts([{ where: 'attachment-name', text: names }]).findings.filter((f) => f.type === 'PATIENT_NAME');
    expect(hits.map((f) => names.slice(f.start, f.end))).toEqual(['OKAFOR_Amara']);
  });
});
