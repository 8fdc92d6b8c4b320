import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';
import { recognizersFlag } from './recognizers.ts';

// Readings added in session 27 from blind sets 897-904 (held back through session 26, then read) and the sets written
// after them. Made-up names and numbers; none taken from a test set. Each case has a twin that must go the other way.

const flags = (subject: string, body: string): boolean => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;
const found = (text: string, type: string): string[] => {
  const r = scanText(text);
  return r.findings.filter((f) => f.type === type).map((f) => text.slice(f.start, f.end));
};

/** Conditions read as naming a service, an event or a product ("the flu clinic"), not anyone's condition. */
const events = (text: string): string[] => scanText(text).findings.filter((f) => f.type === 'DIAGNOSIS' && f.reasons.includes('supply')).map((f) => text.slice(f.start, f.end));

describe('whom a message is about, sets 897-904', () => {
  it('a family meeting or care conference "for" a full name is about that patient, the clinical line far below', () => {
    const filler = 'The interpreter is booked for the hour and will meet everyone at the front desk. Parking validation is at the desk as well. '.repeat(4);
    expect(found('Re the family meeting for Lorena Castellanos on Monday at 10: conference room B.', 'PATIENT_NAME')).toEqual(['Lorena Castellanos']);
    expect(flags('Monday meeting', `Re the family meeting for Lorena Castellanos on Monday at 10: conference room B.\n\n${filler}\n\nReminder: her pressure ulcer dressing is changed at 9, so come after.`)).toBe(true);
    expect(found('The care conference for Tobias Wrenfield moved to 3 pm.', 'PATIENT_NAME')).toEqual(['Tobias Wrenfield']);
  });
  it('the same meeting with no name before the clinical line names no one', () => {
    const filler = 'The interpreter is booked for the hour and will meet everyone at the front desk. Parking validation is at the desk as well. '.repeat(4);
    expect(flags('Monday meeting', `Re the family meeting on Monday at 10: conference room B.\n\n${filler}\n\nReminder: pressure ulcer dressing supplies are in the clean utility room.`)).toBe(false);
  });
});

describe('names that are no one\'s, sets 897-904', () => {
  it('"Client: <town> Women\'s Health" is a practice, not a client\'s name', () => {
    expect(found("Client: Ashgrove Women's Health (client account AWH-2291)\nPap tests billed: 40", 'PATIENT_NAME')).toEqual([]);
  });
  it('"Client:" before a person\'s full name stays a name', () => {
    expect(found('Client: Ashgrove Whitlock (client account AWH-2291)\nPap tests billed: 40', 'PATIENT_NAME')).toEqual(['Ashgrove Whitlock']);
  });
  it('a town\'s people greeted by its name ("Dear Ashby Crossing neighbor,") are no person', () => {
    expect(found('Dear Ashby Crossing neighbor,\nA flight to the trauma center after a stroke or a heart attack can cost thousands.', 'PATIENT_NAME')).toEqual([]);
    expect(found('Dear Ashby Crossing residents,\nA flight to the trauma center after a stroke or a heart attack can cost thousands.', 'PATIENT_NAME')).toEqual([]);
  });
  it('a person greeted by name stays a name', () => {
    expect(found('Dear Rosalind Pembury,\nA flight to the trauma center after a stroke or a heart attack can cost thousands.', 'PATIENT_NAME')).toEqual(['Rosalind Pembury']);
  });
  it('a given name after "st" in lower-case mail is a hospital or a parish', () => {
    expect(found('census 0700: acute 4, swing 6. 1 admit from st brendan expected pm (hip fx rehab). -house sup', 'PATIENT_NAME')).toEqual([]);
  });
  it('the same given name and surname in lower-case mail stay a person', () => {
    expect(found('census 0700: acute 4, swing 6. 1 admit brendan walsh expected pm (hip fx rehab). -house sup', 'PATIENT_NAME')[0]).toMatch(/^brendan walsh/);
  });
  it('a line going on as a sentence after its first word signs nothing ("Be brutal, I can take it.")', () => {
    expect(found('Draft attached below.\n\nBe brutal, I can take it.\nWriting Club, Thursday 5pm', 'PATIENT_NAME')).toEqual([]);
  });
  it('a name alone on its line over a group line still signs', () => {
    expect(found('Draft attached below.\n\nBea Fairlie\nWriting Club, Thursday 5pm', 'PATIENT_NAME')).toEqual(['Bea Fairlie']);
  });
});

