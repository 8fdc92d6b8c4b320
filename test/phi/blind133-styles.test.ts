import { describe, expect, it } from 'vitest';
import { scanParts } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 11 from blind sets 133-156, read only once they were no longer held back. Made-up
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
    // (Not with a booking number after the name: "Bkg 25-004417" is a labelled record number, which names the row itself.)
    const order = (below: string) => `Ready for the 3 pm courier:\n\nMarchetti, Gianna  Housing C-14\n${below}\n\nPlease sign the manifest.`;
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

describe('staff and organisations read as such (sets 149-156)', () => {
  const inSignature = (body: string, text: string) => found('note', body).filter((f) => (f.type === 'ADDRESS' || f.type === 'PATIENT_NAME') && body.slice(f.start, f.end) === text)[0]?.reasons ?? [];
  it('"Home" in a service\'s name and an address with a suite are no one\'s home', () => {
    const address = (line: string) => found('supplies', `Thanks for the fast deliveries this week.\n\n${line}\n2200 Tamarack Pkwy, Suite 310, Madison, WI 53705`).find((f) => f.type === 'ADDRESS')?.reasons ?? [];
    expect(address('Riverside Kidney & Home Dialysis')).not.toContain('keyword:home');
    expect(address('Cedar Grove Nursing Home')).not.toContain('keyword:home');
    const home = found('visit', 'Home visit for dialysis training: home address 2200 Tamarack Pkwy, Madison.').find((f) => f.type === 'ADDRESS')?.reasons ?? [];
    expect(home).toContain('keyword:home');
  });
  it('a sign-off block whose title or department names health work is a signature; a patient\'s closing lines are not', () => {
    const sig = 'Survey closed with 38 responses.\n\nRuth Abernathy\nPractice Manager | Riverside Kidney & Home Dialysis\n2200 Tamarack Pkwy, Suite 310, Madison, WI 53705\n608-555-0150';
    expect(inSignature(sig, 'Ruth Abernathy')).toContain('in-signature');
    const barred = 'Check registrations against the table.\n\nGreg Lindqvist | Immunization Compliance | 608-555-0112';
    expect(inSignature(barred, 'Greg Lindqvist')).toContain('in-signature');
    const patient = 'Pls add to the Tuesday list.\n\nRuth Abernathy\nDialysis MWF, DOB 3/4/51\n608-555-0150';
    expect(inSignature(patient, 'Ruth Abernathy')).not.toContain('in-signature');
  });
  it('a department under a person\'s name is theirs, not a second signer', () => {
    const body = 'Eylea 2 mg acquisition cost is now $1,843.00.\n\nMarta Lindgren\nMaterials Management';
    expect(inSignature(body, 'Marta Lindgren')).toContain('in-signature');
  });
  it('a decade is an age with no name after it; an age and sex may have one', () => {
    const names = (body: string) => found('case', body).filter((f) => f.type === 'PATIENT_NAME' && f.reasons.includes('name:with-age'));
    expect(names('A woman in her 60s developed diffuse corneal edema after phaco.')).toHaveLength(0);
    expect(names('67M arjun bhattacharya, CP since 1400, trop pending.')).toHaveLength(1);
  });
  it('"MA" in capitals is an abbreviation, not the French pronoun', () => {
    const personal = (body: string) => scanParts(parts('pricing', body)).decision.join(' ');
    expect(personal('Step therapy applies for most MA plans (Avastin first).\n\nMarta')).not.toContain('their own health');
    expect(personal('Je prends ma metformine 500 mg deux fois par jour depuis mars.\n\nMarta')).toContain('their own health');
  });
  it('"outpatient" in a job title names a job, not health content; a patient who is an inpatient is one', () => {
    expect(found('visitor', 'The visitor was the mother of Tobias Wren, who is an inpatient on the adolescent behavioral health unit.').some((f) => f.type === 'OTHER' && f.confidence !== 'low')).toBe(true);
    const onboarding = (title: string) => recognizersFlag(parts('onboarding', `Please confirm before payroll runs:\n  Home address: 77 Larkspur Rd, Millbrook WI 53704\n  Cell: 608-555-0188\n  Start date: 5/6/2024, ${title}`));
    expect(onboarding('Outpatient Therapist')).toBe(false);
    expect(onboarding('seen for asthma exacerbation, albuterol 2 puffs q4h')).toBe(true);
  });
});

