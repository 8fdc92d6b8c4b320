import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';

// Made-up names and numbers; none taken from a test set.
describe('styles added after blind set 7: recall', () => {
  it('a name written right before a lab with its value (a subject line), but not an unknown capitalised pair', () => {
    expect(scanParts([{ where: 'subject', text: 'Priya Vantongeren INR 4.6 - hold warfarin?' }, { where: 'body', text: '' }]).containsPhi).toBe(true);
    expect(scanParts([{ where: 'subject', text: 'Acme Analyzers INR 4.6 calibration lot' }, { where: 'body', text: '' }]).containsPhi).toBe(false);
    expect(scanText('Priya Vantongeren diabetes follow-up').containsPhi).toBe(false);
  });
  it('"<report> for <Given Surname>" in a sentence with clinical content', () => {
    expect(scanText('Cytology for Oriel Pankhurst-Ede (specimen C-44120): squamous cell carcinoma, margins clear.').containsPhi).toBe(true);
    expect(scanText('Results for Grand Rounds (Tuesday): squamous cell carcinoma case review.').containsPhi).toBe(false);
    expect(scanText('Results for Oriel Pankhurst-Ede are ready in the portal.').containsPhi).toBe(false);
  });
  it('a voicemail from a number whose caller describes her own symptoms; a business call stays clear', () => {
    expect(scanText('Voicemail from 802-555-0163: says her chest pain came back overnight and her ankles are swollen.').containsPhi).toBe(true);
    expect(scanText('Voicemail from 802-555-0163: the vendor says the insulin pump training is moved to Monday.').containsPhi).toBe(false);
  });
  it('a date of birth written in words', () => {
    expect(scanText('Referral: Oswin Talbot-Reyes, born the twenty-third of October, nineteen fifty-two, has COPD on tiotropium.').containsPhi).toBe(true);
    expect(scanText('Referral: Oswin Talbot-Reyes, born 3rd of May 1950, has COPD.').containsPhi).toBe(true);
    expect(scanText('Founded the first of May, nineteen ninety, our clinic has treated COPD since.').containsPhi).toBe(false);
  });
  it('an image file named with a capitalised word and a date, with clinical content in the message', () => {
    const body = 'Photo of the heel ulcer attached: stage 2 pressure injury, less slough than last week.';
    expect(scanParts([{ where: 'body', text: body }, { where: 'attachment:Quillfeather_heel_2024-11-02.jpg', text: '[image/jpeg]' }]).containsPhi).toBe(true);
    expect(scanParts([{ where: 'body', text: 'Photos from the staff picnic attached.' }, { where: 'attachment:Quillfeather_2024-11-02.jpg', text: '[image/jpeg]' }]).containsPhi).toBe(false);
  });
});

describe('styles added after blind set 7: precision', () => {
  it('a name with an upper-case credential or a programme role is staff', () => {
    expect(scanText('Facilitator: Maria Quellbrunn. Care managers enroll patients with prediabetes in the class.').containsPhi).toBe(false);
    expect(scanText('Questions to Maria Quellbrunn, RDN. Patients with prediabetes qualify for the class.').containsPhi).toBe(false);
    expect(scanText('Maria Quellbrunn, DOB 04/12/1961, has prediabetes.').containsPhi).toBe(true);
  });
  it('a provider directory CSV (npi / specialty columns) names clinicians, not patients', () => {
    const csv = 'name,specialty,npi,phone\nElena Marwick MD,Cardiology,1234567893,802-555-0190\nJohn Oyelowo DO,Endocrinology,1245319599,802-555-0191\n';
    expect(scanParts([{ where: 'body', text: 'Updated directory attached.' }, { where: 'attachment:dir.csv', text: csv }]).containsPhi).toBe(false);
    const patients = 'name,dob,dx\nElena Marwick,1950-03-04,heart failure\n';
    expect(scanParts([{ where: 'body', text: 'List attached.' }, { where: 'attachment:list.csv', text: patients }]).containsPhi).toBe(true);
  });
  it('a condition naming a service ("my diabetes group visit") is not the writer\'s condition', () => {
    expect(scanText('Hi Elena,\n\nPlease move my Tuesday asthma clinic to Dr. Rowe while I am away.\n\nThanks').containsPhi).toBe(false);
    expect(scanText('Hi Elena,\n\nMy asthma is worse since Tuesday and I need a refill.\n\nThanks, John Oyelowo').containsPhi).toBe(true);
  });
  it('an out-of-office reply lists colleagues to contact; its subject is still read', () => {
    const body = 'I am out of the office until Monday. For refill questions please contact Elena Marwick at 802-555-0177.\n\nJohn Oyelowo, Pharmacy Liaison';
    expect(scanParts([{ where: 'subject', text: 'Automatic reply: metformin refills' }, { where: 'body', text: body }]).containsPhi).toBe(false);
    expect(scanParts([{ where: 'subject', text: 'Automatic reply: Elena Marwick DOB 03/04/1950 metformin refill' }, { where: 'body', text: body }]).containsPhi).toBe(true);
  });
  it('details written with a placeholder patient are made up too', () => {
    expect(scanText('Practice chart: John Doe, DOB 07/04/1975, 12 Elm Rd, Springfield. Do not use real patient data.').containsPhi).toBe(false);
    expect(scanText('Practice chart: John Doe.\nReal referral: Elena Marwick, DOB 07/04/1975, has heart failure.').containsPhi).toBe(true);
  });
});
