import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';
import { recognizersFlag, recognizersFlagText } from './recognizers.ts';

// Readings added in session 18 from blind sets 492-539, each batch read only once its first look was scored. Made-up
// names and numbers; none taken from a test set. Each case has a twin that must go the other way.

describe('names read twice, sets 492-499', () => {
  it('a name found by one reading keeps what another says of it (an age after it); without the age the wording decides', () => {
    const story = (who: string) => recognizersFlagText(`SPOTLIGHT\n${who} of Albany Park came to us in January with a blocked coronary artery and needed bypass surgery.`);
    expect(story('Yusuf Adan, 62,')).toBe(true);
    expect(story('Yusuf Adan')).toBe(false);
  });
  it('a subject ending in a known name after clinical content and a dash is about that person', () => {
    const note = (subject: string) => recognizersFlag([{ where: 'subject', text: subject }, { where: 'body', text: '7.2, in range. no change. -RK' }]);
    expect(note('tacrolimus trough – Hana Whitfield')).toBe(true);
    expect(note('parking pass renewal – Hana Whitfield')).toBe(false);
  });
});

describe('staff named with their job, sets 492-499', () => {
  it('a job written in lower case after the name ("Marisol Peña, enfermera,") is staff', () => {
    const flyer = (who: string) => recognizersFlagText(`¿Su hijo tiene asma? Nuestro grupo de apoyo se reúne el martes.\n\nLlame a ${who}, (312) 555-0100.`);
    expect(flyer('Marisol Peña, enfermera')).toBe(false);
    expect(flyer('Marisol Peña, mamá de Leo (asma)')).toBe(true);
  });
  it('a clinical job right before the name ("pharmacist Mira Santos, 555-…") is staff', () => {
    const update = (who: string) => recognizersFlagText(`Effective today, hydromorphone 2 mg/mL is restricted to PCA. Use morphine 2 mg/mL for IV doses.\n\n${who} Mira Santos, (414) 555-0177, is available.`);
    expect(update('Oncology pharmacist')).toBe(false);
    expect(update('Patient')).toBe(true);
  });
  it('a representative "from the manufacturer" is no patient', () => {
    expect(recognizersFlagText('Tessa Vaughn from the manufacturer will present the new autoinjector for secukinumab at lunch on Tuesday.')).toBe(false);
    expect(recognizersFlagText('Tessa Vaughn from the waiting room started secukinumab for her psoriasis on Tuesday.')).toBe(true);
  });
  it('a job posting\'s field and recruiter are nobody\'s health and contact', () => {
    const ad = (line: string) => recognizersFlagText(`Please share with your networks!\n\n${line} Requirements: 2+ years of acute care experience.\n\nApply online or contact Dara Quinn, (414) 555-0150.`);
    expect(ad('The Palliative Care Consult Service is hiring a full-time inpatient NP.')).toBe(false);
    expect(ad('Dara Quinn was admitted with pneumonia, 4 days inpatient, and needs palliative care.')).toBe(true);
  });
});

describe('clinicians\' own numbers and work, sets 492-499', () => {
  it('a member number after a clinician\'s credential is a society\'s membership', () => {
    const receipt = (who: string) => recognizersFlagText(`Thank you for registering!\n${who} (Member #B-448120)\nSessions: Pre-course Fundamentals of Addiction Medicine`);
    expect(receipt('Registrant: Kofi Mensah, MD')).toBe(false);
    expect(receipt('Patient: Kofi Mensah')).toBe(true);
  });
  it('a credential before a bracket ("Ines Moreau, CPNP (DEA …)") is a prescriber\'s', () => {
    const notice = (who: string) => recognizersFlagText(`Our records show the DEA registration on file for ${who} (DEA FM1234563) expires soon. To avoid delays filling clobazam or diazepam prescriptions, fax the renewal.`);
    expect(notice('Ines Moreau, CPNP')).toBe(false);
    expect(notice('Ines Moreau, 6,')).toBe(true);
  });
  it('"your privileges in", "… prescribing" are a clinician\'s field and work', () => {
    const letter = (line: string) => recognizersFlagText(`Dear Noor Haddad,\n\nMedical Staff Services has completed verification for your reappointment.\n\n${line}`);
    expect(letter('Your privileges in Addiction Medicine, including buprenorphine prescribing, are approved through 06/30/2027.')).toBe(false);
    expect(letter('Your buprenorphine refill for your opioid use disorder is approved through 06/30/2027.')).toBe(true);
  });
  it('the "your" before a clinician\'s signature does not own the programme named in it', () => {
    const mail = (line: string) => recognizersFlagText(`Hi Oskar,\n\n${line}\n\nBest,\nLena Marsh, MD\nPediatric Epilepsy & Diet Program\nLakeshore Neurology\nNPI 1234567893`);
    expect(mail('Attached is the final version of our abstract. Please reply by Friday and send your disclosure form.')).toBe(false);
    expect(mail('Your epilepsy labs came back fine. Please keep your dose the same.')).toBe(true);
  });
});

