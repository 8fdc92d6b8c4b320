import { describe, expect, it } from 'vitest';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 33 from blind sets 1441-1448 (held back through session 32, then read) and the sets
// written after them. Made-up names and numbers; none taken from a test set. Each case has a twin that must go the
// other way.

const parts = (subject: string, body: string) => [{ where: 'subject', text: subject }, { where: 'body', text: body }];

describe('record and member numbers, sets 1441-1448', () => {
  it('a record number behind a break-the-glass prompt is a chart\'s', () => {
    expect(recognizersFlag(parts('BTG again', 'why does KW-5520714 give me a break the glass warning? only trying to room them for 10:40'))).toBe(true);
  });
  it('a break-the-glass notice with no record number names no chart', () => {
    expect(recognizersFlag(parts('BTG again', 'reminder: every break the glass warning is reviewed by privacy within 48 hours, so pick a reason that fits'))).toBe(false);
  });
  it('two record numbers called duplicates are charts to merge', () => {
    expect(recognizersFlag(parts('TRX-4401276 / TRX-4401627 duplicate', 'same lady, registration made a second chart this morning. pls merge into the older one'))).toBe(true);
  });
  it('a software merge beside a number format names no chart', () => {
    expect(recognizersFlag(parts('account number format', 'after the billing merge, new accounts start at TRX-400000 and old charts keep theirs. nothing to retype.'))).toBe(false);
  });
  it('asking whether an ID is "still active" with a plan is an eligibility check on a member', () => {
    expect(recognizersFlag(parts('elig q', 'is QHP771204396 still active w/ Lakeshore? front desk needs to know before the 3:30'))).toBe(true);
  });
  it('a licence number "still active" with a board is a clinician\'s', () => {
    expect(recognizersFlag(parts('license q', 'is my QHP771204396 license still active w/ the board? HR needs to know before Friday'))).toBe(false);
  });
  it('a Somali "his membership number is" labels a member ID', () => {
    expect(recognizersFlag(parts('caymiska gabadhayda', 'Fadlan hubiya caymiska gabadhayda. Lambarka xubinnimadeedu waa KR508812364. Mahadsanid.'))).toBe(true);
  });
  it('a Somali reminder to bring an insurance card names no member', () => {
    expect(recognizersFlag(parts('xusuusin', 'Fadlan keena kaarka caymiska marka aad timaadaan ballanta. Mahadsanid.'))).toBe(false);
  });
});

describe('staff and periods, sets 1441-1448', () => {
  it('a staff member named with a lower-case job after her is no patient', () => {
    expect(recognizersFlag(parts('new sepsis screening form', 'Please use the new sepsis screening form from Monday.\nQuestions to Rosalind Okafor, sepsis coordinator.'))).toBe(false);
  });
  it('the same name with sepsis of her own is a patient', () => {
    expect(recognizersFlag(parts('bed 12', 'Rosalind Okafor, sepsis from a urinary source, lactate 4.1, started on cefepime 2 g.'))).toBe(true);
  });
  it('a registry signing a dashboard is a department', () => {
    expect(recognizersFlag(parts('Q2 sepsis dashboard', 'Q2 summary for the committee:\n- sepsis alerts: 311\n- bundle compliance: 78%\nSlides Friday.\n\nDmitri Kovacs, Sepsis Registry'))).toBe(false);
  });
  it('a month range heading aggregate counts names nobody', () => {
    expect(recognizersFlag(parts('Q1 numbers', 'Q1 summary (Jan-Mar 2025):\n- 88 referrals for asthma (J45.909)\n- 41 with COPD (J44.9)\n- 19 with PTSD (F43.10)\n- 30 new CPAP set-ups for sleep apnea (G47.33)\nNo individual data.'))).toBe(false);
  });
  it('a patient named on the line before the same counts is one', () => {
    expect(recognizersFlag(parts('labs', 'Results for Omar Haddad (Jan 2025):\n- A1c 9.4%\n- LDL 171 mg/dL'))).toBe(true);
  });
  it('a navigator "on site" is staff on a rota', () => {
    expect(recognizersFlag(parts('Friday', 'Dr. Lena Park reads screening MRI all day. Navigator on site: Wilhelmina Castro. Route BI-RADS 4 calls to Wilhelmina.'))).toBe(false);
  });
  it('a French case called anonymised is nobody\'s, whoever signs it', () => {
    expect(recognizersFlag(parts('Cas pour vendredi', 'Voici le cas anonymisé : un homme de 60 ans, diagnostiqué diabète il y a 5 ans, sous metformine.\n\nAurélie Gagnon'))).toBe(false);
  });
  it('a French patient who signs her own diabetes is herself', () => {
    expect(recognizersFlag(parts('Mon traitement', "J'ai été diagnostiquée diabète il y a 5 ans, je prends de la metformine et j'ai des nausées.\n\nAurélie Gagnon"))).toBe(true);
  });
});
