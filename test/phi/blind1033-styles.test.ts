import { describe, expect, it } from 'vitest';
import { scanText } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 29 from blind sets 1033-1040 (held back through session 28, then read) and the sets
// written after them. Made-up names and numbers; none taken from a test set. Each case has a twin that must go the
// other way.

const parts = (subject: string, body: string) => [{ where: 'subject', text: subject }, { where: 'body', text: body }];
const found = (text: string, type: string): string[] => {
  const r = scanText(text);
  return r.findings.filter((f) => f.type === type && f.confidence !== 'low').map((f) => text.slice(f.start, f.end));
};

describe('organisations named for a condition, sets 1033-1040', () => {
  it('a capitalised programme or course named for a condition is nobody\'s ("Neonatal Resuscitation Program")', () => {
    const body = 'Congratulations, Daniela Ferraro!\n\nYou completed the instructor course on 02/11/2025. Your card is valid through 02/28/2027.';
    expect(recognizersFlag(parts('Your card: Neonatal Resuscitation Program instructor course', body))).toBe(false);
  });
  it('the same condition told of a named baby stays the baby\'s', () => {
    const body = 'Ottilie Brandvik was born at 31 weeks and has neonatal jaundice; phototherapy started 02/11/2025.';
    expect(recognizersFlag(parts('NICU update', body))).toBe(true);
  });
  it('a condition before "Center" names the centre ("the Brackwater Cancer Center is at 410 Fenmore Road")', () => {
    expect(found('Infusion is on level 2 of the Brackwater Cancer Center, 410 Fenmore Road, Suite 12.', 'DIAGNOSIS')).toEqual([]);
  });
  it('a patient\'s cancer stays a diagnosis beside the same centre', () => {
    expect(found('Joel Amsterdam has colon cancer and starts chemotherapy at the Brackwater Cancer Center on 03/02/2025.', 'DIAGNOSIS')).toContain('colon cancer');
  });
});

describe('statistics and write-ups, sets 1033-1040', () => {
  it('a condition with a count of people and its share is a statistic ("Elevated LDL cholesterol: 12 participants (32%)")', () => {
    const body = 'Dear Mr. Harrowgate,\n\nHere is the aggregate report for your staff screening day.\n\nElevated LDL cholesterol: 14 participants (28%)\nHypertension: 9 (18%)\n\nRegards,\nDr. Pell';
    expect(recognizersFlag(parts('Screening day summary', body))).toBe(false);
    expect(found('Hypertension: 9 (18%)', 'DIAGNOSIS')).toEqual([]);
  });
  it('one person\'s condition with a colon and a number stays theirs', () => {
    const body = 'Dear Mr. Harrowgate,\n\nYour results from the screening day: LDL cholesterol 212 mg/dL, above goal. Hypertension: 158/96 today.\n\nRegards,\nDr. Pell';
    expect(recognizersFlag(parts('Your screening results', body))).toBe(true);
    expect(found('Hypertension: 158/96 today', 'DIAGNOSIS')).toEqual(['Hypertension']);
  });
  it('a case written up "anonymized" is nobody\'s, whoever signs it', () => {
    const body = 'Marisol,\n\nHere is the anonymized case for the board packet: a man in his 50s, uninsured, admitted for a heart attack, balance of about $58,000.\n\nGwen';
    expect(recognizersFlag(parts('Case for the board packet', body))).toBe(false);
  });
  it('a writer telling of their own heart attack still signs their own health', () => {
    const body = 'Marisol,\n\nI was admitted for a heart attack last month and I am now in cardiac rehab; please move my appointment.\n\nGwen';
    expect(recognizersFlag(parts('My appointment', body))).toBe(true);
  });
});

describe('work-list rows, sets 1033-1040', () => {
  it('a surname, a dash and one diagnosis code between dashes heads a row ("Oyelowo - C50.412 - …")', () => {
    expect(found('Oyelowo - C50.412 - sim moved to 4/2, waiting on the outside MRI. fyi', 'PATIENT_NAME')).toEqual(['Oyelowo']);
  });
  it('a greeting before a dash and one code in prose stays a greeting', () => {
    expect(found('Oyelowo - C50.412 is the code the billing team asked about. fyi', 'PATIENT_NAME')).toEqual([]);
  });
});