describe('the writer\'s own health, sets 492-499', () => {
  it('"IM" after a dose is intramuscular, not "I\'m"', () => {
    expect(recognizersFlagText('Quick one for the group: gonorrhea is ceftriaxone 500 mg IM once, right?\n\nSam')).toBe(false);
    expect(recognizersFlagText('Quick one: my gonorrhea was treated with ceftriaxone 500 mg, im still sore, right?\n\nSam')).toBe(true);
  });
  it('a writer changing a standing order or formulary takes no drug', () => {
    expect(recognizersFlagText('Thanks. I will update the standing order to allow torsemide substitution until supply improves.\n- Nadia')).toBe(false);
    expect(recognizersFlagText('Thanks. I will take torsemide instead until my ankle swelling improves.\n- Nadia')).toBe(true);
  });
  it('a test record whose numbers are "invalid by design" is made up', () => {
    const record = (ssn: string) => recognizersFlagText(`Use the record below in TEST only.\n\nName: QATEST, ALPHA\nDOB: 02/02/2002\nSSN: ${ssn}\nDx: G40.909`);
    expect(record('987-65-4320 (invalid by design)')).toBe(false);
    expect(record('529-41-7788')).toBe(true);
  });
});

describe('counts, sets 492-499', () => {
  it('a whole number that counts words after a lab-like word ("fit 300 words") is no result', () => {
    const labs = (text: string) => scanText(text).findings.filter((f) => f.type === 'LAB_RESULT').map((f) => text.slice(f.start, f.end));
    expect(labs('I trimmed the methods to fit 300 words.')).toEqual([]);
    expect(labs('FIT 300 ng/mL, colonoscopy referral sent.')).toEqual(['FIT 300 ng/mL']);
  });
});

// Sets 500-507, read once their first look was scored.
describe('made-up and organisations\' numbers, sets 500-507', () => {
  it('"test patients" and SSNs that are "not real numbers" identify nobody', () => {
    const uat = (who: string) => recognizersFlagText(`For UAT this week use ${who}:\n\n  QATEST, ALPHA    MRN T0000417   DOB 03/03/1993\n\nEnter a stim cycle with Gonal-f 225 IU and confirm the OHSS flag fires.`);
    expect(uat('only the test patients in the TRN environment')).toBe(false);
    expect(uat('the patients on today\'s clinic list')).toBe(true);
    const audit = (what: string) => recognizersFlagText(`Front desk team,\n\nThe registration audit found SSNs keyed in at check-in ${what}:\n\n  529-41-7788\n  448-20-1936\n\nIf a patient won't give an SSN, leave the field empty.`);
    expect(audit('that are not real numbers')).toBe(false);
    expect(audit('for the wrong guarantor')).toBe(true);
  });
  it('a full number after a support line is the line\'s, whatever its last seven digits look like alone', () => {
    const flyer = (line: string) => recognizersFlagText(`Managing medications for a loved one? Common heart medicines like metoprolol 25 mg and lisinopril 10 mg are taken once a day.\n\n${line}`);
    expect(flyer('Caregiver support line: (937) 555-0111')).toBe(false);
    expect(flyer('Caregiver Rosa: 555-0111')).toBe(true);
  });
});

describe('words that are no names, sets 500-507', () => {
  it('a class in capitals ending in a Roman numeral ("ASA II") is no name, a name in capitals is', () => {
    const line = (who: string) => recognizersFlagText(`5-year-old male, ${who} (mild intermittent asthma), full-mouth rehab under GA.`);
    expect(line('ASA II')).toBe(false);
    expect(line('MARIA LOPEZ')).toBe(true);
  });
  it('a hospital code ("Code Blue") and a calendar\'s organiser ("… has invited you to") are nobody\'s', () => {
    expect(recognizersFlagText('Expected actions: call Code Blue, give naloxone 4 mg intranasal, start rescue breathing.')).toBe(false);
    expect(recognizersFlagText('Expected actions: call Maria Blue, give naloxone 4 mg intranasal, start rescue breathing.')).toBe(true);
    expect(recognizersFlagText('Dana Whitfield has invited you to: Diabetes QI huddle, Tue Mar 18')).toBe(false);
    expect(recognizersFlagText('Dana Whitfield has diabetes, seen Tue Mar 18')).toBe(true);
  });
});