describe('health that is nobody\'s, sets 897-904', () => {
  it('a governor\'s surgery announced on his radio show is public news', () => {
    expect(flags('news', "ha - Governor Halloway announced on his radio show that he's getting his knee replaced next month, and he said he'll do rehab at home. So Priya wants us ready in case reporters ask. We don't comment on anyone.\n\n-Marisol")).toBe(false);
  });
  it('the same surgery told of a colleague\'s father, with no news, is his', () => {
    expect(flags('update', 'Walt Halloway is getting his hip replaced next month and will do rehab at home with us. Please hold his Tuesday slots.\n\n-Marisol')).toBe(true);
  });
  it('a writing club\'s chapter draft is fiction', () => {
    expect(flags('Creative writing club - draft', 'Chapter 3:\n\nIngrid Pellham knew the diagnosis before Dr. Vale said it aloud: lymphoma. She signed the consent for chemotherapy and went home.\n\nCritique welcome.\nWriting club, Tuesday 6pm')).toBe(false);
  });
  it('the same sentences as a colleague\'s update are a patient\'s', () => {
    expect(flags('update', 'Ingrid Pellham heard the diagnosis from Dr. Vale today: lymphoma. She signed the consent for chemotherapy and went home.\n\nThanks,\nTom')).toBe(true);
  });
  it('a fridge\'s or a room\'s temperature is no lab result', () => {
    expect(found('rm 2 depo fridge temp log 2-8c ok today. room temp 22c.', 'LAB_RESULT')).toEqual([]);
  });
  it('a person\'s temperature stays a result', () => {
    expect(found('mrs oduya temp 38.9c this am, cultures sent', 'LAB_RESULT')).toEqual(['temp 38.9c']);
  });
  it('a fundraiser named for a condition, in lower case too, is no one\'s condition', () => {
    expect(events('Thank you to everyone who walked for the Alder Bay breast cancer walk: we raised $18,400.')).toEqual(['breast cancer']);
  });
  it('the condition told of someone stays a condition', () => {
    expect(found('Her breast cancer was found on the screening mammogram in May.', 'DIAGNOSIS')).toEqual(['breast cancer']);
    expect(events('Her breast cancer was found on the screening mammogram in May.')).toEqual([]);
  });
});

