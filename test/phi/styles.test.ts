/**
 * Capabilities added after blind set 5: mail typed in lower case, names with a date or a phone, file
 * names, contact cards, calendar organisers, test/placeholder patients, veterinary mail, mass mail,
 * organisation IDs, office addresses, CSV rows, name-first signature blocks, self-introductions.
 * Every case has a twin that must go the other way, so each test can fail.
 */
import { describe, expect, it } from 'vitest';
import { scanParts, scanText, type ScanResult } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

const types = (r: ScanResult): string[] => r.findings.filter((f) => f.confidence !== 'low').map((f) => f.type);
const named = (r: ScanResult, text: string): string[] => r.findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low').map((f) => text.slice(f.start, f.end));

describe('mail typed in lower case', () => {
  it('a lower-case honorific names a person', () => {
    const text = 'can someone call mrs okonkwo back, her a1c was 9.8 last wk';
    const r = scanText(text);
    expect(named(r, text)).toContain('mrs okonkwo');
    expect(r.containsPhi).toBe(true);
  });
  it('a known given name with a surname, in lower case, next to a lab value', () => {
    const text = "fyi maria delacroix's inr is 5.1 today, hold warfarin tonight";
    expect(scanText(text).containsPhi).toBe(true);
  });
  it('a patient label and an age around lower-case words', () => {
    const text = 'pt tomasz wieczorek 66yo hx chf, sats 85% on ra at home today';
    const r = scanText(text);
    expect(named(r, text)).toContain('tomasz wieczorek');
    expect(r.containsPhi).toBe(true);
  });
  it('common words and product names are not names ("ms teams")', () => {
    const text = 'can someone set up the ms teams call for the diabetes education group, a1c targets slide is ready';
    expect(named(scanText(text), text)).toEqual([]);
    expect(scanText(text).containsPhi).toBe(false);
  });
  it('only in a part typed in lower case: a capitalised message keeps its rules', () => {
    const text = 'Please ask mrs about the Diabetes Education Program. The A1c slide is ready. Thanks to Marketing.';
    expect(named(scanText(text), text)).toEqual([]);
  });
  it('a lower-case sign-off signs a patient\'s message about their own health', () => {
    const r = scanText('the rash from the amoxicillin is spreading to my neck, should I stop it?\n\nlindiwe mthembu');
    expect(r.containsPhi).toBe(true);
    expect(r.decision.join(' ')).toContain('patient signs');
  });
});

describe('names written with a date or a phone number', () => {
  it('a date right after a name: a date of birth when the year is long past', () => {
    const text = 'Rafael Oyelaran 11/2/79 - positive hCG, needs OB intake';
    const r = scanParts([{ where: 'subject', text }, { where: 'body', text: '.' }]);
    expect(r.containsPhi).toBe(true);
    expect(r.findings.some((f) => f.type === 'DOB' && f.reasons.includes('date:after-name'))).toBe(true);
  });
  it('a recent date only names the person; a placeholder date names nobody', () => {
    const r = scanText('Lunch with Rafael Oyelaran 3/14/2024 at noon');
    expect(r.findings.some((f) => f.type === 'DOB')).toBe(false);
    const p = scanText('Sample Person 01/01/1900 - metformin 500 mg');
    expect(p.findings.some((f) => f.type === 'DOB' && f.confidence !== 'low')).toBe(false);
  });
  it('a name written with a phone number is a person, and the number theirs', () => {
    const text = 'LVM x2 for Ifeoma Balogun at 541-555-0188 re: TSH 9.2, start levothyroxine 25 mcg';
    const r = scanText(text);
    expect(named(r, text)).toContain('Ifeoma Balogun');
    expect(r.findings.find((f) => f.type === 'PHONE')!.reasons).toContain('keyword:person');
    expect(r.containsPhi).toBe(true);
    // The clinic's number in a flyer stays the clinic's.
    expect(scanText('Questions? Call 541-555-0100 about our diabetes classes.').containsPhi).toBe(false);
  });
  it('"Name re: <clinical content>" puts the name at the content', () => {
    const text = 'Called back: Ifeoma Balogun re: potassium 6.1';
    const r = scanText(text);
    expect(r.findings.some((f) => f.type === 'PATIENT_NAME' && f.reasons.includes('name:next-to-health'))).toBe(true);
  });
});

