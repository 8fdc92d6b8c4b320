import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';
import { recognizersFlagText } from './recognizers.ts';

// Readings added in session 13 from blind sets 228-235, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const names = (text: string) => scanText(text).findings.filter((f) => f.type === 'PATIENT_NAME').map((f) => text.slice(f.start, f.end));
const attached = (file: string) => scanParts([{ where: 'subject', text: 'scan' }, { where: 'body', text: 'scanned at the visit, please file' }, { where: 'attachment-name', text: file }]);

describe('words in capitals before clinical content', () => {
  it('a section heading in capitals is no name ("PROTOCOL STEP: anaphylaxis")', () => {
    expect(names('Draft for signature.\n\nPROTOCOL STEP: anaphylaxis in any student\n- epinephrine 0.3 mg IM\n\nPROTOCOL STEP: hypoglycemia with diabetes on file\n- 15 g glucose')).toEqual([]);
  });
  it('a name in capitals opening with a listed given name still is one', () => {
    expect(names('Census:\nMARIA OYELARAN: pneumonia, on ceftriaxone')).toEqual(['MARIA OYELARAN']);
  });
});

describe('letters and weekdays that are no names', () => {
  it('"M&M. Per policy" is no honorific and name', () => {
    expect(names('Case for the M&M. Per policy it is de-identified: fever on HD, blood cultures grew MSSA.')).toEqual([]);
    expect(names('Bonjour, M. Perrault a une fièvre depuis hier.')).toEqual(['M. Perrault']);
  });
  it('"Hmong, Thu 1-3 (2 LTBI follow-ups)" is a language and a weekday', () => {
    expect(names('need:\n- Hmong, Thu 1-3 (2 LTBI follow-ups)\n- Karen, Fri 10:00 (1 TB screen)')).toEqual([]);
    expect(names('list:\n- Nguyen, Thu - LTBI, starting rifampin')).toEqual(['Nguyen, Thu']);
  });
  it('in a Polish rota "pt:" is Friday, not a patient label', () => {
    const rota = (head: string) => `${head}pt: Bożena 7:00-15:30, Halina wolne\n\nPiotr`;
    expect(names(rota('grafik:\npon: Bożena 7:00-15:30\nwt: Halina 6:00-14:30\n'))).not.toContain('Bożena');
    expect(names(rota('fit test list:\n'))).toContain('Bożena');
  });
});

describe('whose health the words are', () => {
  it('"people keep asking me: does Medicare pay for hospice" is a question put to the writer', () => {
    const text = (ask: string) => `Hello,\n\n${ask} does Medicare pay for hospice in a nursing home?\n\nThank you,\nMarian Esh\n330-555-0148`;
    // The recognizers' reading: the wording model calls this one PHI (phi/README.md, the blend's known false alarms).
    expect(recognizersFlagText(text('People at church keep asking me:'))).toBe(false);
    expect(recognizersFlagText(text('I am dying of pancreatic cancer and my daughter wonders:'))).toBe(true);
  });
  it('"a special interest in home dialysis" is a clinician\'s field', () => {
    const welcome = (field: string) => `Please welcome Dr. Tobias Renner, nephrologist, from 8/4. ${field}\n\nOffice: 1120 Ashby Rd Ste 4, Macon GA 31201\n\nStop by and say hi!\nNkechi`;
    expect(recognizersFlagText(welcome('He has a special interest in home dialysis and glomerular disease.'))).toBe(false);
    expect(recognizersFlagText(welcome('He is on home dialysis himself for glomerular disease.'))).toBe(true);
  });
});

describe('clinical words added', () => {
  it('a DNR signed and filed under a full name', () => {
    expect(attached('Yoder_Menno_DNR_signed_2025-02-11.pdf').containsPhi).toBe(true);
    expect(attached('Yoder_Menno_mileage_signed_2025-02-11.pdf').containsPhi).toBe(false);
  });
  it('dialysis adequacy (Kt/V, URR) in a table of names', () => {
    const text = 'Below target this month:\n\nName           Kt/V   URR\nHollowell, B   1.07   61%\nTrask, M       1.12   63%\n\n-QI';
    expect(scanText(text).containsPhi).toBe(true);
  });
});

describe('a surname with an initial, or in the possessive', () => {
  it('"Kravets_O_PTSD_eval.pdf": a surname and initial in a clinical file name', () => {
    expect(attached('Kravets_O_PTSD_eval_2025-01-09.pdf').containsPhi).toBe(true);
    expect(attached('Kravets_O_timesheet_2025-01-09.pdf').containsPhi).toBe(false);
  });
  it('"rostami\'s a1c came back 9.6": a surname owning a result with its value', () => {
    expect(scanText("fyi rostami's a1c came back 9.6. dr lee wants a call before we book").containsPhi).toBe(true);
    expect(scanText("fyi today's a1c came back 9.6 on the control sample. dr lee wants a call before we book").containsPhi).toBe(false);
  });
});