describe('stock, landlords and write-ups, sets 905-912', () => {
  it('a price list\'s row (the product\'s NDC, then a price) names stock, not anyone\'s treatment', () => {
    expect(flags('Q3 pricing', 'Hi Marisa,\n\nQ3 pricing for your account:\n\nrituximab-abbs 500 mg   63459-0104-10   Q5115   $2,114.50\nrituximab-pvvr 100 mg   00069-0249-01   Q5119   $418.00\n\nLet me know about your standing order.\n\nDevon Achterberg, Account Manager\ndachterberg@distrib.example')).toBe(false);
  });
  it('the same drug and dose given to someone named stays theirs', () => {
    expect(flags('infusion', 'Hi Marisa,\n\nTomasz Orlikowski gets rituximab-abbs 500 mg on Monday, chair 4.\n\nDevon')).toBe(true);
  });
  it('a name after "attention" on a delivery line is the addressee, not a patient', () => {
    expect(found('Please ship Menopur 75 IU x 20 and Ganirelix 250 mcg x 10 for clinic stock. Deliver to Nursing, Suite 410, attention Maria Delgado.', 'PATIENT_NAME')).toEqual([]);
  });
  it('the same name starting the drug is the person it is for', () => {
    expect(found('Please ship Menopur 75 IU x 20 and Ganirelix 250 mcg x 10 for clinic stock. Maria Delgado starts the Menopur tonight.', 'PATIENT_NAME')).toEqual(['Maria Delgado']);
  });
  it('a property management company is no person', () => {
    expect(found('The technician from Birchwood Property Management called back about the infusion suite thermostat.', 'PATIENT_NAME')).toEqual([]);
  });
  it('a case written up "de-identified" for a conference is no signer\'s own health', () => {
    expect(flags('Case for M&M', "For Thursday's morbidity and mortality conference (de-identified per policy):\n\nA woman in her 70s was admitted for alcohol withdrawal after years of daily drinking. Initial CIWA-Ar was 12 and she was treated with lorazepam. On day 3 she developed hallucinations and was transferred to the ICU for suspected delirium tremens. She recovered.\n\nDiscussion points: front-loaded phenobarbital, transfer criteria.\n\nPlease don't add identifying details in reply-all.\n\nRenata")).toBe(false);
  });
  it('the same lines from a wife about her husband are his', () => {
    expect(flags('my husband', 'Hi,\n\nMy husband was admitted for alcohol withdrawal; he got lorazepam and later developed delirium. He is home now. Can he see Dr. Hadley this week?\n\nRenata')).toBe(true);
  });
  it('words that go on after "病人" ("青光眼病人適用", for glaucoma patients) are no name', () => {
    expect(found('點樣正確滴眼藥水（青光眼病人適用）', 'PATIENT_NAME')).toEqual([]);
  });
  it('a name after "病人" stays a name', () => {
    expect(found('病人陳美玲，青光眼，今日眼壓 28。', 'PATIENT_NAME')).toEqual(['陳美玲']);
  });
  it('a family\'s stored embryos are their care', () => {
    expect(flags('Annual storage renewal', 'Hello Marcus and Priya,\n\nThe annual fee for your 4 embryos (frozen 2 May 2022) is due on 1 July. The card on file was declined.\n\nBilling')).toBe(true);
  });
  it('the same fee with nothing stored named is a billing notice', () => {
    expect(flags('Annual renewal', 'Hello Marcus and Priya,\n\nThe annual portal fee is due on 1 July. The card on file was declined.\n\nBilling')).toBe(false);
  });
});

describe('file names, read over every released set', () => {
  const attached = (name: string): boolean => scanParts([{ where: 'subject', text: 'Documents' }, { where: 'body', text: 'See attached as requested.' }, { where: 'attachment-name', text: name }]).containsPhi;
  it('after the kind of document opening the name, two capitalised words are whose it is, listed given name or not', () => {
    expect(attached('Referral_Hadrel_Mansoury_GDM_insulin_poor_control.pdf')).toBe(true);
    expect(attached('Consent_Thornbury_Wrenna_hysterectomy.pdf')).toBe(true);
  });
  it('the same words not after a document kind, or without clinical content, are no one\'s record', () => {
    expect(attached('Thornbury_Wrenna_hysterectomy.pdf')).toBe(false);
    expect(attached('Referral_Thornbury_Wrenna_parking_form.pdf')).toBe(false);
    expect(attached('Referral_Guidelines_Update_2026.pdf')).toBe(false);
  });
});

describe('vocabulary, read over every released set', () => {
  it('a heterophile test with its result is someone\'s result; a scalp "lac" a laceration', () => {
    expect(found('her heterophile came back positive, so it is mono after all', 'LAB_RESULT')).toEqual(['heterophile came back positive']);
    expect(found('fall, scalp lac, 5 staples, CT neg', 'DIAGNOSIS')).toEqual(['scalp lac']);
  });
  it('the same words as a test\'s or a supply\'s name carry no result', () => {
    expect(found('The heterophile antibody kits arrive Tuesday.', 'LAB_RESULT')).toEqual([]);
    expect(found('Lac-Megantic office closes at 5.', 'DIAGNOSIS')).toEqual([]);
  });
});