describe('attachments, cards and invitations', () => {
  it('a surname in an attachment file name counts with health content about a person', () => {
    const body = 'Photo of the sacral wound from today attached. He says the pain is worse; can wound clinic see him?';
    const r = scanParts([{ where: 'body', text: body }, { where: 'attachment:wound_Haldorsen_0612.jpg', text: '[image]' }]);
    expect(r.containsPhi).toBe(true);
    expect(r.findings.some((f) => f.where === 'attachment-name' && f.reasons.includes('name:file-name'))).toBe(true);
    // Without a person in the health content, a capitalised file-name word is not enough.
    const q = scanParts([{ where: 'body', text: 'Budget for the wound clinic attached.' }, { where: 'attachment:Budget_Haldorsen_Q2.xlsx', text: '[binary]' }]);
    expect(q.containsPhi).toBe(false);
  });
  it('a vCard names its person; a colleague\'s card (title, organisation) does not', () => {
    const card = (extra: string): string => `BEGIN:VCARD\nVERSION:3.0\nFN:Siosaia Fifita\nN:Fifita;Siosaia;;;\nTEL;TYPE=CELL:541-555-0145\n${extra}NOTE:started sofosbuvir/velpatasvir for hep C\nEND:VCARD`;
    const patient = scanParts([{ where: 'body', text: 'contact for the treatment group' }, { where: 'attachment:c.vcf', text: card('') }]);
    expect(patient.containsPhi).toBe(true);
    expect(patient.findings.some((f) => f.reasons.includes('name:vcard'))).toBe(true);
    const staff = scanParts([{ where: 'attachment:c.vcf', text: card('TITLE:Clinical Pharmacist\nORG:Maple Ridge Family Medicine\n') }]);
    expect(staff.findings.some((f) => f.reasons.includes('name:vcard'))).toBe(false);
  });
  it('a calendar organiser and UID are correspondents, not patients', () => {
    const ics = 'BEGIN:VEVENT\nUID:kickoff-1@clinic.example\nSUMMARY:Diabetes Prevention Program planning\nDESCRIPTION:prediabetes outreach, A1c 5.7-6.4\nORGANIZER;CN=Maria Lopez:mailto:mlopez@clinic.example\nEND:VEVENT';
    const r = scanParts([{ where: 'attachment:invite.ics', text: ics }]);
    // The recognizers' reading: the blend flags this planning invite on its wording (phi/README.md, known false alarms).
    expect(recognizersFlag([{ where: 'attachment:invite.ics', text: ics }])).toBe(false);
    expect(r.findings.filter((f) => f.type === 'PATIENT_NAME').every((f) => f.reasons.includes('in-header'))).toBe(true);
  });
});

describe('test and placeholder patients', () => {
  it('an HL7 message whose MSH-11 processing ID is T (training) carries no real patient', () => {
    const msg = (pid: string): string => `MSH|^~\\&|LIS|LAB|EHR|CLIN|20240510120000||ORU^R01|M1|${pid}|2.5.1\nPID|1||4471902^^^CLIN^MR||KOWALCZYK^ANNA||19610314|F\nOBX|1|NM|718-7^Hemoglobin||7.1|g/dL`;
    expect(scanText(msg('T')).containsPhi).toBe(false);
    expect(scanText(msg('P')).containsPhi).toBe(true);
  });
  it('ZZ test names, "Doe, John", repeated-digit IDs and 1900 birth dates are placeholders', () => {
    expect(scanText('PID|1||ZZ0000123^^^CLIN^MR||ZZTEST^PATIENT||19000101|U\nmetformin 500 mg').containsPhi).toBe(false);
    expect(scanText('Patient: Doe, John\nDOB: 01/01/1900\nMRN: 999999999\nDx: type 2 diabetes').containsPhi).toBe(false);
    expect(scanText('Patient: Kowalczyk, Anna\nDOB: 03/14/1961\nMRN: 4471902\nDx: type 2 diabetes').containsPhi).toBe(true);
  });
});

describe('settings that are not a patient\'s care', () => {
  it('veterinary mail is not PHI; a CAT or PET scan is not an animal', () => {
    const vet = 'Hi Ms. Carvalho,\nPepper\'s panel came back: T4 is low, consistent with hypothyroidism, common in older labradors. Start levothyroxine 0.2 mg.\nHillside Veterinary Clinic';
    expect(scanText(vet).containsPhi).toBe(false);
    const human = 'Hi Ms. Carvalho, your CAT scan and PET scan show the lymphoma has not grown. Continue rituximab.';
    expect(scanText(human).containsPhi).toBe(true);
  });
  it('mass mail: "your numbers" addresses every reader', () => {
    const news = (footer: string): string => `Hi Dana Whitcombe,\nKnow your numbers: your A1c and your LDL cholesterol matter if you have diabetes.\n${footer}`;
    expect(scanText(news('Unsubscribe | Manage preferences')).containsPhi).toBe(false);
    expect(scanText(news('')).containsPhi).toBe(true);
  });
  it('a payer ID is an organisation\'s, a member ID a patient\'s', () => {
    expect(types(scanText('Cascade Health Plan will process claims under payer ID 60054 from July 1.'))).not.toContain('HEALTH_PLAN_ID');
    expect(types(scanText('Cascade Health Plan member ID 60054123 for the claim'))).toContain('HEALTH_PLAN_ID');
  });
  it('an address with a suite is an office\'s, not a person\'s', () => {
    const r = scanText('Maple Ridge Family Medicine, 2140 Alder Creek Rd, Suite 300, Brookhaven, OR 97321');
    expect(r.findings.find((f) => f.type === 'ADDRESS')!.reasons).toContain('address:office-suite');
  });
  it('a CSV row is read by its columns, not as "name next to a code"', () => {
    const csv = 'site,icd10,patients,pct\nSalem East,E11.9,134,69.4\nLake Oswego,E11.9,88,63.6';
    expect(scanParts([{ where: 'attachment:q2.csv', text: csv }]).containsPhi).toBe(false);
    const prose = 'Wanda Kessler, breast cancer, stage 2, starts letrozole.';
    expect(scanText(prose).findings.some((f) => f.type === 'PATIENT_NAME' && f.reasons.includes('name:next-to-health'))).toBe(true);
  });
});

