import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 28 from blind sets 969-976 (held back through session 27, then read) and the sets written
// after them. Made-up names and numbers; none taken from a test set. Each case has a twin that must go the other way.

const flags = (subject: string, body: string): boolean => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;
const found = (text: string, type: string): string[] => {
  const r = scanText(text);
  return r.findings.filter((f) => f.type === type).map((f) => text.slice(f.start, f.end));
};

describe('identifiers, sets 969-976', () => {
  it('Spanish "miembro" before a member ID labels it, and the name before it is the member\'s', () => {
    const text = 'Hola, Renata Villaseñor Ibarra (miembro KMP448201937):\nUsted tiene pendiente su examen de la vista por la diabetes.';
    expect(found(text, 'HEALTH_PLAN_ID')).toEqual(['KMP448201937']);
    expect(found('Afiliado: KMP448201937', 'HEALTH_PLAN_ID')).toEqual(['KMP448201937']);
  });
  it('"miembro" and "afiliado" in prose label nothing', () => {
    expect(found('Somos miembro de la red estatal y un centro afiliado a la universidad desde 2019.', 'HEALTH_PLAN_ID')).toEqual([]);
  });
  it('a card the practice pays with ("our practice American Express", "Name on card: … PLLC") is no patient\'s', () => {
    const body = 'Please charge the replacement laser tip (quote Q-5521) to our practice American Express 3714 625180 39121, exp 10/27. Name on card: Harborline Dermatology PLLC.';
    expect(recognizersFlag([{ where: 'subject', text: 'Payment for replacement tip' }, { where: 'body', text: body }])).toBe(false);
  });
  it('a patient\'s own card for a dermatology visit stays theirs', () => {
    const body = 'Please charge my American Express 3714 625180 39121, exp 10/27, for the Mohs surgery on my nose last week. Name on card: Odile Ferrante.';
    expect(recognizersFlag([{ where: 'subject', text: 'Payment for my visit' }, { where: 'body', text: body }])).toBe(true);
  });
});

describe('names that are no one\'s, sets 969-976', () => {
  it('a language after a label is no name ("member ID, Spanish and Vietnamese taglines")', () => {
    expect(found('Changes: a larger font for the member ID, Spanish and Korean taglines on the back.', 'PATIENT_NAME')).toEqual([]);
  });
  it('a person after the same label stays a name', () => {
    expect(found('Member: Dorotea Spanjaard\nID: KMP448201937', 'PATIENT_NAME')).toContain('Dorotea Spanjaard');
  });
  it('a Vietnamese or Polish job after a name makes a colleague ("…, nhân viên y tế", "…, terapeutka oddechowa")', () => {
    const vi = 'Xin giới thiệu chị Thủy Lâm Hoàng, nhân viên y tế cộng đồng. Chị có thể giúp quý vị tìm lớp học về bệnh tiểu đường và cao huyết áp.\nEmail: thuy.lam@health.example';
    expect(found(vi, 'PATIENT_NAME')).toEqual([]);
    expect(found('Spotkanie poprowadzi Bożena Kwiatkowska, terapeutka oddechowa, o astmie i POChP.', 'PATIENT_NAME')).toEqual([]);
  });
  it('the same names without a job are people', () => {
    expect(found('Xin báo tin chị Thủy Lâm Hoàng đã nhập viện vì bệnh tiểu đường.', 'PATIENT_NAME')).toContain('chị Thủy Lâm Hoàng');
    expect(found('Spotkanie: Bożena Kwiatkowska, astma, POChP.', 'PATIENT_NAME')).toContain('Bożena Kwiatkowska');
  });
  it('an author named for a book talk is no patient ("a talk by nurse and author <name>")', () => {
    expect(found('Join us for a talk by hospice nurse and author Marguerite Osei on her book about dementia care.', 'PATIENT_NAME')).toEqual([]);
  });
  it('the same name seen for dementia is a patient', () => {
    expect(found('Hospice nurse visited Marguerite Osei about her dementia care today.', 'PATIENT_NAME')).toEqual(['Marguerite Osei']);
  });
  it('a camp or an estate ("Sunny Acres", "Willow Estates") ending a subject is a place', () => {
    const subject = (place: string): string[] => scanParts([{ where: 'subject', text: `Invitation: Diabetes self-management class (group) - ${place}` }, { where: 'body', text: 'Calendar hold for the van team.' }]).findings.filter((f) => f.type === 'PATIENT_NAME').map((f) => f.where);
    expect(subject('Willow Estates')).toEqual([]);
    expect(subject('Sunny Acres')).toEqual([]);
  });
  it('a person ending the same subject stays its person', () => {
    const r = scanParts([{ where: 'subject', text: 'Invitation: Diabetes follow-up - Willow Eastman' }, { where: 'body', text: 'Calendar hold for the van team.' }]);
    expect(r.findings.filter((f) => f.type === 'PATIENT_NAME').length).toBe(1);
  });
});