describe('sets 913-920', () => {
  it('Chinese words for reflux, retching and omeprazole are health content', () => {
    expect(flags('关于子轩', '我是李子轩的妈妈。子轩吃饭又变差了，一看到颗粒就干呕。医生说他有胃食管反流，开了奥美拉唑。')).toBe(true);
    expect(found('医生说他有胃食管反流，开了奥美拉唑。', 'MEDICATION')).toEqual(['奥美拉唑']);
  });
  it('the same mother writing about his lessons names no health content', () => {
    expect(scanText('我是李子轩的妈妈。子轩这个星期要去奶奶家，周六的课能不能改到下周？').findings.filter((f) => f.type !== 'PATIENT_NAME')).toEqual([]);
  });
  it('"fluid overloaded" and ARFID are conditions', () => {
    expect(found('she came home fluid overloaded', 'DIAGNOSIS')).toEqual(['fluid overloaded']);
    expect(found('she has lived with ARFID for years', 'DIAGNOSIS')).toEqual(['ARFID']);
  });
  it('the words around them name nothing', () => {
    expect(found('she came home overloaded with paperwork', 'DIAGNOSIS')).toEqual([]);
  });
  it('outside Tagalog, "ni" before capitalised words is Spanish "nor", no person marker', () => {
    expect(found('La vacuna no es necesaria para Lima, Cusco ni Machu Picchu.', 'PATIENT_NAME')).toEqual([]);
  });
  it('in Tagalog, "ni" still marks a person', () => {
    expect(found('Ang resulta ng biopsy ni Conchita Dimaculangan ay dumating na po.', 'PATIENT_NAME')).toEqual(['ni Conchita Dimaculangan']);
  });
  const invitation = (description: string, attendees: string[]): boolean => recognizersFlag([
    { where: 'subject', text: 'Invitation: Diabetes care training for school staff' },
    { where: 'attachment:training.ics', text: `BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Diabetes care training for school staff (glucagon, insulin pens, CGM alerts)\nDESCRIPTION:${description}\n${attendees.map((a) => `ATTENDEE;CN=${a}:mailto:${a.split(' ')[0].toLowerCase()}@district.example`).join('\n')}\nEND:VEVENT\nEND:VCALENDAR` },
  ]);
  it('the invitees of a meeting of several are colleagues wherever the invitation names them', () => {
    expect(invitation('Attendees: Dana Whitley (front office)\\, Ben Whitford (science)\\, Carla Nuñez (PE).', ['Dana Whitley', 'Ben Whitford', 'Carla Nunez'])).toBe(false);
  });
  it('a person the invitation names who is not invited stays a person', () => {
    expect(invitation('Practice on the pump of Ben Whitford (grade 4)\\, who brings his own CGM.', ['Dana Whitley', 'Carla Nunez'])).toBe(true);
  });
  it('"Dr. med." before a name on a programme makes the speaker a clinician', () => {
    expect(found('09:30 Dr. med. Friederike Aust: Anorexia nervosa – somatische Komplikationen', 'PATIENT_NAME')).toEqual([]);
  });
  it('the same name without the title next to the condition is read as a person', () => {
    expect(found('09:30 Friederike Aust: Anorexia nervosa – somatische Komplikationen', 'PATIENT_NAME')).toEqual(['Friederike Aust']);
  });
  const ownHealth = (body: string): boolean => scanParts([{ where: 'subject', text: 'Hello' }, { where: 'body', text: body }]).decision.includes('a patient signs a message about their own health');
  it('a procedure before "nursing" is the writer\'s field of work, not their care', () => {
    expect(ownHealth("Hello,\n\nI'm very interested in home dialysis nursing and wondered if I could shadow one of your nurses for a day in August.\n\nThank you,\nOlivia Brannock")).toBe(false);
  });
  it('the writer on the procedure is its patient', () => {
    expect(ownHealth("Hello,\n\nI'm on home dialysis since March and wondered if I could switch my Tuesday visit.\n\nThank you,\nOlivia Brannock")).toBe(true);
  });
});

