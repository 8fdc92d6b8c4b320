import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';

// Readings added in session 25 from blind sets 833-840 (held back through session 24, then read). Made-up names and
// numbers; none taken from a test set. Each case has a twin that must go the other way.

const flags = (subject: string, body: string): boolean => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;
const found = (text: string, type: string): string[] => {
  const r = scanText(text);
  return r.findings.filter((f) => f.type === type).map((f) => text.slice(f.start, f.end));
};

describe('a sentence ends where a cue stops reaching, sets 833-840', () => {
  it('a family word closing its sentence does not name the capitalised word that opens the next', () => {
    const leaflet = 'Una de cada siete madres tiene dificultad para conectar con el bebé. Tiene tratamiento, con terapia y a veces con sertralina.';
    expect(found(leaflet, 'PATIENT_NAME')).toEqual([]);
    expect(scanText(leaflet).containsPhi).toBe(false);
  });
  it('a family word followed by a name in the same sentence still names the child', () => {
    expect(found('Mi bebé Tomás tiene ictericia, le hicieron fototerapia ayer.', 'PATIENT_NAME')).toEqual(['Tomás']);
  });
  it("\"closer to home.\" says nothing about the clinic's address on the next line", () => {
    const ad = 'Talk to your provider about receiving your infusion closer to home.\n212 Depot Street, Willow Ford';
    expect(found(ad, 'ADDRESS').length).toBe(1);
    expect(scanText(ad).findings.find((f) => f.type === 'ADDRESS')?.confidence).toBe('medium');
  });
  it('a home cue in the same sentence still makes the address a home', () => {
    const note = 'She lives at home, 212 Depot Street; her wound vac needs changing Tuesday.';
    expect(scanText(note).findings.find((f) => f.type === 'ADDRESS')?.confidence).toBe('high');
    expect(scanText(note).containsPhi).toBe(true);
  });
});

describe('public figures and fiction, sets 833-840', () => {
  it('what a public figure said on her podcast is hers, not a patient\'s', () => {
    expect(flags('Post idea', 'Olympic swimmer Dana Whitlock said on her podcast last week that she wore braces until 19 and had two teeth pulled.')).toBe(false);
  });
  it('the same words said at a visit are a patient\'s', () => {
    expect(flags('Post idea', 'Dana Whitlock said at her visit last week that she wore braces until 19 and had two teeth pulled.')).toBe(true);
  });
  it('a character "in chapter 12" of a novel is nobody', () => {
    expect(flags('Book club', "In chapter 12 Captain Elias Marrow develops blackwater fever and the ship's surgeon doses him with quinine.")).toBe(false);
  });
  it('the same sentence about a real captain is PHI', () => {
    expect(flags('Crew health', "Captain Elias Marrow developed blackwater fever and the ship's surgeon dosed him with quinine.")).toBe(true);
  });
});

describe('health words, sets 833-840', () => {
  it('"fisio" is physiotherapy in Spanish chat', () => {
    expect(flags('', 'la sra. quintero no vino a su fisio de la rodilla hoy, reagendar p/ martes')).toBe(true);
    expect(flags('', 'hoy no hay fisio, la sala está cerrada por pintura; reagendar p/ martes')).toBe(false);
  });
  it('"postop" written as one word is a procedure', () => {
    expect(flags('', 'Mr. Delacroix is postop day 2 after his knee, incision clean')).toBe(true);
    expect(flags('', 'Mr. Delacroix is on day 2 of his new badge rollout, all clean')).toBe(false);
  });
  it('a surname heading a reply about a positive serology is whom it is about', () => {
    expect(flags('Re: Halloran - strongyloides serology positive', 'ok, will add to the ivermectin list.')).toBe(true);
    expect(flags('Re: strongyloides serology - how to order', 'ok, will add it to the order set.')).toBe(false);
  });
});

describe('Russian and Ukrainian names without a cue word, sets 833-840', () => {
  it('a surname with initials next to a lab result is a patient', () => {
    expect(found('Результат ХГЧ — Петрова Е. В.', 'PATIENT_NAME')).toEqual(['Петрова Е. В.']);
    expect(flags('Результат ХГЧ — Петрова Е. В.', 'Ваш анализ крови на ХГЧ — 240 мМЕ/мл. Повторный анализ через 48 часов.')).toBe(true);
  });
  it('a given name with a patronymic is a person, in a greeting on a line of its own; the same mail to no one is not PHI', () => {
    expect(flags('Результат', 'Добрый день, Елена Викторовна!\n\nВаш анализ крови на ХГЧ от 03.06 — 240 мМЕ/мл.')).toBe(true);
    expect(flags('Результат ХГЧ', 'Добрый день! Анализ крови на ХГЧ сдают утром; результат готов через 48 часов.')).toBe(false);
  });
  it('Ukrainian initials read the same way', () => {
    expect(found('Петренко О.І. — діабет, контроль через місяць', 'PATIENT_NAME')).toEqual(['Петренко О.І.']);
  });
});