describe('nobody\'s health, sets 969-976', () => {
  it('a book\'s title ("her book \'Living with ALS\'", "her memoir about …") is no one\'s condition', () => {
    const book = "Join us at noon for a talk on her book 'Living with ALS: Letters from Home Visits'. Lunch for the first 30.\n\nRSVP: events@health.example";
    expect(recognizersFlag([{ where: 'subject', text: 'Book talk April 9' }, { where: 'body', text: book }])).toBe(false);
    const memoir = 'Join us at noon for a talk on her memoir about heart failure. Lunch for the first 30.\n\nRSVP: events@health.example';
    expect(recognizersFlag([{ where: 'subject', text: 'Book talk April 9' }, { where: 'body', text: memoir }])).toBe(false);
  });
  it('her own heart failure is hers', () => {
    const body = 'Join us at noon: a talk about her heart failure. Lunch for the first 30.\n\nRSVP: events@health.example';
    expect(recognizersFlag([{ where: 'subject', text: 'Talk April 9' }, { where: 'body', text: body }])).toBe(true);
  });
  it('a blank consent form signed by the sender who sends it is a form, whatever its wording', () => {
    const body = 'Equipo:\n\nAquí está el formato nuevo de consentimiento. Favor de imprimir 50 copias.\n\nNombre del paciente: ______________\nFecha de nacimiento: ____/____/______\nMotivo de la consulta: ______________\nAlergias a medicamentos: ______________\nFirma: ____________  Fecha: ________\n\nGracias,\nOsvaldo Quintanar';
    expect(flags('Formato nuevo de consentimiento', body)).toBe(false);
  });
  it('the same form filled in is a patient\'s', () => {
    const body = 'Equipo:\n\nAquí está el consentimiento firmado.\n\nNombre del paciente: Fermina Olvera Campos\nFecha de nacimiento: 04/11/1962\nMotivo de la consulta: dolor de pecho\nAlergias a medicamentos: penicilina\nFirma: ____________  Fecha: ________\n\nGracias,\nOsvaldo Quintanar';
    expect(flags('Consentimiento', body)).toBe(true);
  });
});