describe('records read from their shape (cross-validated misses of sets 2-148)', () => {
  it('a file named with a person\'s full name and a test is that person\'s record', () => {
    const named = (file: string) => found('studies', 'Two studies attached for QA rescoring.', [{ where: 'attachment-name', text: file }]).filter((f) => f.reasons.includes('name:full'));
    expect(named('PSG_Hollister_Renata_2025-03-11_split-night.pdf')[0]?.reasons).toContain('name:next-to-health');
    expect(named('Travel_Hollister_Renata_2025-03-11_itinerary.pdf')[0]?.reasons).not.toContain('name:next-to-health');
  });
  it('"last,first" columns hold names, and a row\'s clinical cell is its person\'s; a unit column is no one\'s health', () => {
    const csv = (header: string, rows: string) => [{ where: 'attachment:list.csv', text: `${header}\n${rows}` }];
    const list = csv('case_no,last,first,age,onset,result', '1,Novak,Teresa,67,2024-05-19,Salmonella Enteritidis\n2,Baptiste,Wendell,41,2024-05-20,pending');
    expect(recognizersFlag(parts('line list v3', 'Updated line list attached.', list))).toBe(true);
    const shifts = csv('date,shift,name,role,unit,cell', '2025-04-01,D,Tamsin Roybal,RN,Dialysis,720-555-0114\n2025-04-01,N,Kip Whitlock,RN,Ortho 4W,720-555-0127');
    expect(recognizersFlag(parts('April float pool', 'attached. swaps to me by 3/25', shifts))).toBe(false);
  });
});

describe('vocabulary found missing (session 11)', () => {
  const types = (body: string) => found('note', body).map((f) => f.type);
  it('everyday brands and procedures are health content; an English word that is also a brand is left out', () => {
    expect(types('is she ok for another zofran 4 mg? still nauseated')).toContain('MEDICATION');
    expect(types('Coumadin held since Tuesday, recheck Friday.')).toContain('MEDICATION');
    expect(types('7 months out from the ACL graft, hop testing next week.')).toContain('OTHER');
    expect(types('Silent aspiration on the modified barium swallow this morning.')).toContain('OTHER');
    // "Versed" (midazolam) is also "well versed": not listed.
    expect(types('She is well versed in the new scheduling workflow.')).not.toContain('MEDICATION');
  });
});

describe('calendar invitations (cross-validated misses)', () => {
  const ics = (attendees: string[], description: string) => [{ where: 'attachment:invite.ics', text: ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'SUMMARY:Wound check', `DESCRIPTION:${description}`, 'ORGANIZER;CN=Device Clinic:mailto:deviceclinic@clinic.example', ...attendees.map((a) => `ATTENDEE;CN=${a};RSVP=TRUE:mailto:someone@mail.example`), 'END:VEVENT', 'END:VCALENDAR'].join('\n') }];
  const attendee = (attendees: string[], description: string) => found('Invitation', 'You have been invited.', ics(attendees, description)).find((f) => f.type === 'PATIENT_NAME' && f.where === 'attachment:invite.ics')?.reasons ?? [];
  it('the one attendee of an appointment with a definite clinical finding is its patient', () => {
    expect(attendee(['Beatriz Moura'], '10-14 day wound check s/p ICD generator change 4/11. Bring your home monitor.')).toContain('name:next-to-health');
  });
  it('attendees of a meeting stay correspondents', () => {
    expect(attendee(['Beatriz Moura', 'Daniel Ortiz'], '10-14 day wound check s/p ICD generator change 4/11. Bring your home monitor.')).toContain('in-header');
    expect(attendee(['Beatriz Moura'], 'Quarterly review of the wound clinic schedule and staffing.')).toContain('in-header');
  });
});