describe('eye imaging named with its eye, sets 833-840', () => {
  const attached = (file: string): boolean =>
    scanParts([{ where: 'subject', text: 'images' }, { where: 'body', text: 'see attached, thx' }, { where: 'attachment-name', text: file }]).containsPhi;
  it('"FA_OS" (an angiogram of the left eye) filed under a name and birth date is a patient\'s record', () => {
    expect(attached('Quist_Harriet_DOB1957-04-19_FA_OS.pdf')).toBe(true);
  });
  it('"FA" without an eye is no test: the same file is a form', () => {
    expect(attached('Quist_Harriet_DOB1957-04-19_FA_form.pdf')).toBe(false);
  });
  it('"CNV OU" is neovascularisation in both eyes', () => {
    expect(attached('Whitcombe_Iris_DOB1949-02-17_CNV_OU_followup.pdf')).toBe(true);
  });
});

describe('a bare record number that care is asked for, sets 833-840', () => {
  it('a line opening with a zero-padded number and what it needs is about a chart', () => {
    expect(flags('INR', '00731904 needs INR recheck friday, last was 4.1 on warfarin 7.5 mg. hold tonight pls')).toBe(true);
    expect(flags('badge', '00731904 needs a new badge photo before friday, HR says')).toBe(false);
  });
  it('"VLs" are viral loads, care enough for a chart pulled by its number', () => {
    expect(flags('', "can someone pull 00829136's last 3 VLs before my 2pm? thx")).toBe(true);
    expect(flags('', "can someone pull 00829136's last 3 invoices before my 2pm? thx")).toBe(false);
  });
});

describe('a name after an honorific owns a procedure in its sentence, sets 833-840', () => {
  it('"la sra. …" and a procedure in the same sentence is a patient\'s bill', () => {
    expect(flags('', 'la sra. quintanilla ya pagó lo de la colonoscopia, cta 55120. quítenle la nota de cobranza porfa')).toBe(true);
    expect(flags('', 'la sra. quintanilla ya pagó lo del estacionamiento, cta 55120. quítenle la nota de cobranza porfa')).toBe(false);
  });
  it('a greeting line ends its sentence: the thanks below it are not about the addressee\'s care', () => {
    expect(flags('Thank you', "Dear Mrs. Halvorsen,\n\nThank you for your gift of $100 to the Hospice Foundation's volunteer fund.")).toBe(false);
  });
  it('"MS" before an organisation\'s word is no honorific', () => {
    expect(flags('Drivers', 'The Millbrook MS Society is looking for volunteer drivers to bring people to infusion appointments.')).toBe(false);
  });
});

describe('a name found before a room, sets 833-840', () => {
  it('a lower-case name with a room and a condition is an inpatient\'s', () => {
    expect(flags('', 'kwame boateng rm 2 w/ diarrhea again')).toBe(true);
    expect(flags('', 'kwame boateng rm 2 w/ the new laptop, can u set it up?')).toBe(false);
  });
});

describe('a reply headed by a surname and a test value, sets 833-840', () => {
  it('"RE: <surname> – <test> <value>" is one patient\'s result', () => {
    expect(flags('RE: Halloran – AST 188 again', "call me when you're out of clinic")).toBe(true);
  });
  it('without the dash the first word may be any word ("Target INR 2.5")', () => {
    expect(flags('RE: Target INR 2.5 for mechanical valves', 'see the attached handout for the team.')).toBe(false);
  });
});

describe('a dog visiting a patient, sets 833-840', () => {
  it('a therapy-dog visit to a named child in a hospital room is about the child', () => {
    expect(flags('Visit?', "Any chance Pepper (or one of the other dogs) could visit Imani Brooks in 4 West 412 this week? She's 9, in with pneumonia, and misses her own dog.")).toBe(true);
  });
  it('a vet clinic\'s puppy with pneumonia stays an animal\'s, whoever could visit it', () => {
    expect(flags('Pepper', 'Pepper the puppy has pneumonia again (seen at the vet clinic today); her owner Imani Brooks says the other dogs could visit her at the kennel Friday.')).toBe(false);
  });
});

describe('a lower-case given name in a bed, sets 833-840', () => {
  it('"is ramona in 4 ok for another zofran" names the patient in bed 4', () => {
    expect(flags('bed 4', 'is ramona in 4 ok for another zofran 4 mg? still vomiting. k')).toBe(true);
  });
  it('the same question about lunch, or a number of days, names no patient', () => {
    expect(flags('bed 4', 'is ramona in 4 ok for the late lunch? k')).toBe(false);
    expect(found('ramona in 4 weeks for the diabetes talk', 'PATIENT_NAME')).toEqual([]);
  });
});

describe('a record number and a birth date set off by dashes, sets 833-840', () => {
  it('"rosa — 2291847 — 4/19/63 — humira" is a chart looked up by number and birth date', () => {
    expect(flags('humira', 'rosa — 2291847 — 4/19/63 — humira 40 q2w, next due 3/3, auth good thru 9/30')).toBe(true);
  });
  it('a recent date after the number is an order\'s', () => {
    expect(flags('gloves', 'order — 2291847 — 4/19/23 — gloves x4, ship thurs')).toBe(false);
  });
});