describe('readings from sets 977-984', () => {
  it('a list row keyed by an e-mail address with a definite result is that person\'s', () => {
    const body = 'For the outbreak log (no names please, just these):\n\n- rquint44@campus.example - rapid strep POSITIVE 10/14, started amoxicillin 500 mg BID\n- lbeaumont@campus.example - rapid strep POSITIVE 10/14, started amoxicillin 500 mg BID\n\nWe will send an aggregate count on Friday.';
    expect(recognizersFlag([{ where: 'subject', text: 'Strep positives for tracking' }, { where: 'body', text: body }])).toBe(true);
  });
  it('a mailbox listed with what it handles, no one\'s result, stays an office\'s', () => {
    const body = 'Where to send things:\n\n- pharmacy@campus.example - questions about amoxicillin 500 mg supply\n- labdesk@campus.example - rapid strep kits\n\nThanks.';
    expect(recognizersFlag([{ where: 'subject', text: 'Mailboxes' }, { where: 'body', text: body }])).toBe(false);
  });
  it('Ukrainian drugs and conditions, and "Пане" before a name, are read', () => {
    const text = 'Пане Остапе Гнатюк,\n\nлікарка призначила вам сертралін 50 мг щоранку від безсоння та тривоги.';
    expect(found(text, 'MEDICATION')).toEqual(['сертралін']);
    expect(found(text, 'DIAGNOSIS')).toContain('безсоння');
    expect(found(text, 'PATIENT_NAME')).toEqual(['Остапе Гнатюк']);
    expect(found('Врач назначил миртазапин 15 мг на ночь от бессонницы.', 'MEDICATION')).toEqual(['миртазапин']);
  });
  it('"Assisted Living" over an address names a residence, not someone\'s home; a directory of such sites is no one\'s', () => {
    const body = 'Updated list for the delivery team:\n\nBirchwood Nursing & Rehabilitation\n410 Quarry Rd, Xenia, OH 45385 | Nursing (937) 555-0121 | Fax (937) 555-0122\n\nAlder Court Assisted Living\n22 Alder Ct, Kettering, OH 45429 | Wellness (937) 555-0124\n\nHarvest Manor Skilled Nursing\n900 Harvest Pike, Fairborn, OH 45324 | 2nd floor (937) 555-0127\n\nGreg';
    expect(recognizersFlag([{ where: 'subject', text: 'Partner directory' }, { where: 'body', text: body }])).toBe(false);
  });
  it('someone living at an address still lives there', () => {
    expect(scanText('Hospice admit: she is living at 22 Alder Ct, Kettering with her son.').findings.find((f) => f.type === 'ADDRESS')?.reasons).toContain('keyword:home');
  });
  it('"Patient Grievance Process" after a policy number is no patient', () => {
    expect(found('Policy PR-210 (Patient Grievance Process) is due for review.', 'PATIENT_NAME')).toEqual([]);
  });
  it('"Patient" before a person\'s name stays a name', () => {
    expect(found('Patient Gretchen Prosser filed a grievance about her wait.', 'PATIENT_NAME')).toEqual(['Gretchen Prosser']);
  });
});

describe('readings from sets 985-992', () => {
  it('a numbered row with a name, a number, an address and a result is that person\'s (contact tracing)', () => {
    const body = 'Staff exposed to the index case (break room, 1/8):\n\n1. Marisa Quell, CNA – 360-555-0131 – mquell@hosp.example – PCR POS, isolating\n2. Teodor Brann, RN – 360-555-0132 – tbrann@hosp.example – PCR NEG\n\nTrevor';
    expect(recognizersFlag([{ where: 'subject', text: 'Contact tracing 4 West' }, { where: 'body', text: body }])).toBe(true);
  });
  it('a numbered staff phone list with no result is a directory', () => {
    const body = 'Who to call on 4 West this weekend:\n\n1. Marisa Quell, CNA – 360-555-0131 – mquell@hosp.example – PCR swabs and kits\n2. Teodor Brann, RN – 360-555-0132 – tbrann@hosp.example – days\n\nTrevor';
    expect(recognizersFlag([{ where: 'subject', text: 'Weekend contacts 4 West' }, { where: 'body', text: body }])).toBe(false);
  });
  it('a record number with its letters joined on after "merge"/"into" is a chart\'s', () => {
    expect(found('Please merge KR5521907 into KR4408816 (keep the older one).', 'MRN')).toEqual(['KR5521907', 'KR4408816']);
    expect(found('unlock CR-207719 please', 'MRN')).toEqual(['CR-207719']);
  });
  it('such a number without a chart verb, or a bare number not zero-padded, is none', () => {
    expect(found('Shipment KR5521907 arrived with the gloves.', 'MRN')).toEqual([]);
    expect(found('Please merge 5521907 into 4408816.', 'MRN')).toEqual([]);
  });
  it('"synthetic test" data makes its numbers nobody\'s', () => {
    const body = 'Ran the SSN checks in TST with synthetic test encounters only:\n  912-55-0187 accepted as ITIN\n  432-19-0000 rejected\nBuild ready for CAB.';
    expect(flags('[TST] ADT SSN validation', body)).toBe(false);
  });
  it('the same numbers from a registration are a patient\'s', () => {
    const body = 'Registration needs the ITIN fixed for this patient, admitted for chest pain:\n  912-55-0187\nPlease correct in the ADT.';
    expect(flags('ADT SSN fix', body)).toBe(true);
  });
  it('a generic handout in review ("fiche générique") addresses every reader, not the reviewer greeted', () => {
    const body = "Bonjour Solène,\n\nPeux-tu relire la traduction de la fiche générique ?\n\n---\nVotre traitement contre l'hépatite C\n\nMavyret se prend une fois par jour avec de la nourriture, pendant 8 semaines.\n---\n\nMerci !\nDana";
    expect(recognizersFlag([{ where: 'subject', text: "Fiche : votre traitement contre l'hépatite C (relecture)" }, { where: 'body', text: body }])).toBe(false);
  });
  it('a note to a patient greeted by name about her own hepatitis stays hers', () => {
    const body = "Bonjour Solène,\n\nVotre traitement contre l'hépatite C commence lundi : Mavyret une fois par jour avec de la nourriture, pendant 8 semaines.\n\nDana";
    expect(recognizersFlag([{ where: 'subject', text: 'Votre traitement' }, { where: 'body', text: body }])).toBe(true);
  });
  it('"Nia" is a given name ("a reminder that Nia Okafor is scheduled for IV sedation")', () => {
    expect(found('This is a reminder that Nia Abernathy is scheduled for IV sedation on Tuesday.', 'PATIENT_NAME')).toEqual(['Nia Abernathy']);
  });
});

