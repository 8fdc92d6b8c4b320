import { describe, expect, it } from 'vitest';
import { scanParts } from '../../phi/index.ts';

// Readings added in session 24 from blind sets 753-760 (held back through session 23, then read). Made-up names and
// numbers; none taken from a test set. Each case has a twin that must go the other way.

const flags = (subject: string, body: string): boolean => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;

describe('blank forms, sets 753-760', () => {
  const form = (name: string, dob: string) =>
    `Please use this form for every outside infusion request.\n\nPatient name: ${name}\nDate of birth: ${dob}\nChart #: ________\n` +
    'Diagnosis (ICD-10): C50.___\nRegimen / cycle: ______________\nLast ANC (date/result): ________\nInfusion chair needed: [ ] yes [ ] no';
  it('a request form whose name field is still blank is nobody\'s, however clinical its field labels', () => {
    expect(flags('Template: outside infusion request', form('______________', '__/__/____'))).toBe(false);
  });
  it('the same form filled in with a patient is PHI', () => {
    expect(flags('Outside infusion request', form('Rosalind Achebe', '07/19/1958'))).toBe(true);
  });
  it('a blank witness name under a filled-in patient\'s details does not make the form a template', () => {
    const consent =
      'Consent for treatment\nPatient: Rosalind Achebe   DOB: 07/19/1958   MRN 44817730\nProcedure: port placement, left chest\n' +
      'Witness name: ______________\nWitness signature: ______________';
    expect(flags('signed consent', consent)).toBe(true);
  });
});
