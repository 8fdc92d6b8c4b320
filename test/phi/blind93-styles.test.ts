import { describe, expect, it } from 'vitest';
import { scanParts } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 10 from blind sets 93-132, each batch read only once it was no longer held back (the
// describe blocks name the sets). Made-up names and numbers; none taken from a test set. Each case has a twin that
// must go the other way (the filler case: a real message using the same word).
const flags = (subject: string, body: string, more: Array<{ where: string; text: string }> = []) =>
  scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }, ...more]).containsPhi;

describe('markers that say nobody is identified, read more narrowly (sets 93-100)', () => {
  it('a term never spans a blank line ("Family Practice" + "Patient:" is no "practice patient")', () => {
    const referral = 'Referral from Lakeview Family Practice\n\nPatient: Tobias Ferreira, 58 M\nPhone: 317-555-0148\nReason: PSA 11.2 ng/mL, please see soon.';
    expect(flags('urology referral', referral)).toBe(true);
    // A practice patient in the EHR's training domain is made up.
    expect(flags('EHR class', 'Log in as the practice patient Tobias Ferreira, 58 M, PSA 11.2 ng/mL, and place the referral order.')).toBe(false);
  });
  it('staff "flagging for training" does not make a caller\'s SSN a made-up one', () => {
    expect(flags('Ticket 4471 - patient portal lockout', 'Caller Marisol Quintero could not log in to the patient portal. She read her SSN 512-48-3307 to verify; flagging for training, agents must not ask for it.')).toBe(true);
    expect(flags('Registration class', 'Practice record for training purposes only: Marisol Quintero, SSN 512-48-3307, patient portal set-up exercise.')).toBe(false);
  });
  it('"unsubscribe" in a subject is one person\'s request, not a mailing', () => {
    expect(flags('unsubscribe request', 'Support - kwame.osei@mail.example wrote in asking to stop the diabetes coaching texts and A1c reminders, his endo is managing it now. Please remove him from the T2D cohort.')).toBe(true);
    // A mailing with its opt-out footer stays mass mail.
    expect(flags('Diabetes coaching tips', 'Five ways to keep your A1c in range this winter: walk after meals, check your feet, keep your insulin cool.\n\nUnsubscribe | Manage preferences')).toBe(false);
  });
});

describe('rows and initials (sets 93-100)', () => {
  it('a column headed "patient_mrn" holds record numbers; "emp_id" does not', () => {
    const rows = (header: string) => `${header},reading,value,unit\n40071123,bp,184/106,mmHg\n40071188,glucose,58,mg/dL\n40071230,bp,191/99,mmHg`;
    const scan = scanParts([{ where: 'subject', text: 'duplicate readings' }, { where: 'body', text: 'Affected rows attached for review.' }, { where: 'attachment:affected.csv', text: rows('patient_mrn') }]);
    expect(scan.containsPhi).toBe(true);
    expect(scan.findings.filter((f) => f.type === 'MRN' && f.where === 'attachment:affected.csv')).toHaveLength(3);
    expect(flags('badge export', 'Badge rows attached.', [{ where: 'attachment:badges.csv', text: 'emp_id,name,dept\n40071123,Ana Lima,Lab\n40071188,Ben Cho,Lab' }])).toBe(false);
  });
  it('initials with a birth date written in two digits or after two spaces are a patient\'s', () => {
    expect(flags('Re: T.K. 3/22/38 - sats', 'sats 86% on 3L, up to 90 after repositioning, lasix 20 IV given per order.')).toBe(true);
    expect(flags('wk of 4/7 visits', 'Mon\n  L.McK  09/30/1940  wound vac change\nWed\n  D.R.  01/12/1952  INR draw')).toBe(true);
    // Initials with a recent date are a meeting's.
    expect(flags('Re: T.K. 3/22/25 - staff meeting', 'Agenda: parking, the new badge readers, holiday coverage.')).toBe(false);
  });
});

describe('trauma bays and medical rides (sets 101-108)', () => {
  it('a labelled birth date with a name in the trauma bay is a patient\'s; at the badge office it is not', () => {
    expect(flags('alias update', 'Trauma alias OSCAR TANGO identified by PD: Delphine Arceneaux, DOB 02/11/1991. Please update wristbands and the blood bank sample before the next crossmatch.')).toBe(true);
    expect(flags('badge renewal', 'Badge renewal for Delphine Arceneaux, DOB 02/11/1991: bring photo ID to the security office, parking permits are next door.')).toBe(false);
  });
  it('a medical ride\'s passenger with dialysis is a patient; a conference flight\'s is not', () => {
    expect(flags('Ride confirmation #RT-7710', 'Trip confirmation\n\nPassenger: G. Halvorsen\nMobility: wheelchair\nDestination: Riverside Kidney Center, chair 4\nNotes: hemodialysis Mon/Wed/Fri, no BP on left arm')).toBe(true);
    expect(flags('Flight confirmation', 'Booking confirmed\n\nPassenger: G. Halvorsen\nFlight: DL 1402, seat 14C\nPurpose: regional quality conference')).toBe(false);
  });
});