describe('readings from sets 993-1000', () => {
  it('a county\'s or a basin\'s name next to a condition is a place ("condado Cedar Basin: prueba VIH")', () => {
    expect(found('Clínica de salud sexual, condado Cedar Basin: prueba de VIH y sífilis sin costo.', 'PATIENT_NAME')).toEqual([]);
  });
  it('"Dear Authorized Representative," and a "Patient Monitoring Form" are nobody', () => {
    expect(found('Dear Authorized Representative,\n\nThe esketamine REMS requires a Patient Monitoring Form after every session.', 'PATIENT_NAME')).toEqual([]);
  });
  it('a person after "Patient" in the same notice is a name', () => {
    expect(found('Patient Monica Frost was monitored for 2 hours after her esketamine dose.', 'PATIENT_NAME')).toEqual(['Monica Frost']);
  });
  it('a member ID and cardholder of a business or buying-group membership are no health plan\'s', () => {
    const body = 'Your Executive Business Membership is due for renewal.\n\nMember ID: W771204958\nPrimary cardholder: Tobiah Renner\nRenewal date: 05/15/2025\n\nQuestions about our medical billing and claims accounts? Call (800) 555-0149.';
    expect(recognizersFlag([{ where: 'subject', text: 'Membership renewal' }, { where: 'body', text: body }])).toBe(false);
  });
  it('a health plan\'s member ID and cardholder stay the member\'s', () => {
    const body = 'Your health plan coverage is due for renewal.\n\nMember ID: W771204958\nPrimary cardholder: Tobiah Renner\nRenewal date: 05/15/2025\n\nQuestions about your claims? Call (800) 555-0149.';
    expect(recognizersFlag([{ where: 'subject', text: 'Coverage renewal' }, { where: 'body', text: body }])).toBe(true);
  });
  it('a lodging house ("Lantern House tendrá 6 habitaciones") is no one', () => {
    const text = 'Estimados trabajadores sociales:\n\nBeacon House tendrá 4 habitaciones disponibles en mayo. Prioridad para familias de pacientes de trasplante que viven a más de 80 km. Recordatorios para las familias:\n- Nadie con fiebre, tos o diarrea puede quedarse en la casa.';
    expect(found(text, 'PATIENT_NAME')).toEqual([]);
  });
  it('a fotonovela whose characters are said to be invented names no patient', () => {
    const body = 'Hola Ana, aquí está el borrador del guion. Los personajes son inventados.\n\nEscena 1: Doña Rosario, 58 años, tiene mucha sed. Su hija: "Mamá, eso puede ser diabetes."\nEscena 2: La enfermera explica la metformina.';
    expect(recognizersFlag([{ where: 'subject', text: 'guion fotonovela' }, { where: 'body', text: body }])).toBe(false);
  });
  it('the same scene told of a real patient names her', () => {
    const body = 'Hola Ana, te cuento de la visita de hoy.\n\nDoña Rosario, 58 años, tiene mucha sed. Su hija dice que puede ser diabetes. La enfermera le explicó la metformina.';
    expect(recognizersFlag([{ where: 'subject', text: 'visita de hoy' }, { where: 'body', text: body }])).toBe(true);
  });
});