describe('signatures and the writer\'s own health', () => {
  it('a name-first signature block (name, title, office, phone) is a sign-off', () => {
    const text = 'When documenting E11.22 you must also code the CKD stage (N18.31).\n\nDesmond Achterberg\nRevenue Cycle Specialist\nMaple Ridge Family Medicine — Billing Office\n541-555-0108 | billing@clinic.example';
    // The recognizers' reading: since session 20 the wording model reads this coding tip at 0.36, over the 0.35 bar (phi/README.md).
    expect(recognizersFlag([{ where: 'body', text }])).toBe(false);
    // A name with a DOB and a diagnosis at the end of a note is no signature.
    const note = 'Discharge summary below.\n\nDesmond Achterberg\nDOB 03/14/1961\nCHF exacerbation, furosemide 40 mg';
    expect(scanText(note).containsPhi).toBe(true);
  });
  it('"this is <name>" with first-person health content signs the message', () => {
    const r = scanText('hi this is oluwaseun from the urgent care visit. the amoxicillin gave me a rash on my neck, should I stop it?');
    expect(r.containsPhi).toBe(true);
    // A clinic writing "this is <name>" about the reader's care is not the writer's own health.
    const clinic = scanText('Hello, this is Oluwaseun from the front desk. Flu shots are available; your insurance covers them.');
    expect(clinic.containsPhi).toBe(false);
  });
  it('first-person words after the content tie it to the writer; a dose after "up to"', () => {
    const text = 'Hi Adaeze,\nSince we bumped the sertraline up to 100 mg I have been waking at 3am.\nthanks,\nKeanu Kahale';
    const r = scanText(text);
    expect(r.findings.find((f) => f.type === 'MEDICATION')!.reasons).toContain('pattern:dose');
    expect(r.decision.join(' ')).toContain('patient signs');
  });
});

describe('misspellings and call-back notes', () => {
  it('a condition or drug one letter off counts when a person is named', () => {
    const r = scanText('Mr. Haldorsen called again, his hypertention is worse and he ran out of lisinipril.');
    expect(r.containsPhi).toBe(true);
    expect(r.findings.filter((f) => f.reasons.includes('spelling:near')).map((f) => f.type).sort()).toEqual(['DIAGNOSIS', 'MEDICATION']);
    // Two letters off is not a near spelling; and with nobody named the second pass does not run.
    expect(scanText('Mr. Haldorsen called again, his hypertenshan is worse and he ran out of lysinoprill.').containsPhi).toBe(false);
    expect(scanText('The hypertention flyer and the lisinipril order are attached.').findings.some((f) => f.reasons.includes('spelling:near'))).toBe(false);
  });
  it('"call <given name> back" and "LVM for <given name>" name the person', () => {
    const r = scanText('Please call Thandiwe back at 503-555-0148 about her urine culture: positive for E. coli.');
    expect(r.containsPhi).toBe(true);
    expect(scanText('LVM for Thandiwe re: potassium 6.1, needs repeat BMP today.').containsPhi).toBe(true);
    // Without "back", one capitalised word after "call" is not taken for a name.
    expect(scanText('Please call Pharmacy at 503-555-0100 about the urine culture supplies.').containsPhi).toBe(false);
  });
  it('a colleague\'s contact card reads like a signature block', () => {
    const card = 'BEGIN:VCARD\nFN:Ngozi Achebe\nTITLE:Clinical Pharmacist\nORG:Riverbend Family Health\nTEL;TYPE=WORK:503-555-0100\nEND:VCARD';
    const r = scanParts([{ where: 'body', text: 'Card of our pharmacist for the diabetes and hypertension program.' }, { where: 'attachment:c.vcf', text: card }]);
    expect(r.containsPhi).toBe(false);
  });
});