describe('genetic findings in Spanish, French and German, sets 500-507', () => {
  it('"síndrome de Lynch", "variante patogénica" are conditions (and, since session 22, the gene MSH2); "variante" alone is not', () => {
    const conditions = (text: string) => scanText(text).findings.filter((f) => f.type === 'DIAGNOSIS').map((f) => text.slice(f.start, f.end));
    expect(conditions('Se encontró una variante patogénica en el gen MSH2, que causa el síndrome de Lynch.')).toEqual(['variante patogénica', 'MSH2', 'síndrome de Lynch']);
    expect(conditions('Usen la variante nueva del formulario de registro.')).toEqual([]);
  });
});

// Sets 508-515, read once their first look was scored.
describe('staff, places and shipping labels, sets 508-515', () => {
  it('"Ship to: <site>, Attn: Rehab Gym" names no person', () => {
    const order = (to: string) => recognizersFlagText(`Items:\n2 x ECG electrodes, case of 600 (REF E1105)\n\nShip to: ${to}, 2200 Riverside Dr, Millbrook, OH`);
    expect(order('Harborline Heart, Attn: Rehab Gym')).toBe(false);
    expect(order('Nadia Okoro (cardiac rehab patient)')).toBe(true);
  });
  it('"M." beside other initials on a rota is an initial, not French "Monsieur"', () => {
    expect(recognizersFlagText('Week of 11/4:\n  Alder - M. Ortega (M/W/F), J. Fox health aide daily\nReminder: a diabetes-trained aide must be in the building whenever a student with diabetes is present.')).toBe(false);
    expect(recognizersFlagText('Rappel: M. Ortega (diabète, insuline) à revoir lundi avec un aide.')).toBe(true);
  });
  it('a site named "Cedar Ridge" is a place', () => {
    const report = (who: string) => recognizersFlagText(`${who}, Q2 to date:\n  Not within medical priorities: 23 (top dx: M54.5 low back pain 9, K21.9 GERD 6)`);
    expect(report('Cedar Ridge service unit')).toBe(false);
    expect(report('Carla Whitfield, 58')).toBe(true);
  });
  it('a department after a name ("Quality & Patient Safety", "in HR") is a colleague\'s', () => {
    const deck = (sign: string) => recognizersFlagText(`Top diagnoses: E11.9 type 2 diabetes (412), I50.9 heart failure (287), J44.1 COPD with exacerbation (148).\n\n${sign}`);
    expect(deck('Denise Alvarado, Quality & Patient Safety')).toBe(false);
    expect(deck('Denise Alvarado, 58, with all three')).toBe(true);
    const ad = (who: string) => recognizersFlagText(`Now hiring: RN Diabetes Educator. Duties: DSMES classes, insulin starts, CGM training. Apply through the portal or see Linda Bowman ${who}.`);
    expect(ad('in HR')).toBe(false);
    expect(ad('in room 4 about her insulin')).toBe(true);
  });
});

describe('procedures added, sets 508-515', () => {
  it('thrombectomy, craniotomy and endarterectomy are procedures', () => {
    const event = (what: string) => recognizersFlagText(`One event to review: on 9/14 Mrs. Oriel Vantongeren waited 3 hours for an ASL interpreter before her stroke team could consent her for ${what}.`);
    expect(event('thrombectomy')).toBe(true);
    expect(event('the survey')).toBe(false);
    const types = (text: string) => scanText(text).findings.map((f) => f.type);
    expect(types('s/p craniotomy, then carotid endarterectomy')).toEqual(['OTHER', 'OTHER']);
  });
});