describe('sets 921-928', () => {
  it('a case list\'s item opened by an initial and a surname, with a condition on the line, is the patient discussed', () => {
    expect(found('Case review:\n  a. R. Tsosie — L foot DFU now with suspected osteomyelitis\n  b. next steps', 'PATIENT_NAME')).toEqual(['R. Tsosie']);
    expect(found('bed 7 K. Haskett POD1, lactate 2.9, on milrinone', 'PATIENT_NAME')).toEqual(['K. Haskett']);
  });
  it('the same shape before a service\'s name or a task is a rota\'s', () => {
    expect(found('Coverage:\n  a. R. Tsosie — wound clinic Tuesday\n  b. T. Ortega — inventory', 'PATIENT_NAME')).toEqual([]);
  });
  it('a case written up "de-identified" still shows the record number left in it', () => {
    expect(flags('Journal club case – de-identified', 'Attached is the de-identified case for Thursday. 76F with recurrent C. diff, failed vancomycin taper.\n[for chart lookup – delete before presenting: MRN CH7731820, DOB 03/11/1948]')).toBe(true);
  });
  it('a de-identified case with no identifier left is no one\'s', () => {
    expect(flags('Journal club case – de-identified', 'Attached is the de-identified case for Thursday. A woman in her 70s with recurrent C. diff, failed vancomycin taper.')).toBe(false);
  });
  it('"elig check" before a number is a member ID being checked', () => {
    expect(found('elig check KMH604118273', 'HEALTH_PLAN_ID')).toEqual(['KMH604118273']);
  });
  it('a number after other words is no member ID', () => {
    expect(found('spot check KMH604118273', 'HEALTH_PLAN_ID')).toEqual([]);
  });
  it('on a citation\'s line a single-letter "M." is an author\'s initial, not "Monsieur"', () => {
    expect(found('3. Ortiz-Lane M. Compression adherence in venous leg ulcers. Rural Nurs Example. 2025;8:14-22.', 'PATIENT_NAME')).toEqual([]);
  });
  it('in a French letter "M." before a surname stays "Monsieur"', () => {
    expect(found('Bonjour M. Dufresne, votre ulcère veineux cicatrise bien.', 'PATIENT_NAME')).toEqual(['M. Dufresne']);
  });
  it('a credential closed by "!" makes a clinician ("Welcome Sabine Vollmer, CNM!")', () => {
    expect(found('Welcome Sabine Vollmer, CNM! She joins us in January.', 'PATIENT_NAME')).toEqual([]);
  });
  it('a name closed by "!" without a credential stays a name', () => {
    expect(found('Welcome Sabine Vollmer! She joins us in January.', 'PATIENT_NAME')).toEqual(['Sabine Vollmer']);
  });
  it('a birth centre\'s name ("Centro de Partos Willowbank") is no person', () => {
    expect(found('Línea de guardia del Centro de Partos Willowbank: (360) 555-0150.', 'PATIENT_NAME')).toEqual([]);
  });
});