describe('verbs of care before a name (cross-validated misses)', () => {
  it('"Enrolled <name> in <condition> monitoring" names the patient; a programme enrolled in a place does not', () => {
    const names = (body: string) => found('RPM enrollment', body).filter((f) => f.reasons.includes('name:care-cue'));
    expect(names('Enrolled Kateryna Shevchenko in postpartum HTN remote monitoring. Cuff shipped to home.')).toHaveLength(1);
    expect(names('We enrolled in the postpartum HTN remote monitoring pilot. Cuffs shipped to the clinic.')).toHaveLength(0);
  });
});

describe('letters to patients (cross-validated misses)', () => {
  const greeted = (body: string) => found('letter draft', body).find((f) => f.type === 'PATIENT_NAME' && f.reasons.includes('name:honorific'))?.reasons ?? [];
  it('"Dear Mrs …" over a paragraph telling them their own diagnosis names the patient', () => {
    expect(greeted('Dear Mrs. Abena Mensah,\nYour genetic test found a change in the MLH1 gene, which means you have Lynch syndrome.')).toContain('name:next-to-health');
  });
  it('a donor thanked by a hospice foundation is no patient', () => {
    expect(greeted('Dear Mrs. Engebretson,\nThank you for registering for the Lakeview Hospice Foundation golf outing. Your payment has been received.')).not.toContain('name:next-to-health');
  });
});

describe('made-up rows', () => {
  it('the first name beside a placeholder surname in a split-name table is made up too', () => {
    const rows = (last: string) => [{ where: 'attachment:import.csv', text: `mrn,last,first,dob,dx\nTEST-0000001,${last},Alpha,1900-01-01,F32.9\nTEST-0000002,${last},Bravo,1900-01-01,F11.20` }];
    expect(recognizersFlag(parts('import test file', 'Synthetic rows for the dry run.', rows('Testpatient')))).toBe(false);
    expect(recognizersFlag(parts('import file', 'Rows for the import.', rows('Okonkwo').map((p) => ({ ...p, text: p.text.replace(/TEST-/g, 'A').replace(/1900-01-01/g, '1961-04-12') }))))).toBe(true);
  });
});

describe('ages in lists (cross-validated misses)', () => {
  it('"Name, 72 - cataract" gives the age before a dash; a range of seats does not', () => {
    const named = (body: string) => found('cases', body).filter((f) => f.reasons.includes('name:with-age'));
    expect(named('1. Georgios Vlachos, 72 - dense brunescent cataract OD')).toHaveLength(1);
    expect(named('Room 2, Building C, 72 - 80 seats available')).toHaveLength(0);
  });
});

describe('a veterinary setting needs more than one word shared with human care', () => {
  it('"canine" in dental mail is a tooth', () => {
    const dental = 'pano attached. Upper right canine looks impacted (#6), primary C still hanging on. CBCT before the consult?';
    expect(scanParts(parts('pano for ortho consult', dental)).decision.join(' ')).not.toContain('veterinary');
    expect(scanParts(parts('pano for ortho consult', dental, [{ where: 'attachment-name', text: 'Kowalczyk_Aiden_PAN_2025-04-02.jpg' }])).containsPhi).toBe(true);
    // A veterinary clinic's mail about a dog stays an animal's.
    expect(recognizersFlag(parts('Max - lymphoma', 'Canine lymphoma: Max (Labrador, 9y) starts CHOP Monday, owner Dana Ruiz 555-0142. DVM on call.'))).toBe(false);
  });
});

describe('dental words', () => {
  it('a dental filling is care; "filling out" a form is not', () => {
    const types = (body: string) => found('note', body).map((f) => f.type);
    expect(types('She needs a filling on #19 and has two cavities.')).toContain('OTHER');
    expect(types('Thanks for filling out the survey before Friday.')).not.toContain('OTHER');
  });
});