describe('names in Persian and Bulgarian mail, sets 500-507', () => {
  it('a Persian self-introduction closed by its copula ("من … هستم") names the writer; "من" alone is no cue', () => {
    expect(recognizersFlagText('سلام،\nمن بهرام کاظمی هستم. دیابت نوع ۲ دارم و انسولین مصرف می‌کنم.')).toBe(true);
    expect(recognizersFlagText('سلام،\nمن مسئول داروخانه هستم. کلاس دیابت نوع ۲ و انسولین سه‌شنبه است.')).toBe(false);
  });
  it('after a Bulgarian or Russian title ("г-жо Стоянова") one surname is a name', () => {
    const letter = (greeting: string) => recognizersFlagText(`Здравейте, ${greeting},\nВашият тест за туберкулоза е положителен, необходима е рентгенография на гръдния кош.`);
    expect(letter('г-жо Стоянова')).toBe(true);
    expect(letter('колеги')).toBe(false);
  });
});

// Sets 516-523, read once their first look was scored.
describe('months, departments and clinicians\' cards, sets 516-523', () => {
  it('a range of months ("Jul-Sep") is no name', () => {
    const dashboard = (period: string) => recognizersFlagText(`Q3 2025 (${period}), all sites:\n- Patients with GDM (O24.410): 57\n- Started metformin: 14`);
    expect(dashboard('Jul-Sep')).toBe(false);
    expect(dashboard('Rosa Quispe')).toBe(true);
  });
  it('a department signing ("Revenue Cycle") is no patient', () => {
    const memo = (sign: string, own: string) => recognizersFlagText(`Summary of the 2026 commercial fee schedule for our most-billed codes:\n\n99213 est pt, low MDM        $98.40\n73721 MRI knee w/o           $412.00\n\nReminder: ${own}\n\n${sign}`);
    expect(memo('Revenue Cycle', 'concussion follow-ups with S06.0X0D and F07.81 no longer need a referral on PPO plans.')).toBe(false);
    expect(memo('Rebecca Cole', 'my concussion follow-up with S06.0X0D no longer needs a referral on my PPO plan.')).toBe(true);
  });
  it('a contact card filed with its holder\'s credential ("…_MD.vcf") is a clinician\'s', () => {
    const card = (body: string, file: string) => recognizersFlag([{ where: 'body', text: body }, { where: 'attachment-name', text: file }]);
    expect(card('Adding Dr. Marchetti to the referral directory. She takes GDM A2, FGR and chronic hypertension referrals.', 'Helena_Marchetti_MD.vcf')).toBe(false);
    expect(card('Adding her card. She takes metformin for her GDM A2 and chronic hypertension.', 'Helena_Marchetti.vcf')).toBe(true);
  });
});

describe('other languages, sets 516-523', () => {
  it('in Tongan typed with apostrophes, "he" is "the", not a person whose phone follows', () => {
    expect(recognizersFlagText("Ko e mahaki suka 'i he feitama (gestational diabetes) 'oku hoko ia. Ko e ni'ihi 'e fiema'u 'a e metformin 500 mg.\nKapau 'oku 'i ai ha'o fehu'i, telefoni mai ki he (360) 555-0100.")).toBe(false);
    expect(recognizersFlagText('Gestational diabetes visit went fine, she is on metformin 500 mg.\nCall her cell if anything changes: (360) 555-0100.')).toBe(true);
  });
  it('"N.º de miembro" labels a member ID; "N.º de fax" does not', () => {
    expect(recognizersFlagText('Fax entrante: N.º de miembro: MHP773004512')).toBe(true);
    expect(recognizersFlagText('Fax entrante: N.º de fax: 3125550100')).toBe(false);
  });
  it('Mongolian: after "өвчтөн" (patient) a two-word name, with cirrhosis on its line', () => {
    expect(recognizersFlagText('Өвчтөн Батбаярын Сарангэрэл элэгний хатууралтай, MELD-Na 22.')).toBe(true);
    expect(recognizersFlagText('Өвчтөн бүрт элэгний хатууралтай холбоотой зөвлөгөө өгнө.')).toBe(false);
  });
});