describe('sets 929-936', () => {
  it('a welcome letter to a named person at home about managing their blood thinner is theirs', () => {
    expect(recognizersFlag([{ where: 'subject', text: 'Welcome' }, { where: 'body', text: 'Hollis Wrenfield-Aday\n12 Birch Lane\nMillbrook, OR 97229\n\nDear Ms. Wrenfield-Aday,\n\nOur pharmacists will manage your blood thinner. Your first visit is Monday, June 2 at 1:30 PM.\n\nLarkspur Clinic' }])).toBe(true);
  });
  it('the same letter about parking passes names no care', () => {
    expect(recognizersFlag([{ where: 'subject', text: 'Welcome' }, { where: 'body', text: 'Hollis Wrenfield-Aday\n12 Birch Lane\nMillbrook, OR 97229\n\nDear Ms. Wrenfield-Aday,\n\nYour parking pass for the garage is enclosed. It is valid from Monday, June 2.\n\nLarkspur Clinic' }])).toBe(false);
  });
  it('"Member" before an insurer\'s four letters and digits is a member ID', () => {
    expect(found('Member CBHK51820377 - coverage termed 09/30, please rebill', 'HEALTH_PLAN_ID')).toEqual(['CBHK51820377']);
  });
  it('"Member" before a word is no ID', () => {
    expect(found('Member SERVICES - coverage questions, please call', 'HEALTH_PLAN_ID')).toEqual([]);
  });
  it('every name of a role\'s list is staff ("Presenters: Jonah Feld, Priya Raman")', () => {
    expect(found('Case 1: breast cancer at 38, PALB2 VUS.\nPresenters: Jonah Feld, Priya Raman.', 'PATIENT_NAME')).toEqual([]);
  });
  it('names listed after a patient word stay names', () => {
    expect(found('Case 1: breast cancer at 38, PALB2 VUS.\nSeen today: Jonah Feld, Priya Raman.', 'PATIENT_NAME')).toContain('Priya Raman');
  });
  it('a name given a job ("Rita Vance, mammographer") is staff wherever the message names her', () => {
    const profile = (subject: string) => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: 'Rita Vance has performed more than 12,000 mammograms at Cedar Fork since 2006.\n\n"Most women I see are nervous," Rita says. "It\'s the best tool we have to find breast cancer early."\n\nWomen 40 and older should talk with their provider about yearly screening. 3D mammography is now available here. Call (406) 555-0124 to schedule.' }]).containsPhi;
    expect(profile('Meet the team: Rita Vance, mammographer')).toBe(false);
  });
  it('without the job the same name beside the condition is read as a person\'s', () => {
    expect(found('Rita Vance has breast cancer found on her mammogram.', 'PATIENT_NAME')).toEqual(['Rita Vance']);
  });
  it('"merge fields in double braces" are characters, no orthodontics', () => {
    expect(found('Merge fields are in double braces, please check them.', 'OTHER')).toEqual([]);
  });
  it('braces on teeth stay a procedure', () => {
    expect(found('Her braces come off in May.', 'OTHER')).toEqual(['braces']);
  });
  it('after other words a day and a month are a date, not a test\'s value', () => {
    expect(found('Ammonia release drill 11/04 - roles and script', 'LAB_RESULT')).toEqual([]);
  });
  it('a test right before its value stays a result', () => {
    expect(found('Ammonia 92 this am, lactulose started', 'LAB_RESULT')).toEqual(['Ammonia 92']);
  });
  it('a drill\'s simulated casualties are made up: their role players are no patients', () => {
    const drill = (note: string) => scanParts([{ where: 'subject', text: 'Drill 11/04 - roles' }, { where: 'body', text: `Drill plan for Tuesday:\n- 'Casualty 1' (played by Dale Kreutzer): chemical burns to both eyes, coughing\n- 'Casualty 2' (played by Armando Téllez): inhalation injury, unresponsive\n${note}\nDale` }]).decision;
    expect(drill('Nobody is actually hurt; moulage kit arrives Monday.')).toEqual([]);
  });
});

describe('sets 937-944', () => {
  it('a full name with a record number in brackets is a patient and their chart', () => {
    expect(found('the flowsheet for Odette Brannigan (BCR-598310) freezes the EHR', 'MRN')).toEqual(['BCR-598310']);
    expect(found('the flowsheet for Odette Brannigan (BCR-598310) freezes the EHR', 'PATIENT_NAME')).toEqual(['Odette Brannigan']);
  });
  it('an employee\'s or an order\'s number in brackets is no chart', () => {
    expect(found('timesheet for Odette Brannigan (EMP-598310) is late', 'MRN')).toEqual([]);
    expect(found('invoice for Odette Brannigan (INV-598310) is late', 'MRN')).toEqual([]);
  });
  it('a condition before a product owned by someone ("my daughter\'s scoliosis brace") is theirs', () => {
    expect(found("this is about my daughter's scoliosis brace, it rubs her hip", 'DIAGNOSIS')).toEqual(['scoliosis']);
    expect(events("this is about my daughter's scoliosis brace, it rubs her hip")).toEqual([]);
  });
  it('the same product in a catalogue names the product', () => {
    expect(events('Boston scoliosis brace, sizes S-XL, in stock')).toEqual(['scoliosis']);
  });
  it('a number named an order\'s is no SSN', () => {
    expect(found('Good news - your order 512-44-0187 has shipped.', 'SSN')).toEqual([]);
  });
  it('the same number after an SSN cue stays one', () => {
    expect(found('Her SSN 512-44-0187 is on the form.', 'SSN')).toEqual(['512-44-0187']);
  });
  it('a trainee\'s year after a name is a credential ("Sofia Kim, MS2, QI chair")', () => {
    expect(found('58 patients with E11.9 (type 2 diabetes) this quarter.\n\nSofia Kim, MS2, QI chair', 'PATIENT_NAME')).toEqual([]);
  });
  it('the same name beside a condition without the credential stays a name', () => {
    expect(found('Sofia Kim has type 2 diabetes (E11.9).', 'PATIENT_NAME')).toEqual(['Sofia Kim']);
  });
  it('an agency\'s member ID is no health plan\'s', () => {
    expect(found('Agency member ID HL-M-004431', 'HEALTH_PLAN_ID')).toEqual([]);
  });
  it('a member ID with no other membership named stays a health plan\'s', () => {
    expect(found('Plan member ID HL-M-004431', 'HEALTH_PLAN_ID')).toEqual(['HL-M-004431']);
  });
  it('a lab company named "… Diagnostics" is no person', () => {
    expect(found('Effective April 1, Keel Diagnostics will update the following:\nHemoglobin A1c 4.0 - 5.6 %', 'PATIENT_NAME')).toEqual([]);
  });
  it('a name given a Spanish job after it ("navegadora de pacientes") is staff', () => {
    expect(found('Inscripciones con Rocío Andrade, navegadora de pacientes, (541) 555-0134.', 'PATIENT_NAME')).toEqual([]);
    expect(found('Inscripciones con Rocío Andrade, paciente nueva, (541) 555-0134.', 'PATIENT_NAME')).toEqual(['Rocío Andrade']);
  });
});