describe('filler text', () => {
  it('"lorem ipsum" filler is made up, however its words read ("dolor" is Spanish for pain)', () => {
    // A load tool's message: the filler wrapped at 76 characters, words split across lines.
    const filler = 'lorem ipsum dolor sit amet '.repeat(80).slice(0, 2000).match(/.{1,76}/g)!.join('\r\n');
    expect(flags('check 1', filler)).toBe(false);
    expect(flags('dolor de pecho', 'La Sra. Pilar Ocampo llamó: dolor de pecho desde anoche, tiene cita mañana a las 9 con el Dr. Ruiz. Fecha de nacimiento 04/03/1952.')).toBe(true);
  });
});

describe('Japanese, Ukrainian and Persian health words (sets 101-108)', () => {
  it('Japanese: a relative writes about a parent\'s chemotherapy; a study session is not, and がんばって is no cancer', () => {
    expect(recognizersFlag([{ where: 'subject', text: '父の治療について' }, { where: 'body', text: '森山様\n父は大腸がんで、点滴センターで化学療法を受けております。手足のしびれがひどくなりました。\n連絡先: k.tanabe@mail.example' }])).toBe(true);
    expect(recognizersFlag([{ where: 'subject', text: '来週の会議' }, { where: 'body', text: 'みなさん、がんばってください！来週の勉強会は病院の3階です。お弁当があります。' }])).toBe(false);
  });
  it('Ukrainian: a patient\'s surgery and tests with a phone; a meeting notice is not', () => {
    expect(recognizersFlag([{ where: 'subject', text: 'Лист від пацієнта' }, { where: 'body', text: 'Остап Кравчук, тел. 555-0167: після операції на коліні лікар призначив аналіз крові на понеділок.' }])).toBe(true);
    expect(recognizersFlag([{ where: 'subject', text: 'Нарада' }, { where: 'body', text: 'Нарада в понеділок о 10:00 у кімнаті 204. Обговоримо графік відпусток.' }])).toBe(false);
  });
  it('Persian, written with its own ی and ک: diabetes and insulin of a named woman; a staff meeting is not', () => {
    expect(recognizersFlag([{ where: 'subject', text: 'پیگیری' }, { where: 'body', text: 'خانم مریم رضایی، تلفن 555-0148: دیابت دارد و انسولین را قطع کرده است.' }])).toBe(true);
    expect(recognizersFlag([{ where: 'subject', text: 'جلسه' }, { where: 'body', text: 'همکاران عزیز، جلسه هفتگی روز شنبه ساعت ۱۰ در اتاق ۲۰۴ برگزار می‌شود.' }])).toBe(false);
  });
});

describe('home addresses (sets 117-124)', () => {
  it('a home address needs health content, not a clinic mentioned nearby', () => {
    expect(recognizersFlag([{ where: 'subject', text: 'room for rent' }, { where: 'body', text: 'Renting a furnished room in my apartment, 14 Alder St, Apt 3, a ten-minute walk from the clinic. $800 a month. Text me at 555-0139.' }])).toBe(false);
    expect(recognizersFlag([{ where: 'subject', text: 'new address' }, { where: 'body', text: 'Mrs. Okafor moved to 14 Alder St, Apt 3; please mail her insulin refill and the A1c lab slip there.' }])).toBe(true);
  });
});

describe('members and prescreen lists (sets 109-116)', () => {
  it('"Member" before a full name labels a person, as "patient" does; "Member Services" is a desk', () => {
    const enrolled = scanParts([{ where: 'subject', text: 'lock-in' }, { where: 'body', text: 'Member Arlo Brandvold is being enrolled in the lock-in program effective 6/1 after 7 prescribers and 5 pharmacies for oxycodone/APAP in 90 days.' }]);
    expect(enrolled.containsPhi).toBe(true);
    // Labelled, the name is a patient identifier in its own right (high), not merely a name near a drug.
    expect(enrolled.findings.find((f) => f.type === 'PATIENT_NAME')?.confidence).toBe('high');
    expect(recognizersFlag([{ where: 'subject', text: 'lock-in' }, { where: 'body', text: 'Member Services will explain the pharmacy lock-in program for oxycodone on the webinar.' }])).toBe(false);
  });
  it('a list line opening with an initial, a surname and a birth date is a patient\'s; with this year\'s date it is a meeting\'s', () => {
    expect(recognizersFlag([{ where: 'subject', text: 'prescreen' }, { where: 'body', text: 'Possible fits:\nK. Lindqvist  5/9/58   eGFR 27, UACR 510\nT. Ocampo  2/14/63   eGFR 31' }])).toBe(true);
    expect(recognizersFlag([{ where: 'subject', text: 'badges' }, { where: 'body', text: 'Badge pickup:\nK. Lindqvist  5/9/25   front desk\nT. Ocampo  5/9/25   front desk' }])).toBe(false);
  });
});
