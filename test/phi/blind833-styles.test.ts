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
    const leaflet = 'A veces cuesta dormir o cuidar al bebé. Tiene ayuda: terapia y, si hace falta, sertralina.';
    expect(found(leaflet, 'PATIENT_NAME')).toEqual([]);
    expect(scanText(leaflet).containsPhi).toBe(false);
  });
  it('a family word followed by a name in the same sentence still names the child', () => {
    expect(found('Mi bebé Tomás tiene ictericia, le hicieron fototerapia ayer.', 'PATIENT_NAME')).toEqual(['Tomás']);
  });
  it("\"closer to home.\" says nothing about the clinic's address on the next line", () => {
    const ad = 'Ask your doctor about getting your infusion closer to home.\n418 Larch Avenue, Millbrook';
    expect(found(ad, 'ADDRESS').length).toBe(1);
    expect(scanText(ad).findings.find((f) => f.type === 'ADDRESS')?.confidence).toBe('medium');
  });
  it('a home cue in the same sentence still makes the address a home', () => {
    const note = 'She lives at home, 418 Larch Avenue; her wound vac needs changing Tuesday.';
    expect(scanText(note).findings.find((f) => f.type === 'ADDRESS')?.confidence).toBe('high');
    expect(scanText(note).containsPhi).toBe(true);
  });
});

describe('public figures and fiction, sets 833-840', () => {
  it('what a public figure said on her podcast is hers, not a patient\'s', () => {
    expect(flags('Post idea', 'Figure skater Laura Vance told listeners on her podcast that she wore braces as an adult after her jaw surgery.')).toBe(false);
  });
  it('the same words said at a visit are a patient\'s', () => {
    expect(flags('Post idea', 'Laura Vance told us at her visit that she wore braces as an adult after her jaw surgery.')).toBe(true);
  });
  it('a character "in chapter 9" of a novel is nobody', () => {
    expect(flags('Book club', "In chapter 9 Captain Jonas Reyk comes down with malaria and the ship's doctor gives him chloroquine.")).toBe(false);
  });
  it('the same sentence about a real captain is PHI', () => {
    expect(flags('Crew health', "Captain Jonas Reyk came down with malaria and the ship's doctor gave him chloroquine.")).toBe(true);
  });
});

describe('health words, sets 833-840', () => {
  it('"fisio" is physiotherapy in Spanish chat', () => {
    expect(flags('', 'la sra. quintero faltó a la fisio de rodilla, hay que darle otra cita')).toBe(true);
    expect(flags('', 'hoy no hay fisio, la sala está cerrada por pintura; hay que mover las citas')).toBe(false);
  });
  it('"postop" written as one word is a procedure', () => {
    expect(flags('', 'Mr. Delacroix is postop day 2 after his knee, incision clean')).toBe(true);
    expect(flags('', 'Mr. Delacroix is on day 2 of his new badge rollout, all clean')).toBe(false);
  });
  it('a surname heading a reply about a positive serology is whom it is about', () => {
    expect(flags('Re: Halloran - strongyloides serology positive', 'noted, ivermectin ordered.')).toBe(true);
    expect(flags('Re: strongyloides serology - how to order', 'noted, added to the order set.')).toBe(false);
  });
});

describe('Russian and Ukrainian names without a cue word, sets 833-840', () => {
  it('a surname with initials next to a lab result is a patient', () => {
    expect(found('Анализ на ХГЧ: Петрова Е. В.', 'PATIENT_NAME')).toEqual(['Петрова Е. В.']);
    expect(flags('Анализ на ХГЧ: Петрова Е. В.', 'ХГЧ 240 мМЕ/мл, повторить через двое суток.')).toBe(true);
  });
  it('a given name with a patronymic is a person, in a greeting on a line of its own; the same mail to no one is not PHI', () => {
    expect(flags('Результат', 'Здравствуйте, Елена Викторовна!\n\nХГЧ от 12.05 — 240 мМЕ/мл, приходите на УЗИ.')).toBe(true);
    expect(flags('ХГЧ', 'Здравствуйте! Кровь на ХГЧ сдают утром натощак; результат через двое суток.')).toBe(false);
  });
  it('Ukrainian initials read the same way', () => {
    expect(found('Петренко О.І. — діабет, контроль через місяць', 'PATIENT_NAME')).toEqual(['Петренко О.І.']);
  });
});