describe('sets 945-952', () => {
  it('the serials of an equipment service visit are equipment', () => {
    expect(found('Field engineer visit Monday for preventive maintenance.\nEquipment: generator SN DXR-77K-004192', 'DEVICE_ID').length).toBe(1);
    expect(scanText('Field engineer visit Monday for preventive maintenance.\nEquipment: generator SN DXR-77K-004192').findings.find((f) => f.type === 'DEVICE_ID')?.reasons).toContain('device-list');
  });
  it('a serial on its own stays a device identifier of someone\'s', () => {
    expect(scanText('Her pump SN DXR-77K-004192 alarmed twice overnight.').findings.find((f) => f.type === 'DEVICE_ID')?.reasons).not.toContain('device-list');
  });
  it('a practice card is an organisation\'s card', () => {
    expect(scanText('Please charge the TMS course fee to our practice card: 5425 8831 0627 9149, exp 06/27.').findings.find((f) => f.type === 'CREDIT_CARD')?.reasons).toContain('card:business');
  });
  it('a card with no owner named stays a person\'s', () => {
    expect(scanText('Please charge the TMS course fee to this card: 5425 8831 0627 9149, exp 06/27.').findings.find((f) => f.type === 'CREDIT_CARD')?.reasons).not.toContain('card:business');
  });
  it('a procedure opening a society\'s name is none', () => {
    expect(found('registration for the Clinical TMS Society regional meeting', 'OTHER')).toEqual([]);
    expect(found('transcranial magnetic stimulation starts Monday', 'OTHER')).toEqual(['transcranial magnetic stimulation']);
  });
  it('a log\'s coil temperature is no one\'s', () => {
    expect(found('2025-03-08 09:14:22 COIL_TEMP 41.2C WARN', 'LAB_RESULT')).toEqual([]);
  });
  it('a colleague\'s contact card: the words of its file name are the colleague\'s name, no patient\'s', () => {
    const card = (title: string) => recognizersFlag([
      { where: 'body', text: 'Please welcome Samir to Patient Financial Services. He will cover the cancer center desk. His contact card is attached.' },
      { where: 'attachment:Samir_Haddad.vcf', text: `BEGIN:VCARD\nVERSION:3.0\nFN:Samir Haddad\n${title}TEL;TYPE=WORK:+1-541-555-0119\nEND:VCARD` },
      { where: 'attachment-name', text: 'Samir_Haddad.vcf' },
    ]);
    expect(card('TITLE:Financial Counselor\n')).toBe(false);
  });
  it('a thanks for a donor\'s gift is no letter about the donor\'s care', () => {
    const letter = (thanks: string) => recognizersFlag([{ where: 'subject', text: 'Thank you' }, { where: 'body', text: `Gwendolyn Ashby-Reyes\n915 Orchard Hollow Rd\nAlder Falls, WA 98362\n\nDear Gwendolyn,\n\n${thanks} helps cover childbirth classes and postpartum doula visits for families.\n\nWith gratitude,\nRosalind Achterberg` }]);
    expect(letter('Thank you for your generous gift of $250. It')).toBe(false);
    expect(letter('We are sorry about your postpartum bleeding. Our team')).toBe(true);
  });
  it('a condition naming a group of patients is no one person\'s', () => {
    expect(scanText('The fund buys shoes for uninsured wound patients.').findings.find((f) => f.type === 'DIAGNOSIS')?.reasons).toContain('population');
    expect(scanText('The fund paid for his wound care.').findings.find((f) => f.type === 'DIAGNOSIS')?.reasons ?? []).not.toContain('population');
  });
});