describe('readings from sets 1001-1016', () => {
  const attached = (name: string) => scanParts([{ where: 'subject', text: 'scan' }, { where: 'body', text: 'here you go' }, { where: 'attachment-name', text: name }]).containsPhi;
  it('a result glued into a file name with a birth date ("…_DOB1951-04-09_echo_LVEF35.pdf") is a record', () => {
    expect(attached('Ravensworth_Ilse_DOB1951-04-09_echo_LVEF35.pdf')).toBe(true);
  });
  it('the same file name without the result or the birth date is not', () => {
    expect(attached('Ravensworth_Ilse_echo_template.pdf')).toBe(false);
  });
  it('a condition glued in CamelCase into a file name under a full name ("…_MelanomaPathReport_…") is a record', () => {
    expect(attached('Arceneaux_Marcel_MelanomaPathReport_2025-02-11.pdf')).toBe(true);
  });
  it('a CamelCase part that names no condition leaves the file name no one\'s record', () => {
    expect(attached('Arceneaux_Marcel_TravelExpenseReport_2025-02-11.pdf')).toBe(false);
  });
  it('a reference range of decimals ("Potassium: 3.5-5.1 mmol/L") is no one\'s result', () => {
    expect(found('New reference ranges, effective 10/1:\nPotassium: 3.5-5.1 mmol/L\nTSH: 0.45-4.12 mIU/L', 'LAB_RESULT')).toEqual([]);
  });
  it('a single value and an ejection fraction\'s range stay results', () => {
    expect(found('Potassium: 5.9 mmol/L this morning; LVEF 30-35%.', 'LAB_RESULT')).toEqual(['Potassium: 5.9 mmol/L', 'LVEF 30-35%']);
  });
  it('an honorific name with a job or a department after it is a colleague ("Mrs. Ocampo from facilities")', () => {
    expect(found('Hi all - Mrs. Ocampo from facilities will be in the infusion room tomorrow to replace the ice machine filter.', 'PATIENT_NAME')).toEqual([]);
  });
  it('the same honorific name with her infusion is a patient', () => {
    expect(found('Hi all - Mrs. Ocampo will be in the infusion room tomorrow for her iron infusion.', 'PATIENT_NAME')).toEqual(['Mrs. Ocampo']);
  });
  it('a signer with a department ("…, Quality & Revenue Cycle", "…, Facturación") signs as staff', () => {
    const body = 'QAPI committee -- Q2 primary diagnosis mix, all admissions (n=41):\n\n| ICD-10 | Description | Patients |\n|---|---|---|\n| C34.90 | lung cancer, unspecified | 8 |\n| I50.9 | heart failure | 9 |\n| G30.9 | Alzheimer disease | 5 |\n| J44.1 | COPD w/ exacerbation | 6 |\n| other | -- | 13 |\n\nMedian LOS 5 days. No patient-level data in this email; the detail file stays on the QAPI drive.\n\nPriya Castellano, Quality & Revenue Cycle';
    expect(recognizersFlag([{ where: 'subject', text: 'Q2 diagnosis mix' }, { where: 'body', text: body }])).toBe(false);
  });
  it('a Dari cue followed by a verb and a pronoun names no one ("مریض شدن شما", falling ill)', () => {
    expect(found('تداوی چهار ماهه با ریفامپین از مریض شدن شما در آینده جلوگیری می‌کند.', 'PATIENT_NAME')).toEqual([]);
  });
  it('drug samples counted in boxes ("10 mg - 6 cajas") and a distributor\'s backorders on an account are stock', () => {
    const samples = 'Hola Rosa:\n\nEl martes dejo para la clínica:\n  • Jardiance 10 mg - 6 cajas, lote 3KT0921\n  • Entresto 24/26 mg - 4 cajas\n\nCualquier cosa me llamas al (541) 555-0122.\n\nMarcos';
    expect(recognizersFlag([{ where: 'subject', text: 'entrega del martes' }, { where: 'body', text: samples }])).toBe(false);
    const backorders = 'Hi Luis,\n\nCurrent backorders for account 0048113-002:\n- dexmedetomidine 400 mcg/100 mL bags: allocation 60%\n- methylprednisolone 125 mg vials: no ETA\n\nNorthbridge Distribution';
    expect(recognizersFlag([{ where: 'subject', text: 'Weekly backorder report' }, { where: 'body', text: backorders }])).toBe(false);
  });
  it('a patient\'s own doses and account stay theirs', () => {
    const mine = 'Hola Rosa:\n\nYa me estoy tomando el Jardiance 10 mg y el Entresto 24/26 mg desde el martes.\n\nCualquier cosa me llamas al (541) 555-0122.\n\nMarcos';
    expect(recognizersFlag([{ where: 'subject', text: 'mis medicinas' }, { where: 'body', text: mine }])).toBe(true);
  });
  it('"my phototherapy shift" is the writer\'s work, not their treatment', () => {
    const body = "works for me, I'll take the 7-11 phototherapy shift and Jo can cover front desk after 11. My cell: (541) 555-0138.\n\nLupe";
    expect(recognizersFlag([{ where: 'subject', text: 'RE: coverage Friday' }, { where: 'body', text: body }])).toBe(false);
  });
});