describe('eye imaging named with its eye, sets 833-840', () => {
  const attached = (file: string): boolean =>
    scanParts([{ where: 'subject', text: 'images' }, { where: 'body', text: 'attached for review' }, { where: 'attachment-name', text: file }]).containsPhi;
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
    expect(flags('INR', '00731904 needs a repeat INR on friday (4.1 today on warfarin 7.5 mg)')).toBe(true);
    expect(flags('badge', '00731904 needs a new badge photo before friday, HR says')).toBe(false);
  });
  it('"VLs" are viral loads, care enough for a chart pulled by its number', () => {
    expect(flags('', 'could you pull 00829136 and send me the last two VLs before my 2pm?')).toBe(true);
    expect(flags('', 'could you pull 00829136 and send me the last two invoices before my 2pm?')).toBe(false);
  });
});

describe('a name after an honorific owns a procedure in its sentence, sets 833-840', () => {
  it('"la sra. …" and a procedure in the same sentence is a patient\'s bill', () => {
    expect(flags('', 'la sra. quintanilla ya pagó lo de la colonoscopia en caja, favor de cerrar el saldo')).toBe(true);
    expect(flags('', 'la sra. quintanilla ya pagó lo del estacionamiento en caja, favor de cerrar el saldo')).toBe(false);
  });
  it('a greeting line ends its sentence: the thanks below it are not about the addressee\'s care', () => {
    expect(flags('Thank you', "Dear Mrs. Halvorsen,\n\nWe received your donation to the Hospice Foundation's garden fund; a receipt is enclosed.")).toBe(false);
  });
  it('"MS" before an organisation\'s word is no honorific', () => {
    expect(flags('Drivers', 'The Harbor MS Society needs weekend volunteers to drive members to their infusion visits.')).toBe(false);
  });
});

describe('a name found before a room, sets 833-840', () => {
  it('a lower-case name with a room and a condition is an inpatient\'s', () => {
    expect(flags('', 'jose ortiz rm 2 w/ diarrhea again')).toBe(true);
    expect(flags('', 'jose ortiz rm 2 w/ the new laptop, can u set it up?')).toBe(false);
  });
});

describe('a reply headed by a surname and a test value, sets 833-840', () => {
  it('"RE: <surname> – <test> <value>" is one patient\'s result', () => {
    expect(flags('RE: Halloran – AST 188 again', 'can you ring me after clinic')).toBe(true);
  });
  it('without the dash the first word may be any word ("Target INR 2.5")', () => {
    expect(flags('RE: Target INR 2.5 for mechanical valves', 'see the attached handout for the team.')).toBe(false);
  });
});

describe('a dog visiting a patient, sets 833-840', () => {
  it('a therapy-dog visit to a named child in a hospital room is about the child', () => {
    expect(flags('Visit?', 'Imani Brooks (4 West 412, age 9, pneumonia) misses her own dog badly; is there a chance one of the volunteer dogs could visit?')).toBe(true);
  });
  it('a vet clinic\'s puppy with pneumonia stays an animal\'s, whoever could visit it', () => {
    expect(flags('Pepper', 'Pepper the puppy has pneumonia again (seen at the vet clinic today); her owner Imani Brooks says the other dogs could visit her at the kennel Friday.')).toBe(false);
  });
});

describe('a lower-case given name in a bed, sets 833-840', () => {
  it('"can ramona in 4 have more zofran" names the patient in bed 4', () => {
    expect(flags('bed 4', 'can ramona in 4 have more zofran? she is still vomiting')).toBe(true);
  });
  it('the same question about lunch, or a number of days, names no patient', () => {
    expect(flags('bed 4', 'can ramona in 4 have the late lunch? she missed hers')).toBe(false);
    expect(found('ramona in 4 weeks for the diabetes talk', 'PATIENT_NAME')).toEqual([]);
  });
});

describe('a record number and a birth date set off by dashes, sets 833-840', () => {
  it('"rosa — 2291847 — 4/19/63 — humira" is a chart looked up by number and birth date', () => {
    expect(flags('humira', 'rosa — 2291847 — 4/19/63 — humira 40 q2w, pharmacy needs the new auth')).toBe(true);
  });
  it('a recent date after the number is an order\'s', () => {
    expect(flags('gloves', 'order — 2291847 — 4/19/23 — gloves x4, pharmacy needs the new invoice')).toBe(false);
  });
});
