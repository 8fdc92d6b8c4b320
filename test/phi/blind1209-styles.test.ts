import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 31 from blind sets 1209-1216 (held back through session 30, then read) and the sets
// written after them. Made-up names and numbers; none taken from a test set. Each case has a twin that must go the
// other way.

const parts = (subject: string, body: string) => [{ where: 'subject', text: subject }, { where: 'body', text: body }];
const found = (text: string, type: string): string[] => {
  const r = scanText(text);
  return r.findings.filter((f) => f.type === type && f.confidence !== 'low').map((f) => text.slice(f.start, f.end));
};

describe('staff, offices and programmes, sets 1209-1216', () => {
  it('Ronald McDonald House, in Spanish order, is a charity beside a year\'s diagnoses', () => {
    const body = 'Para el informe: en 2025 atendimos a 940 niños y 61 familias se hospedaron en la Casa Ronald McDonald. Diagnósticos más frecuentes: CIV (Q21.0) y tetralogía de Fallot (Q21.3).\n\nComunicaciones';
    expect(recognizersFlag(parts('Informe anual', body))).toBe(false);
  });
  it('a patient of that name, labelled, is a patient', () => {
    expect(recognizersFlag(parts('Ingreso', 'Paciente: Ronald McDonald, tetralogía de Fallot, cirugía el martes.'))).toBe(true);
  });
  it('"Infection Prevention" after a name is an office, so a parking form holds no health content', () => {
    const body = 'Renewing my garage permit.\nName: Odile Ferrante, Infection Prevention\nHome address: 318 Quarry Hill Rd, Dunmore, WI 53921\nCell: 608-555-0142\nVehicle: blue Subaru';
    expect(recognizersFlag(parts('parking permit renewal', body))).toBe(false);
  });
  it('a wound infection written after the same name is hers', () => {
    const body = 'Wound check requested.\nName: Odile Ferrante, wound infection after her C-section\nHome address: 318 Quarry Hill Rd, Dunmore, WI 53921\nCell: 608-555-0142';
    expect(recognizersFlag(parts('home visit', body))).toBe(true);
  });
  it('someone "from Risk Management" asking for the literature on a condition is a colleague reading up', () => {
    const body = 'Confirmed for the RCA: Tomas, Bea, Dr. Lindqvist. Mr. Ashdown from Risk Management will attend too; he asked for the literature on hip fracture after inpatient falls.\n\nPriya';
    expect(recognizersFlag(parts('RCA attendees', body))).toBe(false);
  });
  it('the same gentleman "from room 12" with a hip fracture is a patient', () => {
    const body = 'Mr. Ashdown from room 12 fell overnight; he has a hip fracture and goes to theatre at noon.\n\nPriya';
    expect(recognizersFlag(parts('overnight fall', body))).toBe(true);
  });
  it('a colleague "who joins us from HIM as a sepsis abstractor" is staff', () => {
    const body = 'Team news:\n* Welcome to Marisa Quenneville, who joins us from HIM as a sepsis abstractor.\n* Potluck Friday.\n\nDana';
    expect(recognizersFlag(parts('Team news - May', body))).toBe(false);
  });
  it('a resident "who joined us from Ridgeway Rehab" with sepsis is a patient', () => {
    const body = 'Marisa Quenneville, who joined us from Ridgeway Rehab on Monday, has sepsis again and is going back to the hospital.\n\nDana';
    expect(recognizersFlag(parts('room 7', body))).toBe(true);
  });
  it('a mobile clinic named "Ruta Verde" offering flu shots is no person', () => {
    const body = 'Flu season is coming! Ruta Verde will offer free flu shots at every van stop starting October 1. No insurance needed.\n\nQuestions: outreach@rutaverde.example';
    expect(recognizersFlag(parts('Flu shot clinics', body))).toBe(false);
  });
  it('a named client at the van with latent tuberculosis is a patient', () => {
    const body = 'Rosalba Quintero, 58, came to the van on Sunday: PPD positive, latent tuberculosis, starting rifampin. Her cell is 559-555-0171.';
    expect(recognizersFlag(parts('Van Sunday', body))).toBe(true);
  });
});

describe('whose words, sets 1209-1216', () => {
  it('a mnemonic\'s letter "I" opening a line is no pronoun (a sepsis poster signed by its author)', () => {
    const body = 'New poster for the break rooms. Remember TIME:\n\nT - Temperature higher or lower than normal\nI - Infection, may have signs and symptoms\nM - Mental decline\nE - Extremely ill\n\nIf you suspect sepsis, call the rapid response team.\n\nOdile Ferrante, Infection Prevention';
    expect(recognizersFlag(parts('New sepsis poster', body))).toBe(false);
  });
  it('a writer telling of their own sepsis signs it as a patient', () => {
    const body = 'Hello,\n\nI had sepsis in March and I am still very tired. Can I move my follow-up to June?\n\nOdile Ferrante';
    expect(recognizersFlag(parts('follow-up', body))).toBe(true);
  });
  it('the "me" inside a quoted question is the quoted patient\'s, not the writer\'s (a de-identified verbatim)', () => {
    const body = 'My verbatim for Friday, de-identified per program rules:\n\nPatient B, a man in his 60s with a cancer diagnosis, asked \'Is it my fault?\' His daughter stayed by the door.\n\nGrace';
    expect(recognizersFlag(parts('verbatim for peer group', body))).toBe(false);
  });
  it('a writer\'s own cancer, told without quotes, is theirs', () => {
    const body = 'For Friday: I was told last week I have a cancer diagnosis too, so I may need to step back from the peer group for a while.\n\nGrace';
    expect(recognizersFlag(parts('peer group', body))).toBe(true);
  });
});

