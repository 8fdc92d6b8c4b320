import { describe, expect, it } from 'vitest';
import { createDetector, dictionary, scanParts, scanText } from '../../phi/index.ts';
import { recognizersFlag, recognizersFlagText } from './recognizers.ts';

// Readings added in session 14 from blind sets 284-291, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const types = (text: string) => scanText(text).findings.map((f) => f.type);

describe('tests and medicines added', () => {
  it('urology, GI and TB tests in a file name ("uroflow_PVR", "UGI leak study")', () => {
    const file = (name: string) => recognizersFlag([{ where: 'body', text: 'pls scan into chart, thx' }, { where: 'attachment-name', text: name }]);
    expect(file('Kowalczyk_Raymond_uroflow_PVR_2025-03-04.pdf')).toBe(true);
    expect(file('Kowalczyk_Raymond_parking_2025-03-04.pdf')).toBe(false);
    expect(file('Petrakis_Yiannis_DOB1968-09-02_UGI_leak_study.pdf')).toBe(true);
  });
  it('tests typed in lower case in a terse subject ("qft pos", "cxr")', () => {
    expect(recognizersFlagText('qft pos - linh tran, pls call her re cxr', 'subject')).toBe(true);
    expect(recognizersFlagText('lunch - linh tran, pls call her re friday', 'subject')).toBe(false);
  });
  it('medicines as Persian and Dari write them; Japanese allergy words', () => {
    expect(types('پرازوسین را شروع کرده‌ام')).toContain('MEDICATION');
    expect(types('سرترالین را دوباره شروع کردم')).toContain('MEDICATION');
    expect(types('جلسهٔ بعدی ما پنجشنبه است')).not.toContain('MEDICATION');
    expect(types('卵アレルギーが続いています。エピペンを使用してください')).toContain('DIAGNOSIS');
  });
});

describe('rows and blocks', () => {
  it('a birth date alone on the line under "Surname, Given" is that person\'s', () => {
    const block = (date: string) => scanText(`Pruitt, Colleen\n${date}\nW5521083946\n90837 x12, CBT-I\nauth needed by 6/1`);
    expect(block('11/02/1990').findings.some((f) => f.type === 'DOB')).toBe(true);
    expect(recognizersFlagText('Pruitt, Colleen\n11/02/1990\nW5521083946\n90837 x12, CBT-I\nauth needed by 6/1')).toBe(true);
    // A recent date under the name is a visit's or a deadline's, no birth date.
    expect(block('11/02/2025').findings.some((f) => f.type === 'DOB')).toBe(false);
  });
  it('a unit-bed code, then a surname typed in lower case and a dash, opens a patient\'s handoff row', () => {
    const row = (rest: string) => scanText(`handoff:\n5W-522 benitez ortega - ${rest}`).findings.filter((f) => f.type === 'PATIENT_NAME');
    expect(row('seizure x1 fri, keppra up to 1000 bid')).toHaveLength(1);
    expect(row('moved to the window bed, family visiting sunday')).toHaveLength(0);
  });
});

describe('what names no patient', () => {
  it('study IDs in data called de-identified are codes; a birth date left in it still counts', () => {
    const extract = (note: string, csv: string) => recognizersFlag([
      { where: 'body', text: `Attached is the ${note} for the poster. The IRB letter is on the shared drive.` },
      { where: 'attachment:outcomes.csv', text: csv },
    ]);
    const codes = 'study_id,age_band,primary_dx,baseline_phq9\nS-001,30-34,F33.2,21\nS-002,45-49,F33.1,18';
    expect(extract('Safe Harbor de-identified extract', codes)).toBe(false);
    expect(extract('chart extract', codes)).toBe(true);
    expect(extract('Safe Harbor de-identified extract', 'study_id,dob,primary_dx\nS-001,1961-03-14,F33.2\nS-002,1975-08-02,F33.1')).toBe(true);
  });
  it('"Tel." before a clinic\'s number marks no person', () => {
    const flyer = (label: string) => scanText(`La prueba es GRATIS en nuestra clínica.\nClínica de TB del Condado\n${label} (360) 555-0100 · Lunes a viernes`).findings.find((f) => f.type === 'PHONE');
    expect(flyer('Tel.')?.reasons).not.toContain('keyword:person');
    expect(flyer('Cel. de la paciente:')?.reasons ?? []).toContain('keyword:person');
  });
  it('a department in parentheses after a name is the person\'s unit, not their care', () => {
    const ticket = (unit: string) => recognizersFlagText(`Ticket: INC0048813\nReported by: Dana Whitlock (${unit})\nPriority: 3 - Moderate\nFlowsheet templates fail to load on PC-6N-14.`);
    expect(ticket('Palliative Care')).toBe(false);
    expect(ticket('palliative care consult, on morphine drip')).toBe(true);
  });
});

describe('blend', () => {
  it('the recognizers\' rules above are the ones scanParts reports', () => {
    const d = createDetector(dictionary);
    expect(d.scanParts([{ where: 'subject', text: 'qft pos - linh tran, pls call her re cxr' }, { where: 'body', text: 'thx' }]).containsPhi).toBe(true);
    expect(scanParts([{ where: 'subject', text: 'lunch - linh tran' }, { where: 'body', text: 'thx' }]).containsPhi).toBe(false);
  });
});