// Sets 524-531, read once their first look was scored.
describe('credits, contacts and credentials, sets 524-531', () => {
  const handout = '- Donepezilo: 5 mg una vez al día.\n- Memantina: 5 mg al día.\nEfectos secundarios comunes: náuseas, diarrea, mareo.\n\nRevisión: Marta Gillespie, PharmD\n';
  it('a handout\'s credits ("Traducción: …") and a contact label ("Informes: …") name staff', () => {
    expect(recognizersFlagText(`${handout}Traducción: Yesenia Ruiz`)).toBe(false);
    expect(recognizersFlagText(`${handout}Paciente: Yesenia Ruiz`)).toBe(true);
    const flyer = (label: string) => recognizersFlagText(`Grupo de apoyo para familiares de personas con demencia, en la sala comunitaria (1400 Carrow Lane). ${label}: Yesenia Ruiz, (541) 555-0142.`);
    expect(flyer('Informes')).toBe(false);
    expect(flyer('Paciente')).toBe(true);
  });
  it('"Questions to <name>" names a colleague', () => {
    const memo = (last: string) => recognizersFlagText(`Code G30.1 (Alzheimer's, late onset) then F02.80 for the dementia. The audit found 12% of dementia claims missing the severity character. ${last}`);
    expect(memo('Questions to Raymond Cho.')).toBe(false);
    expect(memo('Raymond Cho has it.')).toBe(true);
  });
  it('a slashed credential ("OTR/L") after a name is a clinician\'s', () => {
    const page = (sign: string) => recognizersFlagText(`A diagnosis of memory loss does not automatically mean a person must stop driving. A physician referral is required.\n\n${sign}`);
    expect(page('Beth Ann Carver, OTR/L, CDRS')).toBe(false);
    expect(page('Beth Ann Carver, 81, CDRS')).toBe(true);
  });
  it('in a file name, one word after a label ("Member_ID_Verification") is a name only when it is a listed given name', () => {
    const names = (file: string) => scanParts([{ where: 'attachment-name', text: file }]).findings.filter((f) => f.type === 'PATIENT_NAME' && f.confidence !== 'low').map((f) => file.slice(f.start, f.end));
    expect(names('Member_ID_Verification_Refresher.pptx')).toEqual([]);
    expect(names('Member_Maria_Lopez_card.pdf')).toEqual(['Maria_Lopez']);
  });
});

describe('dermatology words added, sets 524-531', () => {
  it('atypical nevi and mole mapping are health content', () => {
    const ticket = (what: string) => recognizersFlagText(`Images from Lena Voss's full-body ${what} are stuck in the local queue.`);
    expect(ticket('mole mapping (her 6-month atypical nevi follow-up)')).toBe(true);
    expect(ticket('scanner demo (her 6-month project)')).toBe(false);
  });
});

// Sets 532-539, read once they were no longer held back.
describe('made-up patients and organisations, sets 532-539', () => {
  it('"a synthetic test record … deliberately invalid" and a Teddy Bear Clinic\'s stuffed animals identify nobody', () => {
    const hl7 = (note: string) => recognizersFlagText(`Testing the ADT feed from the TEST environment.\n\nPID|1||99999901^^^BCH^MR||ZZTEST^ALPHA^A||20200101|F|||123 TEST ST^^TESTVILLE^OH^00000||(614)555-0100|||||||666-01-0001\n\n${note}`);
    expect(hl7('This is a synthetic test record; the SSN field is deliberately invalid (area 666).')).toBe(false);
    expect(hl7('Please check why this record did not post.')).toBe(true);
    expect(recognizersFlagText('Badges for Saturday\'s Teddy Bear Clinic at the library! Kids bring their stuffed animals for checkups.\nPATIENT: Princess Fluffernutter    DIAGNOSIS: broken arm (needs a cast!)')).toBe(false);
    expect(recognizersFlagText('Badges for Saturday\'s pediatric clinic at the library.\nPATIENT: Maya Brandt    DIAGNOSIS: broken arm (needs a cast!)')).toBe(true);
  });
  it('a programme ("Ryan White Part B"), a role greeted ("Dear Physician") and a hospital ("… Children\'s Hospital") are no patients', () => {
    expect(recognizersFlagText('Ryan White Part B recert due - VL 40 copies')).toBe(false);
    expect(recognizersFlagText('Ryan White, 45, recert due - VL 40 copies')).toBe(true);
    const notice = (greeting: string, whose: string) => recognizersFlagText(`Dear ${greeting},\n\nWe are informing you of ${whose} potential conductor fracture in Axial leads. The estimated fracture rate is 0.3% at 5 years. Fracture may present as noise.`);
    expect(notice('Physician', 'a')).toBe(false);
    expect(notice('Ms. Holt', 'your')).toBe(true);
    expect(recognizersFlagText('Client: Bramblewood Children\'s Hospital, outpatient autism evaluations, 4 referrals this week')).toBe(false);
    expect(recognizersFlagText('Client: Maya Brandt, outpatient autism evaluation, referral this week')).toBe(true);
  });
});