describe('public figures, sets 1209-1216', () => {
  it('a Paralympian keynote speaker\'s amputation, told in many interviews, is public', () => {
    const body = 'Great news - Paralympian sprinter Ines Valcourt has confirmed as keynote for our June gala. As she has said in many interviews, she lost her right leg below the knee in a car accident at 17 and began running in rehab. Her agent sent the press bio.\n\nHodan';
    expect(recognizersFlag(parts('Gala keynote confirmed', body))).toBe(false);
  });
  it('the same story told of a clinic\'s new patient is hers', () => {
    const body = 'New referral: Ines Valcourt lost her right leg below the knee in a car accident last month and starts rehab with us on Monday; first socket fitting after that.\n\nHodan';
    expect(recognizersFlag(parts('new referral', body))).toBe(true);
  });
});

describe('documents, offices and public figures, sets 1217-1224', () => {
  it('a transport certification (PCS) filed under a name and a chart number is that patient\'s', () => {
    const p = [{ where: 'subject', text: 'signed certification' }, { where: 'body', text: 'Signed form attached, please file with the transport authorizations.' }, { where: 'attachment-name', text: 'Okafor_Benedikt_RMC-5520931_PCS_wheelchair.pdf' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('a name and an order number on a supplier\'s quote are no chart', () => {
    const p = [{ where: 'subject', text: 'quote' }, { where: 'body', text: 'Quote attached for the new wheelchairs.' }, { where: 'attachment-name', text: 'Okafor_Benedikt_PO-5520931_quote.pdf' }];
    expect(recognizersFlag(p)).toBe(false);
  });
  it('"the pano" with a child\'s name and birth date in the file name is a dental record', () => {
    const p = [{ where: 'subject', text: 'pano' }, { where: 'body', text: "here's the pano, the upper right looks off" }, { where: 'attachment-name', text: 'Pano_Lindqvist_Mattias_DOB2016-03-14.jpg' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('a photo of a staff picnic with the same kind of file name holds no care', () => {
    const p = [{ where: 'subject', text: 'photo' }, { where: 'body', text: "here's the picture from the picnic, the upper right is blurry" }, { where: 'attachment-name', text: 'Picnic_Lindqvist_Mattias_2016-03-14.jpg' }];
    expect(recognizersFlag(p)).toBe(false);
  });
  it('a former president\'s announced melanoma, in a newsletter blurb, is public', () => {
    const body = 'Draft blurb: Former President Robert Hale announced in 2019 that melanoma had spread to his liver; it was treated with immunotherapy (nivolumab), and he later said he was cancer-free. Ask for a skin check at your next physical.';
    expect(recognizersFlag(parts('Newsletter draft: skin checks', body))).toBe(false);
  });
  it('the same melanoma told of a named clinic patient is his', () => {
    const body = 'Robert Hale called: melanoma has spread to his liver per the PET, starting nivolumab next week. Please book him for a skin check too.';
    expect(recognizersFlag(parts('Hale', body))).toBe(true);
  });
  it('an athlete\'s ADHD from an interview someone saw is public', () => {
    const body = 'Saw another interview where Dario Castellanos talked about his ADHD and depression and how getting help changed things. Nice poster idea if we can get permission to quote him. - Dana';
    expect(recognizersFlag(parts('poster idea', body))).toBe(false);
  });
  it('a named child\'s ADHD and depression told by his parent are his', () => {
    const body = 'Dario Castellanos, my son, was diagnosed with ADHD and depression last year and is getting worse at school. Can he be seen this week? - Dana';
    expect(recognizersFlag(parts('appointment please', body))).toBe(true);
  });
  it('"Patient Financial Services at <phone>" is a department\'s line, not a patient\'s', () => {
    const body = 'UNDERSTANDING YOUR BILL\n\nTests like a rapid strep test or a wrist x-ray are billed in addition to the visit.\n\nCaring for a sprained ankle at home: rest, ice and elevation. Ibuprofen can help with pain.\n\nQuestions about your bill? Call Patient Financial Services at 253-555-0144.';
    expect(recognizersFlag(parts('Patient handout: your bill', body))).toBe(false);
  });
  it('"call the patient at <phone>" is the patient\'s number', () => {
    const body = 'Rapid strep positive and a sprained ankle on x-ray. Please call the patient at 253-555-0144 with the result; amoxicillin sent.';
    expect(recognizersFlag(parts('callback', body))).toBe(true);
  });
});

describe('names, rotas and public figures, sets 1225-1232', () => {
  it('a baby with a popular modern given name ("Sawyer Quinlan (NAS)") on a methadone taper is a patient', () => {
    const body = 'Pharmacy,\n\nNew taper for Sawyer Lindgren (NAS): methadone 0.05 mg/kg PO q12h x 48 h, then 0.04 mg/kg if Finnegan scores stay under 8.\n\nMarcus Ellery, MD';
    expect(recognizersFlag(parts('methadone taper - bed 11', body))).toBe(true);
  });
  it('the same taper written as a unit protocol names no baby', () => {
    const body = 'Pharmacy,\n\nNew taper protocol (NAS): methadone 0.05 mg/kg PO q12h x 48 h, then 0.04 mg/kg if Finnegan scores stay under 8. Posted on the Sawyer Road unit share.\n\nMarcus Ellery, MD';
    expect(recognizersFlag(parts('methadone taper protocol', body))).toBe(false);
  });
  it('a Spanish rota\'s liaison nurse ("Enfermera de enlace: …") is staff', () => {
    const text = 'Guardias de cirugía bariátrica:\n1-7 mar: Dra. Helena Marsh\nEnfermera de enlace: Yolanda Haddad (ext. 4402)';
    expect(found(text, 'PATIENT_NAME')).toEqual([]);
  });
  it('a Spanish admission line names its patient', () => {
    const text = 'Ingresos de cirugía bariátrica:\nPaciente: Yolanda Haddad, bypass gástrico el 3 de marzo';
    expect(found(text, 'PATIENT_NAME')).toEqual(['Yolanda Haddad']);
  });
  it('a celebrity who "has written publicly" about her embolism is public', () => {
    const body = 'For our postpartum education update: Corinne Vale has written publicly (in a magazine, 2019) about the pulmonary embolism she developed after her C-section. A good starting point for talking with parents about warning signs.';
    expect(recognizersFlag(parts('reading list', body))).toBe(false);
  });
  it('a mother who wrote to us about her own embolism is a patient', () => {
    const body = 'Corinne Vale wrote to us about the pulmonary embolism she developed after her C-section here last month; she asks for a call back about her apixaban.';
    expect(recognizersFlag(parts('call back', body))).toBe(true);
  });
  it('news of "former President …" (lower-case former) is public', () => {
    const body = 'Draft article: When former President Robert Hale chose home hospice care in 2023 after his melanoma spread, many families started talking about what hospice means. Our team can explain options to any family who asks.';
    expect(recognizersFlag(parts('Newsletter draft: hospice', body))).toBe(false);
  });
  it('a named elder choosing hospice at home is our patient', () => {
    const body = 'Robert Hale chose home hospice care this week; his daughter asks for a visit to explain what hospice means.';
    expect(recognizersFlag(parts('Hale', body))).toBe(true);
  });
  it('an athlete\'s surgery in the news patients asked about is public', () => {
    const body = 'Several patients have asked about the news that golfer Dex Harlan had surgery after rupturing his Achilles tendon. Keep it general: we never comment on anyone\'s care. The Achilles brochure is on the front rack.';
    expect(recognizersFlag(parts('Front desk talking points', body))).toBe(false);
  });
  it('Hindi discharge medicines written in Devanagari are medications', () => {
    expect(found('घर की दवाइयाँ: फेरस सल्फेट 0.3 मि.ली. दिन में एक बार, विटामिन डी 400 IU', 'MEDICATION').length).toBe(2);
  });
  it('a Hindi note about lunch names no medication', () => {
    expect(found('घर का खाना: दाल चावल, दिन में एक बार', 'MEDICATION')).toEqual([]);
  });
});

describe('tests, examples and shifts, sets 1233-1240', () => {
  it('a "co-test" before "(patient account …)" is a test taken, not a test patient', () => {
    const body = 'Finance,\n\nPlease refund $88.40 to patient Noemi Varga for the duplicate charge on her Pap/HPV co-test (patient account PA-550213).\nRouting: 041203879\nAccount: 004418829931';
    expect(recognizersFlag(parts('Refund - duplicate Pap/HPV charge', body))).toBe(true);
  });
  it('"test patient" in a training sandbox still marks made-up data', () => {
    const body = 'Training sandbox: refund $88.40 to test patient Noemi Varga for the Pap/HPV charge (patient account PA-550213).';
    expect(recognizersFlag(parts('Sandbox refund drill', body))).toBe(false);
  });
  it('a named patient\'s test with a card taken for it is a payment for care', () => {
    expect(recognizersFlag(parts('copay', "took the copay over the phone for noemi varga' thyroid panel, card 5423 1877 0264 9156 exp 11/26, pls post it"))).toBe(true);
  });
  it('a test named in a newsletter\'s question owns nobody\'s result', () => {
    expect(recognizersFlag(parts('What does my AMH level mean?', 'Clinic Notes, winter issue: what your AMH level can and cannot tell you. Card payments for classes: 5423 1877 0264 9156 is our sample card in the booking demo.'))).toBe(false);
  });
  it('a Spanish form filled "no usar datos reales" is made up', () => {
    const body = 'Adjunto la plantilla del consentimiento para PICC.\n\nEjemplo de relleno (no usar datos reales): Paciente: Julio Aranda, Fecha de nacimiento: 01/01/1900.';
    expect(recognizersFlag(parts('Plantilla: consentimiento PICC', body))).toBe(false);
  });
  it('the same form filled for a real patient is PHI', () => {
    const body = 'Adjunto el consentimiento firmado para el PICC.\n\nPaciente: Julio Aranda, Fecha de nacimiento: 14/03/1961, bacteriemia, vancomicina por 6 semanas.';
    expect(recognizersFlag(parts('Consentimiento PICC', body))).toBe(true);
  });
  it('"Sam can cover my PICC days" is a nurse\'s shifts, signed', () => {
    const body = 'Hi Gwen, requesting PTO July 7-18 (family trip). Sam can cover my PICC days and Marta will swap the weekend.\nThanks, Priya';
    expect(recognizersFlag(parts('summer PTO', body))).toBe(false);
  });
  it('"my PICC line is leaking" from a patient who signs is her own care', () => {
    const body = 'Hi, my PICC line is leaking at the dressing since this morning. Should I come in?\nThanks, Priya';
    expect(recognizersFlag(parts('PICC', body))).toBe(true);
  });
  it('Italian "per il gruppo PICC" is an article, not French "il" (he)', () => {
    const body = 'Ciao a tutti,\n\nin allegato i turni di reperibilità per il gruppo PICC. Chi ha necessità di cambi lo comunichi entro venerdì.\n\nGrazie,\nMarco';
    expect(recognizersFlag(parts('Turni di reperibilità', body))).toBe(false);
  });
  it('French "il a une infection sur son PICC" is a patient\'s, signed by the nurse who reports it', () => {
    const body = 'Bonjour,\n\nM. Girard a de la fièvre ce matin; il a une infection sur son PICC.\n\nMarco';
    expect(recognizersFlag(parts('Girard', body))).toBe(true);
  });
  it('an SSN-shaped number given "e.g." in training is an example', () => {
    const body = 'Registration training:\n- Numbers starting with 9 (e.g., 912-70-1234) are ITINs, not SSNs.\n- Never guess a patient\'s number.';
    expect(recognizersFlag(parts('Registration training: SSN field', body))).toBe(false);
  });
  it('the same number written for a patient\'s registration is theirs', () => {
    const body = 'Registration fix: the patient gave 912-70-1234 as her number at check-in; please update the account before the claim goes out.';
    expect(recognizersFlag(parts('Registration fix', body))).toBe(true);
  });
});

describe('colleagues, cases and the press, sets 1241-1248', () => {
  it('a colleague "out on PTO" whose acne follow-ups another doctor picks up is staff', () => {
    const body = 'Dr. Osei will cover the Mohs clinic on Friday. Marisol Tennant is out on PTO, so Dr. Brandt picks up her 1 pm acne follow-ups.';
    expect(recognizersFlag(parts('Coverage Friday', body))).toBe(false);
  });
  it('a patient "out of town" whose acne follow-up moves is a patient', () => {
    const body = 'Marisol Tennant is out of town, so her acne follow-up with isotretinoin labs moves to the 14th.';
    expect(recognizersFlag(parts('reschedule', body))).toBe(true);
  });
  it('a Spanish case presentation ("Equipo, … Caso A: …") names nobody', () => {
    const body = 'Equipo,\n\nPara la sesión del jueves presentamos el siguiente caso.\n\nCaso A: hombre de 50 a 55 años con diabetes tipo 1, glucosa 640 mg/dL, cetonas positivas.\n\nDra. Renata Okafor';
    expect(recognizersFlag(parts('Sesión de casos', body))).toBe(false);
  });
  it('a Spanish note on a named inmate with the same values is PHI', () => {
    const body = 'Equipo,\n\nEl Sr. Aurelio Benítez, celda 14, con diabetes tipo 1, glucosa 640 mg/dL, cetonas positivas. Trasladado al hospital.\n\nDra. Renata Okafor';
    expect(recognizersFlag(parts('Traslado', body))).toBe(true);
  });
  it('a TV presenter\'s transplant "reported by the press" (Portuguese) is public, and São Paulo is a city', () => {
    const body = 'Para a roda de conversa: o apresentador Tadeu Fontes recebeu um transplante de coração em 2023 em São Paulo, após insuficiência cardíaca amplamente noticiada pela imprensa.\n\nRafael';
    expect(recognizersFlag(parts('Notícia: transplante', body))).toBe(false);
  });
  it('a named patient\'s heart failure, written in Portuguese by his nurse, is PHI', () => {
    const body = 'O Sr. Tadeu Fontes, 58 anos, internado com insuficiência cardíaca, entra na fila de transplante amanhã.\n\nRafael';
    expect(recognizersFlag(parts('Fila de transplante', body))).toBe(true);
  });
  it('"former U.S. President …" and his announced melanoma are public', () => {
    const body = 'For the reading group: former U.S. President Robert Hale announced in 2015 that melanoma had spread to his brain; he was treated with pembrolizumab and later said he was cancer-free.\n\nPriya';
    expect(recognizersFlag(parts('Reading group', body))).toBe(false);
  });
});

describe('history and rosters, sets 1249-1256', () => {
  it('a founding-era figure\'s dentures "by his inauguration in 1789 he had …" are history', () => {
    const body = 'Fun fact for the newsletter: Elias Thornbury lost almost all of his teeth and wore dentures of ivory and metal. By his inauguration in 1789 he had only one natural tooth left. Brush and floss so you keep your own!';
    expect(recognizersFlag(parts('Newsletter filler: dentures', body))).toBe(false);
  });
  it('a patient fitted for dentures in 2024 is a patient', () => {
    const body = 'Elias Thornbury lost almost all of his teeth and was fitted for dentures here; by his visit in 2024 he had only one natural tooth left.';
    expect(recognizersFlag(parts('dentures', body))).toBe(true);
  });
  it('"Dementia Care" in a caregiver roster\'s certifications column is a qualification', () => {
    const p = [{ where: 'subject', text: 'caregiver phone list' }, { where: 'body', text: 'updated list attached' }, { where: 'attachment:caregivers.csv', text: 'caregiver_id,name,mobile,route,certifications\nCG-2041,Rosalind Okafor,503-555-0161,Westside,HHA;CPR\nCG-2057,Tomasz Wierzbicki,503-555-0164,Eastside,CNA;CPR;Dementia Care\n' }];
    expect(recognizersFlag(p)).toBe(false);
  });
  it('dementia in a client roster\'s diagnosis column is the client\'s', () => {
    const p = [{ where: 'subject', text: 'client list' }, { where: 'body', text: 'updated list attached' }, { where: 'attachment:clients.csv', text: 'client_id,name,mobile,route,diagnosis\nCL-2041,Rosalind Okafor,503-555-0161,Westside,CHF\nCL-2057,Tomasz Wierzbicki,503-555-0164,Eastside,Dementia\n' }];
    expect(recognizersFlag(p)).toBe(true);
  });
});

describe('paperwork, shippers and charge nurses, sets 1257-1264', () => {
  it('a scanned consent filed under a full name and birth date is a patient\'s record', () => {
    const p = [{ where: 'subject', text: 'signed consent' }, { where: 'body', text: 'Scanned and attached.' }, { where: 'attachment-name', text: 'Quintana_Rosalia_DOB_1958-09-02_consent.pdf' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('a staff member\'s signed timesheet named the same way is no clinical document', () => {
    const p = [{ where: 'subject', text: 'signed timesheet' }, { where: 'body', text: 'Scanned and attached.' }, { where: 'attachment-name', text: 'Quintana_Rosalia_1958-09-02_timesheet.pdf' }];
    expect(recognizersFlag(p)).toBe(false);
  });
  it('a cold-chain shipper\'s serial on a stock order is the box\'s', () => {
    const body = 'Your office stock order KSP-60231 (buy-and-bill) has shipped: rituximab-abbs 500 mg x 4. Cold-chain shipper serial CS-30518; please return it with the prepaid label.';
    expect(recognizersFlag(parts('office stock order shipped', body))).toBe(false);
  });
  it('a pump\'s serial beside the drug it infuses is a patient\'s device', () => {
    const body = 'Home infusion set up today: rituximab-abbs 500 mg via pump serial CS-30518, first dose tolerated; next visit in 2 weeks.';
    expect(recognizersFlag(parts('infusion set-up', body))).toBe(true);
  });
  it('"… is charge nurse all week" is staff beside a colleague\'s infusion orders', () => {
    const body = 'Team,\n\nDr. Okoye will be out March 24-28. Dr. Villalobos is covering her inbox and infusion orders. Rosalind Kettering is charge nurse all week.\n\nSarah Lindqvist\nPractice Manager';
    expect(recognizersFlag(parts('Coverage while Dr. Okoye is away', body))).toBe(false);
  });
  it('a named patient on the infusion schedule is a patient', () => {
    const body = 'Team,\n\nRosalind Kettering is on the infusion schedule all week for her rituximab; please check her orders.\n\nSarah';
    expect(recognizersFlag(parts('infusion schedule', body))).toBe(true);
  });
});

describe('counts, fridges and the press, sets 1265-1272', () => {
  it('a donor letter\'s "eight children with diabetes" are counted, no one\'s diagnosis', () => {
    const body = 'Draft for Monica to sign:\n\nDear Mr. Harold Brekke,\n\nThank you for your generous gift of $2,500 to Camp Sugar Pine. Your support will send eight children with diabetes to camp this summer.';
    expect(recognizersFlag(parts('Thank-you letter draft', body))).toBe(false);
  });
  it('"my two kids with diabetes" are the writer\'s own', () => {
    const body = 'Dear Camp Sugar Pine,\n\nCan my two kids with diabetes share a cabin? Both are on pumps.\n\nHarold Brekke';
    expect(recognizersFlag(parts('cabin question', body))).toBe(true);
  });
  it('an "insulin fridge in rm 3" is no one in room 3', () => {
    expect(recognizersFlag(parts('fridge', 'anyone seen amara? insulin fridge in rm 3 alarming, temp 9C. moved the clinic stock of lispro and glargine to the pharmacy fridge'))).toBe(false);
  });
  it('"gomez in rm 3" on insulin is a patient', () => {
    expect(recognizersFlag(parts('rm 3', 'gomez in rm 3 sugar 412, gave 6u lispro per scale'))).toBe(true);
  });
  it('a colleague who "will handle the inpatient list" is staff', () => {
    const body = 'Hi all,\n\nDr. Renner is covering call this weekend. Dr. Kessler is back-up for tumor consults. Rosalind Achterberg will handle the inpatient list rounding Sunday morning.\n\nCarla Montgomery\nPractice Manager';
    expect(recognizersFlag(parts('Call coverage this weekend', body))).toBe(false);
  });
  it('a celebrity who "contó públicamente" her miscarriage in her memoir is public', () => {
    const body = 'Para el taller: Carmela Vidaurre contó públicamente en su libro de memorias que tuvo un aborto espontáneo. Puede servir para hablar de que estas experiencias son comunes.\n\nLucía';
    expect(recognizersFlag(parts('Idea para el taller', body))).toBe(false);
  });
  it('a named patient\'s miscarriage told by her nurse is PHI', () => {
    const body = 'Carmela Vidaurre llamó hoy: tuvo un aborto espontáneo el sábado y pide cita de control.\n\nLucía';
    expect(recognizersFlag(parts('Llamada', body))).toBe(true);
  });
  it('a Polish care team signing a flu-shot notice ("Zespół Opieki") is no patient', () => {
    const body = 'Szanowni Państwo,\nw dniach 14-15 października odbędzie się punkt szczepień przeciw grypie. Szczepienie jest zalecane osobom z cukrzycą.\nZespół Opieki, Cedar Hollow';
    expect(recognizersFlag(parts('Szczepienia przeciw grypie', body))).toBe(false);
  });
});

describe('record numbers, file names and units, sets 1273-1280', () => {
  it('a record number owning a scan ("mfm-0455120\'s growth scan") is a patient\'s', () => {
    expect(recognizersFlag(parts('images', "can someone push mfm-0661042's 32w growth scan images to pacs? peds asking before rounds"))).toBe(true);
  });
  it('an order number before a possessive-free scan request names no patient', () => {
    expect(recognizersFlag(parts('images', 'can someone push order mfm-0661042 growth scan protocol to the pacs test folder? it is a template'))).toBe(false);
  });
  it('a balance test (VNG) in a file with a name and birth date is a patient\'s result', () => {
    const p = [{ where: 'subject', text: 'scan' }, { where: 'body', text: 'scanned, see attached' }, { where: 'attachment-name', text: 'Abernathy_Colette_DOB1959-11-02_VNG_2025-05-07.pdf' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('a "VNG summary format" a referrer wants is a template, not a test', () => {
    const body = 'Gloria Estévez (Lakeview practice manager) can do lunch March 3. Dr. Brenner wants a 1-page VNG summary format.\nKelsey';
    expect(recognizersFlag(parts('lunch w/ Lakeview', body))).toBe(false);
  });
  it('post-op photos filed under a name and a chart number are a patient\'s', () => {
    const p = [{ where: 'subject', text: 'uploaded' }, { where: 'body', text: 'uploaded to the shared drive' }, { where: 'attachment-name', text: 'Adeyemi_Tolu_LK30914422_postop-day14-photos.zip' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('team photos filed the same way are no one\'s care', () => {
    const p = [{ where: 'subject', text: 'uploaded' }, { where: 'body', text: 'uploaded to the shared drive' }, { where: 'attachment-name', text: 'Adeyemi_Tolu_LK30914422_teambuilding-photos.zip' }];
    expect(recognizersFlag(p)).toBe(false);
  });
  it('a Spanish unit signing a handout with its phone ("Unidad de Recuperación Respiratoria") is no person', () => {
    const body = 'Cómo cuidar la traqueostomía en casa\n\n- Llame a su médico si hay fiebre o sangrado.\n- Los medicamentos más comunes son el salbutamol y la guaifenesina.\n\nUnidad de Recuperación Respiratoria - 412-555-0131';
    expect(recognizersFlag(parts('Guía para familias', body))).toBe(false);
  });
  it('an actor who "publicly championed" research after his injury is public', () => {
    const body = "This week's reading: how actor Everett Lindqvist, who became ventilator dependent after his 1995 riding accident, publicly championed spinal cord injury research.";
    expect(recognizersFlag(parts('News digest', body))).toBe(false);
  });
});

describe('leftovers, lists and rosters, sets 1281-1288', () => {
  it('a case "with identifiers removed" that still holds its MRN and birth date is PHI', () => {
    const body = 'Draft for M&M, identifiers removed per policy:\n\n68-year-old man admitted with a bleeding duodenal ulcer; nadir Hb 4.1 g/dL.\n\nSource chart: MRN HV51730028, DOB 02/11/1957 - delete this line before circulating.';
    expect(recognizersFlag(parts('M&M case draft', body))).toBe(true);
  });
  it('the same case with its identifiers really removed is not', () => {
    const body = 'Draft for M&M, identifiers removed per policy:\n\n68-year-old man admitted with a bleeding duodenal ulcer; nadir Hb 4.1 g/dL. Managed without transfusion; discharged on day 9.';
    expect(recognizersFlag(parts('M&M case draft', body))).toBe(false);
  });
  it('asking to add a family to a mailing list is no mass mail', () => {
    const body = 'Priya,\n\nPlease add the Brandvold family to the bereavement mailing list.\n\nDeceased: Ingrid Brandvold\nDied: 10/02/2025 on 5 West (septic shock)\nAddress: 22 Linden Court, Bayport, MD 21044\n\nThanks, Margaret';
    expect(scanParts(parts('Add to bereavement mailing list', body)).containsPhi).toBe(true);
  });
  it('a newsletter sent to a mailing list stays mass mail', () => {
    const body = 'You are receiving this because you are on our bereavement mailing list.\n\nThis month: grief after septic shock and sudden loss. Support group Tuesdays at 6 pm.\n\nUnsubscribe: https://news.example.org/u';
    expect(scanParts(parts('Bereavement newsletter', body)).containsPhi).toBe(false);
  });
  it('"Discussion leads: <name>" under a trial summary is staff', () => {
    const body = 'Summary for Tuesday: RCT, n=112 children aged 2-16 with drug-resistant epilepsy; 38% of the diet group had >50% seizure reduction. Adverse events: constipation 29%, kidney stones 3%.\nDiscussion leads: Hannah Ostrowski and Dr. Quintero-Alba.';
    expect(recognizersFlag(parts('Journal club', body))).toBe(false);
  });
  it('a staff CSV whose rows hold dates keeps its real header ("PT" is a job there)', () => {
    const p = [{ where: 'subject', text: 'BLS recert due dates' }, { where: 'body', text: 'BLS cards expiring soon, roster attached. Class on-site June 12.' }, { where: 'attachment:bls.csv', text: 'staff,role,card_expires\nPriya Raman,PT,2025-06-30\nMarco Velazquez,Front desk,2025-07-15\nYolanda Pressley,Front desk,2025-07-15\n' }];
    expect(recognizersFlag(p)).toBe(false);
  });
  it('a patient CSV with a "pt" column and a diagnosis is PHI', () => {
    const p = [{ where: 'subject', text: 'follow-ups' }, { where: 'body', text: 'list attached' }, { where: 'attachment:fu.csv', text: 'pt,dx,due\nPriya Raman,CHF,2025-06-30\nMarco Velazquez,COPD,2025-07-15\n' }];
    expect(recognizersFlag(p)).toBe(true);
  });
});

describe('joined document kinds and long list names, sets 1289-1296', () => {
  it('an "EchoReport" file with a name and birth date is a patient\'s report', () => {
    const p = [{ where: 'subject', text: 'report' }, { where: 'body', text: 'see attached' }, { where: 'attachment-name', text: 'EchoReport_Villalobos_Ines_DOB2019-04-02.pdf' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('an "EchoRoster" of the same shape is no report', () => {
    const p = [{ where: 'subject', text: 'roster' }, { where: 'body', text: 'see attached' }, { where: 'attachment-name', text: 'EchoRoster_Villalobos_Ines_2019-04-02.pdf' }];
    expect(recognizersFlag(p)).toBe(false);
  });
  it('asking to add a patient\'s address to a long-named support group mailing list is about her', () => {
    const body = "Can you add rosa.ilagan77@example.net to the transplant recipients' support group mailing list? She's three months out from her kidney transplant and struggling with the steroid side effects.\n\nthx, Jessa";
    expect(recognizersFlag(parts('add to support group list', body))).toBe(true);
  });
});

describe('Spanish record labels, Chinese clauses and public knowledge, sets 1297-1304', () => {
  it('Spanish "nhc" (número de historia clínica) labels a record number', () => {
    expect(recognizersFlag(parts('registro', 'oye, ¿me pasas el registro de tratamientos del nhc 30417752? lo pide nefrología para mañana'))).toBe(true);
  });
  it('the same request about a unit\'s log has no record number', () => {
    expect(recognizersFlag(parts('registro', 'oye, ¿me pasas el registro de tratamientos de la sala 3? lo pide nefrología para mañana'))).toBe(false);
  });
  it('"患者应每3到6个月复查" (patients should, every 3 to 6 months) names no patient', () => {
    const body = '各位居民：\n\n本周六举办免费讲座《糖尿病与牙周病》。血糖控制不佳会加重牙龈出血；为什么糖尿病患者应每3到6个月复查一次。';
    expect(recognizersFlag(parts('社区口腔健康讲座：糖尿病与牙周病', body))).toBe(false);
  });
  it('"患者王秀英" with her diabetes is a patient', () => {
    expect(recognizersFlag(parts('复查', '患者王秀英，女，糖尿病，下周复查。'))).toBe(true);
  });
  it('a painter\'s illness "de conocimiento público" is public', () => {
    const body = 'Club de Humanidades Médicas:\n\nEste mes comentaremos la exposición sobre Marisol Arteaga. Como es de conocimiento público, la pintora tuvo poliomielitis en la infancia y sufrió dolor crónico toda su vida.\n\nClub de Humanidades Médicas';
    expect(recognizersFlag(parts('Boletín cultural: Marisol Arteaga y el dolor', body))).toBe(false);
  });
});

describe('clinic visits and prior studies, sets 1305-1312', () => {
  it('a named student who "attended the concussion clinic" on given dates is a patient', () => {
    const body = 'For the Dean of Students letter: Owen Castellanos attended the campus concussion clinic on 9/3, 9/10 and 9/24/2024 during class hours. Please excuse those absences.';
    expect(recognizersFlag(parts('visit dates for attendance letter', body))).toBe(true);
  });
  it('a named coordinator who "runs the concussion clinic" is staff at a service', () => {
    const body = 'Owen Castellanos, Program Coordinator, runs the campus concussion clinic on Tuesdays; flyers are at the front desk.';
    expect(recognizersFlag(parts('clinic flyer', body))).toBe(false);
  });
  it('"pull priors for <record number>" asks for a patient\'s prior images', () => {
    expect(recognizersFlag(parts('priors', 'pls pull priors for bci-7720143 before 2pm, reader wants comparison'))).toBe(true);
  });
  it('"pull quotes for <order number>" asks for no record', () => {
    expect(recognizersFlag(parts('quotes', 'pls pull quotes for po-7720143 before 2pm, finance wants comparison'))).toBe(false);
  });
});

describe('reports, previews, staff lists and names, sets 1313-1320', () => {
  it('a sleep-test report ("HST_Report_…") with a name and birth date is a patient\'s', () => {
    const p = [{ where: 'subject', text: 'report' }, { where: 'body', text: 'attached, pls fax to the PCP' }, { where: 'attachment-name', text: 'HST_Report_Tran_Minh_Chau_DOB_1964-02-11.pdf' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('an expense report with a name and a date is not', () => {
    const p = [{ where: 'subject', text: 'report' }, { where: 'body', text: 'attached, pls file' }, { where: 'attachment-name', text: 'Expense_Report_Tran_Minh_Chau_2024-02-11.pdf' }];
    expect(recognizersFlag(p)).toBe(false);
  });
  it('a mail-merge preview filled for its first row is that patient\'s mail', () => {
    const body = 'Please approve before the batch goes out.\n\nTemplate:\n  Dear {{first_name}}, your next {{drug}} infusion is on {{appt_date}}.\n\nPreview (row 1 of 212):\n  To: Ottilie Brenneman <obrenneman@example.org>\n  Dear Ottilie, your next daratumumab infusion is on 27 March 2025.';
    expect(scanParts(parts('Mail merge preview', body)).containsPhi).toBe(true);
  });
  it('the template alone is made up', () => {
    const body = 'Please approve before the batch goes out.\n\nTemplate:\n  Dear {{first_name}}, your next {{drug}} infusion is on {{appt_date}}.';
    expect(scanParts(parts('Mail merge template', body)).containsPhi).toBe(false);
  });
  it('a staff training list with an employee column names employees, not patients', () => {
    const p = [{ where: 'subject', text: 'Bloodborne pathogens training - overdue' }, { where: 'body', text: 'Managers, please follow up with the staff listed.' }, { where: 'attachment:overdue.csv', text: 'employee,emp_id,department,module,due_date\nQuarles Edith,E-188210,Surgery,BBP 2025,2025-05-31\nMwangi Tobias,E-214987,Dialysis,BBP 2025,2025-05-31\n' }];
    expect(recognizersFlag(p)).toBe(false);
  });
  it('an employee health list with a result in a row names patients', () => {
    const p = [{ where: 'subject', text: 'TB screening results' }, { where: 'body', text: 'Results below.' }, { where: 'attachment:tb.csv', text: 'employee,emp_id,department,result\nQuarles Edith,E-188210,Surgery,QuantiFERON positive\nMwangi Tobias,E-214987,Dialysis,negative\n' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('an employee number after a name in a payroll note is no chart', () => {
    const body = 'Hi Payroll,\n\nThe night differential was missed for:\n- Edith Quarles (E-190442), 3 shifts\n- Tobias Mwangi (E-201764), 2 shifts\n\nTom Kessler\nHR';
    expect(recognizersFlag(parts('Payroll correction', body))).toBe(false);
  });
  it('an Ethiopian patient named in a newsletter\'s patient story is named ("Dawit …")', () => {
    const html = 'Spring Newsletter\n\nPatient spotlight\n\nWhen Dawit Gebremariam first came to us he could barely lift his arms. Our psychiatrist treated his depression.\n\nDonate';
    expect(recognizersFlag([{ where: 'subject', text: 'Spring Newsletter' }, { where: 'body', text: html }])).toBe(true);
  });
});

describe('record numbers asked for and scans named, sets 1321-1328', () => {
  it('a lower-case record number after "pull" is a chart, beside auditory neuropathy', () => {
    expect(recognizersFlag(parts('tmrw', 'can u pull hl7025934 for tmrw 8am, the ANSD kid. need the old ECochG tracings + last CT. thx'))).toBe(true);
  });
  it('a lower-case camera number after "pull" is a photo', () => {
    expect(recognizersFlag(parts('tmrw', 'can u pull img7025934 for the newsletter tmrw, the one from the picnic. thx'))).toBe(false);
  });
  it('"pull outside priors for <record number>" asks for a patient\'s images', () => {
    expect(recognizersFlag(parts('priors?', 'can someone pull outside priors for CB4418820 before the consult at 1? thx'))).toBe(true);
  });
  it('a venous duplex filed under a name and birth date is a patient\'s study', () => {
    const p = [{ where: 'subject', text: 'scan' }, { where: 'body', text: 'attached' }, { where: 'attachment-name', text: 'VenousDuplex_LLE_Adeyemi_Folake_DOB1960-05-14_2026-02-26.pdf' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('a venue booking filed under a name and date is not', () => {
    const p = [{ where: 'subject', text: 'booking' }, { where: 'body', text: 'attached' }, { where: 'attachment-name', text: 'VenueBooking_Hall_Adeyemi_Folake_2026-02-26.pdf' }];
    expect(recognizersFlag(p)).toBe(false);
  });
});

describe('strips, floors, talks and surgical clinics, sets 1329-1336', () => {
  it('a non-stress test strip filed under a name and birth date is a patient\'s', () => {
    const p = [{ where: 'subject', text: 'NST strip' }, { where: 'body', text: 'Strip from this morning attached, reactive, please co-sign.' }, { where: 'attachment-name', text: 'Villanueva_Marisol_DOB1997-06-02_NST_2025-03-18.pdf' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('Polish "na 4. piętrze" (on the 4th floor) is no sodium, and "Drodzy Pacjenci" greets no one person', () => {
    const body = 'Drodzy Pacjenci,\n\nzapraszamy na spotkanie edukacyjne o chorobie Leśniowskiego-Crohna. Spotkanie odbędzie się na 4. piętrze. Zapisy: events@gi.example\n\nZespół Centrum IBD';
    expect(recognizersFlag(parts('Biuletyn Centrum IBD', body))).toBe(false);
  });
  it('a sodium of 128 on a named patient is a result', () => {
    expect(recognizersFlag(parts('labs', 'BMP for Mr. Wojcik today: Na 128, K 5.9.'))).toBe(true);
  });
  it('a colleague who "will present" a talk on opioid conversion is staff', () => {
    const body = "Ms. Achterberg will present 'Opioid conversion pitfalls: methadone, fentanyl patches and renal failure' at noon conference Thursday. Lunch provided.";
    expect(recognizersFlag(parts('Noon conference Thursday', body))).toBe(false);
  });
  it('a patient who "will need" methadone in renal failure is a patient', () => {
    const body = 'Ms. Achterberg will need her methadone dose reduced for renal failure; fentanyl patch stopped today.';
    expect(recognizersFlag(parts('med change', body))).toBe(true);
  });
  it('a Spanish surgical clinic signing a handout with its phone is no person', () => {
    const body = 'Cómo prepararse para su cirugía\n\n- Si toma warfarina o apixabán, pregunte a su médico.\n- Si tiene diabetes, consulte qué hacer con la metformina.\n\nClínica Quirúrgica Bayshore Crest, 206-555-0133';
    expect(recognizersFlag(parts('Folleto: cómo prepararse para su cirugía', body))).toBe(false);
  });
});

describe('ostomies, swallow studies and departments, sets 1337-1344', () => {
  it('"pt kowalczyk bed 14 stoma dusky" names an inpatient', () => {
    expect(recognizersFlag(parts('stoma', 'pt wisniewski bed 14 stoma dusky and retracting since am, surgery aware? pls see asap'))).toBe(true);
  });
  it('"pt education bed 14" names no one', () => {
    expect(recognizersFlag(parts('stoma', 'pt education handouts for bed 14 area: stoma care sheets restocked, surgery asked for more'))).toBe(false);
  });
  it('a nurse\'s "ostomy pouching competency" and the office\'s phone are a skill check-off', () => {
    const body = 'If you still need your ostomy pouching competency signed off, call me at 757-555-0144 or stop by the WOC office, Kestrel Bay General Hospital, 1 Harbor Crest Dr, 2nd floor.\n\nDana';
    expect(recognizersFlag(parts('skills validation: ostomy pouching', body))).toBe(false);
  });
  it('a patient\'s leaking ostomy pouch and her phone are her care', () => {
    const body = 'Mrs. Lindqvist called: her ostomy pouch keeps leaking since Sunday. Call her back at 757-555-0144.\n\nDana';
    expect(recognizersFlag(parts('ostomy', body))).toBe(true);
  });
  it('a swallow study filed under a name and birth date is a child\'s', () => {
    const p = [{ where: 'subject', text: 'MBS report' }, { where: 'body', text: 'attached, as discussed.' }, { where: 'attachment-name', text: 'MBS_Arteaga_Lucia_DOB2020-06-03.pdf' }];
    expect(recognizersFlag(p)).toBe(true);
  });
  it('a Spanish radiation oncology line signing a handout is no person', () => {
    const body = 'Cuidados de la piel durante la radioterapia\n\n- Su médico puede recetarle crema de hidrocortisona al 1% si la piel se irrita.\n\nPreguntas: línea de enfermería de Oncología Radioterápica, 412-555-0171.';
    expect(recognizersFlag(parts('Folleto: cuidados de la piel', body))).toBe(false);
  });
});