describe('readings from sets 1017-1024', () => {
  it('"drew" in lower-case notes is a verb ("drew blood cultures after abx")', () => {
    expect(found('- drew blood cultures after abx started, discussed why order matters\n- lactate 4.2 missed by the med nurse role', 'PATIENT_NAME')).toEqual([]);
  });
  it('a lower-case given name and surname before a result stay a name', () => {
    expect(found('- jamal whitfield lactate 4.2, repeat in 2h', 'PATIENT_NAME')).toEqual(['jamal whitfield']);
  });
  it('Spanish credits ("Presenta:", "Información:") and "la enfermera" before a name make staff', () => {
    const flyer = 'Taller gratuito: el asma en los niños.\n310 Main Street, Millbrook\n\nPresenta: Lucía Ferrer y la enfermera Keisha Lambert.\nInformación: Lidia Saavedra, (541) 555-0110';
    expect(found(flyer, 'PATIENT_NAME')).toEqual([]);
  });
  it('the same names as patients stay names', () => {
    expect(found('Lucía Ferrer y Keisha Lambert tienen asma y vienen el sábado.', 'PATIENT_NAME')).toEqual(['Lucía Ferrer', 'Keisha Lambert']);
  });
  it('a statement\'s dates of care with "Patient responsibility" are a bill\'s: the person billed\'s', () => {
    const body = 'A new statement is available for guarantor account A-2024-118204.\n\nServices: psychiatric evaluation (90792) 01/04/2025; medication management visits 01/28/2025\nInsurance paid: $412.60\nPatient responsibility: $38.00\n\nThis is an automated message.';
    expect(flags('Statement available', body)).toBe(true);
  });
  it('a fee schedule naming the same services and no dates of care is nobody\'s bill', () => {
    const body = 'Fee schedule for 2025:\n\nServices: psychiatric evaluation (90792); medication management visits (99214)\nSliding fee scale B applies.\n\nThis is an automated message.';
    expect(flags('Fee schedule', body)).toBe(false);
  });
});

describe('readings from sets 1025-1032', () => {
  it('a signer with a department after a bar ("Ben Okoro | IT Systems") signs as staff', () => {
    const body = 'Update installed on EEG-REVIEW-01 through -04:\n\n- Spike detector 14.3.2\n- HL7 interface v2.5.1\n\nBen Oyelaran | IT Systems\nCordillera Neurology & Epilepsy Center\nhelpdesk@neuro.example | (541) 555-0130';
    expect(recognizersFlag([{ where: 'subject', text: 'Release notes 14.3.2' }, { where: 'body', text: body }])).toBe(false);
  });
  it('a name with a diagnosis after it is a patient\'s', () => {
    expect(found('Ben Oyelaran - epilepsy, EEG read today, levetiracetam 500 mg bid.', 'PATIENT_NAME')).toEqual(['Ben Oyelaran']);
  });
  it('an honorific name "in Finance" is a colleague', () => {
    expect(found('Mrs. Gonzalez in Finance needs the cost center for the wheelchair van contract by Friday.', 'PATIENT_NAME')).toEqual([]);
  });
  it('an honorific name "in Radiology" may be a patient there', () => {
    expect(found('Mrs. Gonzalez in Radiology needs her CT contrast held: creatinine 2.1.', 'PATIENT_NAME')).toEqual(['Mrs. Gonzalez']);
  });
});