describe('sets 953-960', () => {
  it('Russian "по карте" before a prefixed zero-padded number is a chart number', () => {
    expect(found('нужна полная копия по карте CHF-0461178 до пятницы', 'MRN')).toEqual(['CHF-0461178']);
  });
  it('the same number after another word is none', () => {
    expect(found('нужна полная копия по заказу CHF-0461178 до пятницы', 'MRN')).toEqual([]);
  });
  it('"prescription for" a full name is the patient the drug is for', () => {
    expect(found('the oxycodone 10 mg prescription for Verna Stolz dated 5/8 is on hold', 'PATIENT_NAME')).toEqual(['Verna Stolz']);
  });
  it('a prescription for a drug class names no one', () => {
    expect(found('the new rules on prescription for Controlled Substances start in May', 'PATIENT_NAME')).toEqual([]);
  });
  it('every name of a rota line opened by a role of several words is staff ("Nursing supervisor:", "Admissions on call:")', () => {
    expect(found('Nursing supervisor: Jenna Whitlock (days), Kofi Mwangi (nights)\nLithium and clozapine draws stay on Tuesday.', 'PATIENT_NAME')).toEqual([]);
    expect(found('Admissions on call: Tamsin Reyes, Kofi Mwangi\nLithium and clozapine draws stay on Tuesday.', 'PATIENT_NAME')).toEqual([]);
  });
  it('names after patients to call stay names', () => {
    expect(found('Patients to call: Jenna Whitlock, Kofi Mwangi\nLithium and clozapine draws stay on Tuesday.', 'PATIENT_NAME')).toContain('Kofi Mwangi');
  });
  it('Korean words for a stage of illness before "환자" are no name', () => {
    expect(found('임종기 환자에게 적절한 용량의 모르핀은 통증을 줄여 줍니다.', 'PATIENT_NAME')).toEqual([]);
  });
  it('a client named "… Sports & School Physicals" is a business', () => {
    expect(found('Client: Ridgeline Sports & School Physicals\nLipid panel 41 $451.00', 'PATIENT_NAME')).toEqual([]);
  });
});

describe('sets 961-968', () => {
  it('an initial and a surname with a record number in brackets are a patient and their chart', () => {
    expect(found('One outlier: J. Fenwick (PB-0391177) missed 6 of 8 visits.', 'MRN')).toEqual(['PB-0391177']);
  });
  it('an initial and a surname with an order number in brackets are no chart', () => {
    expect(found('One outlier: J. Fenwick (PO-0391177) is still unpaid.', 'MRN')).toEqual([]);
  });
  it('a line opening with a record number and a name in capitals, surname first, is a chart\'s header', () => {
    const spool = (row: string) => found(`text captured from the spool file:\n\n  ${row}\n  tacrolimus 1 mg  2 cap PO BID\n`, 'MRN');
    expect(spool('LV20533172  DELGADO IBARRA, ROSA')).toEqual(['LV20533172']);
  });
  it('the same number before words in capitals with no comma, or an invoice\'s, is no chart', () => {
    const spool = (row: string) => found(`text captured from the spool file:\n\n  ${row}\n  tacrolimus 1 mg  2 cap PO BID\n`, 'MRN');
    expect(spool('LV20533172  DISCHARGE MEDICATION LIST')).toEqual([]);
    expect(spool('INV20533172  DELGADO IBARRA, ROSA')).toEqual([]);
  });
  it('"Orthopedic" and Spanish "Infantil" close no person\'s name', () => {
    expect(found('Lunch & Learn: post-op ACL protocols - Brookfield Orthopedic', 'PATIENT_NAME')).toEqual([]);
    expect(found('El equipo de Vida Infantil ofrece recorridos del área de cirugía.', 'PATIENT_NAME')).toEqual([]);
  });
});
