import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';
import { recognizersFlag, recognizersFlagText } from './recognizers.ts';

// Readings added in session 15 from blind sets 292-299, read only once they were no longer held back. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.
const types = (text: string, where = 'body') => scanText(text, { where }).findings.map((f) => f.type);

describe('whose health', () => {
  it('a surname alone opening a line, then a date of the last century, is a patient with their birth date', () => {
    expect(types('Kowalski 07/14/1948 I50.22 BHP771204551 - ok for the 5/6 echo?')).toEqual(expect.arrayContaining(['PATIENT_NAME', 'DOB']));
    expect(recognizersFlagText('Kowalski 07/14/1948 I50.22 BHP771204551 - ok for the 5/6 echo?')).toBe(true);
    // A policy's revision date, and a date of this century, are nobody's birth date.
    expect(types('Revised 07/14/1998 I50.22 coding guidance for the echo lab')).not.toContain('DOB');
    expect(types('Kowalski 07/14/2025 I50.22 BHP771204551 - ok for the 5/6 echo?')).not.toContain('DOB');
  });
  it('a name with its title owns what follows its possessive ("Mrs. Celestin\'s dialysis")', () => {
    expect(recognizersFlagText("Mr. Baptiste's dialysis chair moves to Mon/Wed/Fri 6am from next week, please re-book the van.")).toBe(true);
    expect(recognizersFlagText("Mr. Baptiste's retirement party moves to Friday 6pm from next week, please re-book the van.")).toBe(false);
  });
});

describe('terms typed in lower case', () => {
  it('isolation organisms in a terse nursing note ("nares pcr mrsa pos", "vre")', () => {
    expect(recognizersFlagText('rm 318 mr okafor - nares pcr mrsa pos. contact iso pls, sign on door')).toBe(true);
    expect(recognizersFlagText('rm 318 mr okafor - rectal swab vre pos. contact iso pls, sign on door')).toBe(true);
    expect(recognizersFlagText('rm 318 mr okafor - moved to the window bed. sign on door pls')).toBe(false);
  });
  it('an x-ray in a file name typed in lower case ("bone_age_xray")', () => {
    const file = (name: string) => recognizersFlag([{ where: 'body', text: 'fyi before the 8am huddle' }, { where: 'attachment-name', text: name }]);
    expect(file('Nakamura_Kenji_DOB2014-02-03_bone_age_xray_L_hand.pdf')).toBe(true);
    expect(file('Nakamura_Kenji_DOB2014-02-03_field_trip_form.pdf')).toBe(false);
  });
});

describe('what names no patient', () => {
  const scenario = (aside: string) => `Facilitators,\n\nScenario for Thursday's simulation lab.${aside}\n\nSP name: "Rosa Denning", 31\nPresents after a fall; intoxicated earlier, partial memory loss. Offer ulipristal and STI prophylaxis.\n\nMarisol Quintero, RN`;
  it('a standardized patient played by an actor', () => {
    expect(recognizersFlagText(scenario(' The standardized patient is an actor; everything below is invented.'))).toBe(false);
    expect(recognizersFlagText(scenario(''))).toBe(true);
  });
  it('a short abbreviation joined to a model number ("FX-200") is a product, not a fracture', () => {
    expect(types('Firmware 3.2 is available for the FX-200 colposcope cameras, SN LSX2-00419.')).not.toContain('DIAGNOSIS');
    expect(types('L wrist FX, cast on, ortho f/u Tues')).toContain('DIAGNOSIS');
  });
  it('two short acronyms before a verb are a unit, not a person ("the ED FNE pocket arrived")', () => {
    const restock = (who: string) => scanParts([{ where: 'body', text: `Dana,\n\nRestock for ${who} arrived:\n- Ulipristal acetate 30 mg x 20\n- Levonorgestrel 1.5 mg x 30\n\nWarren Pike, PharmD` }]);
    expect(restock('the ED FNE pocket').findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low')).toHaveLength(0);
    expect(recognizersFlagText('Dana,\n\nRestock for the ED FNE pocket arrived:\n- Ulipristal acetate 30 mg x 20\n- Levonorgestrel 1.5 mg x 30\n\nWarren Pike, PharmD')).toBe(false);
    expect(recognizersFlagText('Dana,\n\nMarisol Vega arrived at 2am:\n- Ulipristal acetate 30 mg given\n- Levonorgestrel 1.5 mg given\n\nWarren Pike, PharmD')).toBe(true);
  });
});

// Session 15, from blind sets 300-307 once released.
describe('headings, codes and subjects (sets 300-307)', () => {
  it('a term wraps onto the next line only from a line as long as a wrapped one ("WALK TEST" over "Patient:")', () => {
    const report = 'SIX-MINUTE WALK TEST\nPatient: Rosa Delgado    MRN: 44521077\nIndication: post-COVID exertional dyspnea (U09.9)\nnadir SpO2 86%';
    expect(recognizersFlagText(report)).toBe(true);
    // Hard-wrapped prose still reads "test patient" across the break: made-up data.
    expect(recognizersFlagText('Please use this record when you try the new order screens, it is only a test\npatient: Rosa Delgado, MRN 44521077, dx post-COVID dyspnea (U09.9), nadir SpO2 86%')).toBe(false);
  });
  it('a surname and an initial right before diagnosis codes in brackets ("SIHARATH B. (J45.50, K35.80)")', () => {
    expect(recognizersFlagText('Swap order OR 3: VONGSA K. (J45.50, K35.80) goes first, then the 10:30.')).toBe(true);
    expect(recognizersFlagText('Swap order OR 3: Case B. (J45.50, K35.80) goes first, then the 10:30.')).toBe(false);
  });
  it('whom a subject\'s request is for, written surname first ("interp for Quiñones, Eduardo … new HIV dx")', () => {
    const subject = (what: string) => recognizersFlag([{ where: 'subject', text: `Re: Spanish interp for Quiñones, Eduardo 3/14 ID clinic – ${what}, wants same interpreter` }, { where: 'body', text: 'Confirmed. Paola will cover it.\n\nMarco' }]);
    expect(subject('new HIV dx')).toBe(true);
    expect(subject('new badge')).toBe(false);
  });
  it('a joint replacement written with its verb ("had my left knee replaced")', () => {
    const reply = (what: string) => recognizersFlagText(`Count me in for all four Saturdays!\n\nDiego Morales\n\nPS: just so the instructor knows, I had my left ${what} replaced in January, so I may sit out some of the floor moves.`);
    expect(reply('knee')).toBe(true);
    expect(reply('kitchen counter')).toBe(false);
  });
  it('a second given name after a clinician\'s title and first name is the clinician\'s ("Dra. Ana Lucía Benavides")', () => {
    const names = (text: string) => scanText(text).findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low');
    expect(names('La Dra. Ana Lucía Benavides explicará cómo preparar su cuerpo si usted tiene diabetes.')).toHaveLength(0);
    expect(names('La paciente Ana Lucía Benavides tiene diabetes y presión alta.')).not.toHaveLength(0);
  });
  it('Tagalog "sa" is a preposition, French "sa" a possessive', () => {
    expect(recognizersFlagText('Hi team,\n\nSimula Hulyo 1, kailangan na ng prior auth para sa lahat ng outpatient MRI at CT.\n\nSalamat,\nAte Weng')).toBe(false);
    expect(recognizersFlagText('Bonjour,\n\nsa IRM de contrôle est prévue lundi pour sa hernie discale.\n\nMerci,\nJeanne Morel')).toBe(true);
  });
});

describe('record numbers staff handle (older sets re-read in session 15)', () => {
  it('a zero-padded number that staff ask to pull, unlock or merge is a chart\'s record number', () => {
    const ask = (verb: string) => recognizersFlagText(`can someone ${verb} 00731855? it's stuck in 'rehab intake' status and I can't sign the ITP. thx - tomas`);
    expect(ask('unlock')).toBe(true);
    expect(recognizersFlagText('pls pull KLR-00731846 for the chart audit, need consent + op note by 3')).toBe(true);
    expect(ask('re-order')).toBe(false);
  });
});

describe('sets 308-315', () => {
  it('one name, a dash and a result with its value opening the note ("Nwachukwu – trop 2.3")', () => {
    expect(recognizersFlagText('Okonkwo – trop 2.3 (was 0.9), K 5.9, new ST elevation inferior leads. CT surg paged. pls come')).toBe(true);
    expect(recognizersFlagText('Okonkwo – can you cover bed 4 tonight? the CT surg fellow is out, pls come')).toBe(false);
  });
  it('insurance-number labels in Persian, Pashto and Arabic', () => {
    expect(types('شماره بیمه: HCP884512073')).toContain('HEALTH_PLAN_ID');
    expect(types('بیمې شمېره: HCP884512073')).toContain('HEALTH_PLAN_ID');
    expect(types('رقم التأمين: HCP884512073')).toContain('HEALTH_PLAN_ID');
    expect(types('شماره سفارش: HCP884512073')).not.toContain('HEALTH_PLAN_ID');
  });
  it('a death investigation in Spanish (autopsy, cause of death, head injury)', () => {
    const notice = (finding: string) => recognizersFlagText(`Les notificamos el fallecimiento del ciudadano José Luis Paredes Olvera, ocurrido el 28 de febrero de 2025. ${finding}`);
    expect(notice('La autopsia concluyó que la causa de muerte fue traumatismo craneoencefálico severo.')).toBe(true);
    expect(notice('La entrega de documentos a la familia se hará el lunes en el consulado.')).toBe(false);
  });
  it('a tethered cord in Spanish ("médula anclada")', () => {
    expect(types('tiene programada una cirugía de liberación de médula anclada')).toContain('DIAGNOSIS');
    expect(types('tiene programada una cirugía de liberación de la agenda anclada')).not.toContain('DIAGNOSIS');
  });
  it('a table of people with a health finding on a row, attached, is a record whatever the covering note says', () => {
    const census = (rows: string, note = 'Updated census for weekend staff attached. Print one for each cottage binder.') => scanParts([
      { where: 'subject', text: 'weekend census' }, { where: 'body', text: note }, { where: 'attachment-name', text: 'census_weekend.csv' },
      { where: 'attachment:census_weekend.csv', text: `cottage,room,first_name,last_initial,level,precautions\n${rows}` }]).containsPhi;
    const rows = 'Aspen,A1,Harper,Q,3,none\nBirch,B3,Isaiah,M,2,seizure precautions - on levetiracetam\nRoble,R1,Emiliano,C,3,none\n';
    expect(census(rows)).toBe(true);
    expect(census('Aspen,A1,Harper,Q,3,none\nBirch,B3,Isaiah,M,2,bunk bed by the window\nRoble,R1,Emiliano,C,3,none\n')).toBe(false);
    // A synthetic file for testing an import names nobody.
    expect(census(rows, 'Attached is the synthetic file for testing the import validation, synthetic only.')).toBe(false);
  });
  it('an error code is no diagnosis code ("error code E22")', () => {
    expect(types('The monitor failed its daily self-test with error code E22 this morning.')).not.toContain('ICD10');
    expect(types('Billed with dx code E22.1 this morning.')).toContain('ICD10');
  });
});

describe('sets 316-323', () => {
  it('a phrase that voids evidence ends where its words end ("de-identified case-level detail" is no made-up case)', () => {
    const csv = 'case_id,provider,measure,icd10,outcome\nHM-0412,Raghunathan,readmit_30d,I50.23,readmitted\nMRN 00418827,Sato,mortality_review,A41.9,expired 06/02/2024\n';
    const mail = (note: string) => recognizersFlag([{ where: 'body', text: note }, { where: 'attachment:oppe_detail.csv', text: csv }]);
    expect(mail('Attached is the de-identified case-level detail for the hospitalist OPPE. Case IDs only.')).toBe(true);
    // A case said to be made up names nobody; one said to be "de-identified" still shows a record number left in it
    // (sets 407 and 923: a failed de-identification is PHI).
    expect(mail('Attached is a fictitious case for Friday\'s teaching conference. Case IDs only.')).toBe(false);
    expect(mail('Attached is a de-identified case for Friday\'s teaching conference. Case IDs only.')).toBe(true);
  });
  it('jaw and teeth conditions a dental lab names (bruxism, TMD)', () => {
    expect(types('night guard, hard acrylic (severe bruxism, TMD)')).toContain('DIAGNOSIS');
    expect(types('night guard, hard acrylic (shade A2, rush)')).not.toContain('DIAGNOSIS');
  });
});

describe('sets 324-331', () => {
  const names = (text: string, where = 'body') => scanText(text, { where }).findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low');
  it('a "subject" column of a de-identified extract holds study codes', () => {
    const csv = 'subject,age_yrs,sex,sport,days_to_rtp\nS-001,16,M,football,15\nS-002,17,F,soccer,30\n';
    const mail = (note: string) => recognizersFlag([{ where: 'body', text: note }, { where: 'attachment:pcs_recovery.csv', text: csv }]);
    expect(mail('Attached is the de-identified extract for the concussion abstract.')).toBe(false);
    expect(mail('Attached is the extract for the concussion abstract, with the subjects\' records.')).toBe(true);
  });
  it('a street abbreviation is no name ("80 Canal St, Boston, 617-555-0160")', () => {
    expect(names('- Merrow Bridge Clinic (methadone, buprenorphine), 80 Canal St, Boston, 617-555-0160, walk-in 7-10 am')).toHaveLength(0);
    expect(names('- left a message for Rosa Canal, Boston, 617-555-0160, re her methadone dose')).not.toHaveLength(0);
  });
  it('a condition naming a cohort, a registry or a trial is nobody\'s ("the lung cancer cohort")', () => {
    const dx = (text: string) => scanText(text).findings.filter((f) => f.type === 'DIAGNOSIS' && f.confidence === 'high');
    expect(dx('the biopsy kits for the lung cancer cohort arrived frozen')).toHaveLength(0);
    expect(dx('the biopsy was for lung cancer, results Friday')).not.toHaveLength(0);
  });
  it('a name that only greets the reader needs health tied to someone ("Hi Chen Wei," to a vendor)', () => {
    expect(recognizersFlagText('Hi Chen Wei,\n\nThanks for the dry ice. The biopsy kits for the lung cancer study arrived frozen; can you add 5 more tumor tissue kits?\n\nKendra')).toBe(false);
    expect(recognizersFlagText('Hi Chen Wei,\n\nyour biopsy came back: it shows lung cancer, and the tumor board meets Friday about your treatment.\n\nKendra')).toBe(true);
  });
  it('a person named with the company they come from is its representative ("Mr. Gonzalez from Lakeside Medical Supply")', () => {
    expect(names('Mr. Gonzalez from Lakeside Medical Supply will drop off the sedation cart Wednesday.')).toHaveLength(0);
    expect(names('Mr. Gonzalez from room 4 will need the sedation cart Wednesday.')).not.toHaveLength(0);
  });
  it('stock past its date is nobody\'s dose ("the expired naloxone")', () => {
    expect(recognizersFlagText('Mr. Abara came by at 3. He took the expired naloxone for disposal.')).toBe(false);
    expect(recognizersFlagText('Mr. Abara came by at 3. He took the naloxone after the overdose.')).toBe(true);
  });
  it('Tongan "he" is an article ("ʻi he loki")', () => {
    expect(recognizersFlagText('Kalo, ko e lau ʻo e koloa ʻi he pongipongi ni:\n- kato colostomy (drainable) 38\n- barrier rings 60\nMālō.')).toBe(false);
    // (The one a message greets owns no "he": the English twin names the patient.)
    expect(recognizersFlagText('Kalo Fifita called, he needs a new colostomy bag (drainable) today:\n- barrier rings 60\nthanks')).toBe(true);
  });
  it('words that make a compound with "patient" in Chinese are no name ("患者教育")', () => {
    expect(names('患者教育：化疗期间如何应对恶心', 'subject')).toHaveLength(0);
    expect(names('患者王秀英：化疗期间恶心', 'subject')).not.toHaveLength(0);
  });
});

describe('sets 332-339', () => {
  const names = (text: string) => scanText(text).findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low');
  it('published test card numbers and the SSA\'s advertising SSNs are nobody\'s', () => {
    expect(types('run test transactions with the processor\'s test card 4111 1111 1111 1111')).not.toContain('CREDIT_CARD');
    expect(types('the card is 4111 1122 3344 5569 exp 08/27')).toContain('CREDIT_CARD');
    expect(types('REF 987-65-4320 aerobic/anaerobic set (qty 40)')).not.toContain('SSN');
    expect(types('SSN 987-65-4330 on file')).toContain('SSN');
  });
  it('a drill with a mannequin as the patient is made up', () => {
    const ics = (who: string) => `BEGIN:VCALENDAR\nPRODID:-//Lakeview Allergy//Staff//EN\nBEGIN:VEVENT\nSUMMARY:Anaphylaxis drill - shot room\nDESCRIPTION:Scenario: simulated grade 3 systemic reaction after a maintenance dose. Roles: Dana Cho RN (lead)\\, Jorge Pena (vitals/timer)\\, Monica (911 caller). ${who} Trainer auto-injectors only.\nEND:VEVENT\nEND:VCALENDAR\n`;
    const drill = (who: string) => recognizersFlag([{ where: 'subject', text: 'Invitation: anaphylaxis drill - shot room' }, { where: 'body', text: 'Quarterly drill, please accept.' }, { where: 'attachment:drill.ics', text: ics(who) }]);
    expect(drill('Mannequin plays the patient.')).toBe(false);
    expect(drill('Bring the crash cart.')).toBe(true);
  });
  it('capitals of four letters or fewer that are no given names are acronyms ("SCIT QA summary")', () => {
    const summary = 'Q2 SLIT QA summary:\n- 140 patients on sublingual immunotherapy (22 coded J30.1)\n- 2 patients with asthma J45.40 had doses held for low peak flow\nNo individual cases here.';
    expect(names(summary)).toHaveLength(0);
    expect(recognizersFlagText(summary)).toBe(false);
    expect(names('JOSE DIAZ had doses held for asthma and low peak flow')).not.toHaveLength(0);
  });
  it('a customer account is a practice\'s account with its supplier', () => {
    expect(types('Your order (customer account 0045521, Westlake Allergy & Asthma) is backordered')).not.toContain('BANK_ACCOUNT');
    expect(types('Your payment (account 0045521, Westlake Allergy & Asthma) is overdue')).toContain('BANK_ACCOUNT');
  });
  it('labels in Hmong ("hnub yug", date of birth) and Russian ("полис ОМС", the health insurance policy)', () => {
    expect(types('Hnub yug: 03/14/1958. Koj cov tshuaj metformin npaj txhij lawm.')).toContain('DOB');
    expect(types('Hnub tim: 03/14/1958. Koj cov tshuaj metformin npaj txhij lawm.')).not.toContain('DOB');
    expect(types('полис ОМС 7751230899461123 не найден')).toContain('HEALTH_PLAN_ID');
    expect(types('заказ 7751230899461123 не найден')).not.toContain('HEALTH_PLAN_ID');
  });
  it('a Korean name written surname first with Lee heads a subject ("Lee Min-jun")', () => {
    const note = (subject: string) => recognizersFlag([{ where: 'subject', text: subject }, { where: 'body', text: 'L50.0 - start cetirizine 10 mg BID, recheck 6 wk. Thx' }]);
    expect(note('Lee Seo-yeon')).toBe(true);
    expect(note('Lee side vents')).toBe(false);
  });
});

describe('sets 340-347', () => {
  it('"not real" says a finding is not real, not that the mail is made up ("oversensing, not real AF")', () => {
    const link = (aside: string) => recognizersFlagText(`https://portal.heartlink.example/patients/MRN-0077214/episodes?type=AF\nthe EGMs look like oversensing to me, ${aside}. thoughts?`);
    expect(link('not real AF')).toBe(true);
    expect(link('these are not real patients, only the demo tenant')).toBe(false);
  });
  it('Spanish quotation marks are no mail-merge field («Salud conductual»)', () => {
    const reply = (quoted: string) => recognizersFlag([{ where: 'body', text: `Ya corregimos el enrutamiento; los mensajes dirigidos a ${quoted} ahora llegan al equipo correcto.` },
      { where: 'quoted', text: '> El 2 jun., Ernesto Lozano Paredes escribió:\n> Le mandé tres mensajes a la psicóloga sobre la dosis de sertralina (me la subieron a 100 mg) y los ataques de pánico.' }]);
    expect(reply('«Salud conductual»')).toBe(true);
    expect(reply('«PatientName»')).toBe(false);
  });
  it('a name read by its title that only greets the reader needs health tied to someone ("Hi Mr. Dhaliwal,")', () => {
    const sheet = (greeting: string) => recognizersFlagText(`${greeting}\n\nAs requested, our employer rates:\nDOT physical  $95\nAudiogram  $40\nTB skin test  $30\n\nOccupational Health Services`);
    expect(sheet('Hi Mr. Dhaliwal,')).toBe(false);
    expect(recognizersFlagText('Hi Mr. Dhaliwal,\n\nyour audiogram showed hearing loss in the left ear and your TB skin test was positive.\n\nOccupational Health Services')).toBe(true);
  });
  it('a place in brackets between a name and a result ("Héctor Salazar (Valle Verde) glucose 412")', () => {
    expect(recognizersFlagText('Lobby is full.\nBed 2 — Héctor Salazar (Valle Verde) glucose 412, sending out to ED.')).toBe(true);
    expect(recognizersFlagText('Lobby is full.\nBed 2 — Héctor Salazar (Valle Verde) covering the desk, sending the van to ED.')).toBe(false);
  });
});

describe('sets 348-355', () => {
  const names = (text: string) => scanText(text).findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low');
  const body = 'Dr. Okafor covers the addiction consults Mon/Wed; NP Baptiste does buprenorphine inductions Friday mornings. Methadone dose changes need a physician order.';
  it('a month that is also a given name, then a word in lower case, is the month ("June coverage")', () => {
    expect(recognizersFlag([{ where: 'subject', text: 'June coverage' }, { where: 'body', text: body }])).toBe(false);
    expect(recognizersFlag([{ where: 'subject', text: 'June Alvarez' }, { where: 'body', text: body }])).toBe(true);
  });
  it('isolation orders are no names ("Contact Plus (C. diff)")', () => {
    expect(names('5E-22 discharged at 13:10. Contact Plus (C. diff) - sporicidal terminal clean, then UV.')).toHaveLength(0);
    expect(names('5E-22 discharged at 13:10. Rosa Plata (C. diff) - sporicidal terminal clean, then UV.')).not.toHaveLength(0);
  });
  it('a subject ending in a name after an en dash ("Return-to-learn plan – Owen Park")', () => {
    const plan = (subject: string) => recognizersFlag([{ where: 'subject', text: subject }, { where: 'body', text: 'Hello all,\n\nhe was evaluated on 3/10 after a concussion in Saturday\'s game; no screens, may leave class if headache worsens.' }]);
    expect(plan('Return-to-learn plan – Owen Dunmore')).toBe(true);
    expect(plan('Return-to-learn plan – for grade 10 teachers')).toBe(false);
  });
});
