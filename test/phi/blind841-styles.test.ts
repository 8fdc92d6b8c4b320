import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../phi/index.ts';

// Readings added in session 26 from blind sets 841-848 (held back through session 25, then read). Made-up names and
// numbers; none taken from a test set. Each case has a twin that must go the other way.

const flags = (subject: string, body: string): boolean => scanParts([{ where: 'subject', text: subject }, { where: 'body', text: body }]).containsPhi;
const found = (text: string, type: string): string[] => {
  const r = scanText(text);
  return r.findings.filter((f) => f.type === type).map((f) => text.slice(f.start, f.end));
};

describe('whose finding it is, sets 841-848', () => {
  it('"positivo para" before a condition is a test\'s finding, the person\'s in the sentence', () => {
    expect(scanText('Hoy no podemos ver a la Sra. Pilar Ocampo en la sala común porque resultó positiva para tuberculosis.').containsPhi).toBe(true);
  });
  it('the same finding told of no one stays education', () => {
    expect(scanText('Quien resulte positivo para tuberculosis no debe esperar en la sala común; pida una mascarilla en recepción.').containsPhi).toBe(false);
  });
  it('Polish "Pani", "Pana" before a surname name a person, with the codes for her chart', () => {
    expect(found('Proszę dopisać do karty Pani Wiśniewskiej kody E11.9 i K21.0 z wczorajszej wizyty.', 'PATIENT_NAME')).toEqual(['Pani Wiśniewskiej']);
    expect(scanText('Proszę dopisać do karty Pana Zielińskiego kody E11.9 i K21.0 z wczorajszej wizyty.').containsPhi).toBe(true);
  });
  it('"Pani" before a lower-case title names no one', () => {
    expect(found('Pani doktor prosi o listę kodów E11.9 i K21.0 na szkolenie.', 'PATIENT_NAME')).toEqual([]);
  });
});

describe('a share link named like the file it serves, sets 841-848', () => {
  it('a surname and a given name in the link\'s file name, with a condition there, are that person\'s record', () => {
    expect(flags('x-rays', 'Uploaded for the Thursday review:\nhttps://files.example.org/cases/Moreno_Lucia_overbite_pano.pdf')).toBe(true);
  });
  it('the same name on a budget deck is no one\'s record', () => {
    expect(flags('deck', 'Slides for Thursday:\nhttps://files.example.org/team/Moreno_Lucia_budget_2026.pptx')).toBe(false);
  });
});

describe('numbers and people that are no patient\'s, sets 841-848', () => {
  it('a marketplace plan\'s HIOS number after "Plan ID" names the product, not a member', () => {
    expect(found('Your employer renewed the Cascade Bronze plan for 2026. Plan ID: 12345OR0060021. Premiums are attached.', 'HEALTH_PLAN_ID')).toEqual([]);
  });
  it('a member\'s number after "Member ID" still counts', () => {
    expect(found('Coverage check for the visit. Member ID: W20445817', 'HEALTH_PLAN_ID').length).toBe(1);
  });
  it('a character in a screenplay its writer calls entirely invented is no patient', () => {
    expect(flags('scene notes', 'Could you check this screenplay scene? DANA (34) hears the oncologist say her lymphoma is stage III and that chemo starts Monday. Dana is entirely invented; we want it to ring true.')).toBe(false);
  });
  it('the same news told of a real person is hers', () => {
    expect(flags('update', 'Dana Whitlock heard from the oncologist today that her lymphoma is stage III; chemo starts Monday.')).toBe(true);
  });
  it('someone who died of a disease before 1900 is history, not a patient', () => {
    expect(flags('newsletter', 'For the history corner: Josiah Pembrook, the town\'s first pharmacist, died of cholera in 1849 after nursing his neighbours through the outbreak.')).toBe(false);
  });
  it('a life span that ended before 1950 is history too', () => {
    expect(scanText('Lunch talk: Edith Carrow (1851–1902), the county\'s first district nurse, had tuberculosis and kept working through it.').containsPhi).toBe(false);
    expect(scanText('Edith Carrow, 71, has tuberculosis and was admitted overnight.').containsPhi).toBe(true);
  });
  it('the same disease this year is a patient\'s', () => {
    expect(flags('admission', 'Josiah Pembrook was admitted with cholera this week after travel; he is on IV fluids and doing better.')).toBe(true);
  });
  it('a quantifier opening a capitalised run names a group, not a person', () => {
    const faq = 'Several MROs asked about this, so here is the short answer:\nA dilute result with creatinine 2-5 mg/dL needs a directly observed recollection.';
    expect(found(faq, 'PATIENT_NAME')).toEqual([]);
    expect(found(faq.replace('Several MROs', 'Eli Brandt'), 'PATIENT_NAME')).toEqual(['Eli Brandt']);
  });
  it('an athlete\'s illness shared on his own channels is public, not a patient\'s', () => {
    expect(flags('newsletter idea', 'Marathon runner Joaquin Reyes shared on his own channels that he has had ulcerative colitis since college and takes mesalamine. Could we quote him in the clinic newsletter?')).toBe(false);
    expect(flags('visit', 'Joaquin Reyes told us at his visit that he has had ulcerative colitis since college and takes mesalamine.')).toBe(true);
  });
});

describe('services, events and stories, sets 849-856', () => {
  it('"ALS assignments" is an ambulance crew\'s level of care, no one\'s sclerosis', () => {
    expect(scanText('Medic Dana Pruitt is off ALS assignments until her recertification clears; she can work BLS shifts meanwhile.').containsPhi).toBe(false);
  });
  it('ALS diagnosed in a person stays a condition', () => {
    expect(scanText('Dana Pruitt was diagnosed with ALS last spring and now uses a BiPAP at night.').containsPhi).toBe(true);
  });
  it('a condition opening an event\'s name ("Asthma Champions 5K") is nobody\'s', () => {
    expect(scanText('Volunteers for the Asthma Champions 5K: Rita Gomez, Paul Lind. Please be there by 7.').containsPhi).toBe(false);
    expect(scanText('Rita Gomez has asthma and uses her inhaler before the 5K.').containsPhi).toBe(true);
  });
  it('a surname and "Infant" in a study\'s title-case name are no household', () => {
    expect(scanText('The Ortega Infant Feeding Study is enrolling babies who need a G-tube. Call the study team at 555-0142.').containsPhi).toBe(false);
    expect(scanText('The Ortega baby has reflux and was admitted overnight.').containsPhi).toBe(true);
  });
  it('a short story for a staff anthology is fiction', () => {
    expect(scanText('For the staff anthology, a short story: Harold Vane was ninety and hated hospitals. The night his heart failure flared he asked the medics to feed the dog first.').containsPhi).toBe(false);
    expect(scanText('Harold Vane, whose heart failure flared last night, asked the medics to feed his dog first.').containsPhi).toBe(true);
  });
  it('a lower-case status before a date in an inventory is no name; a lower-case given name before one still is', () => {
    const csv = scanParts([{ where: 'subject', text: 'fyi' }, { where: 'attachment:pump_inventory.csv', text: 'unit,serial,status,last_checked\nP-1,SN-44817,on shelf,2025-05-12\nP-2,SN-44822,calibration queue,2025-05-09\nP-3,SN-44830,loaned out,2025-05-13' }]);
    expect(csv.findings.filter((f) => f.type === 'PATIENT_NAME')).toEqual([]);
    expect(found('pls call maria lopez 4/9/1958 about her a1c, its 9.1 now', 'PATIENT_NAME')).toEqual(['maria lopez']);
  });
  it('a name with a credential and a column\'s gap after it is staff on a roster', () => {
    expect(scanText('Annual fit testing roster:\nBeatriz Olmos, BHT   N95 fit test due 07/15\nKeanu Pahia, CMA    N95 fit test due 07/22').containsPhi).toBe(false);
    expect(scanText('Beatriz Olmos   insulin glargine 20 units due 07/15').containsPhi).toBe(true);
  });
});

describe('calendar invitations, sets 849-856', () => {
  // Whether the one attendee is read as the invitation's patient (the wording model weighs the whole message apart).
  const attendeeIsPatient = (description: string, location: string): boolean | undefined => scanParts([
    { where: 'subject', text: 'Invitation' },
    { where: 'attachment:invite.ics', text: `BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Sepsis follow-up\nDESCRIPTION:${description}\nLOCATION:${location}\nORGANIZER;CN=Priya Raman:mailto:praman@clinic.example\nATTENDEE;CN=Lorenzo Vitale:mailto:lvitale@mail.example\nEND:VEVENT\nEND:VCALENDAR` },
  ]).findings.find((f) => f.type === 'PATIENT_NAME' && f.explain.includes('Lorenzo'))?.reasons.includes('name:next-to-health');
  it('a staff meeting with an agenda in a conference room does not make its one attendee a patient', () => {
    expect(attendeeIsPatient('Agenda: 1) lactate redraw timing 2) fluids for septic shock in heart failure 3) vancomycin dosing', 'Birch conference room')).toBe(false);
  });
  it('a visit sent to one attendee with a definite finding is about their care', () => {
    expect(attendeeIsPatient('Recheck after admission for septic shock; bring your vancomycin levels', 'Clinic B')).toBe(true);
  });
});

describe('readings from sets 857-864', () => {
  it('a hand operation in the subject after a full name is that person\'s', () => {
    expect(flags('Re: Dalia Ferro - zone II flexor tendon repair, which protocol?', 'Early active motion. Sheet attached.')).toBe(true);
    expect(flags('Re: Dalia Ferro - which protocol?', 'Early active motion. Sheet attached.')).toBe(false);
  });
  it('"her" before a drug\'s kits makes them hers, not stock', () => {
    const stock = (text: string): boolean | undefined => scanText(text).findings.find((f) => f.type === 'MEDICATION')?.explain.includes('stock');
    expect(stock('does rosalind k still get her lanadelumab 300mg kits shipped to the house?')).toBe(false);
    expect(stock('We have lanadelumab 300mg kits in stock for the clinic fridge.')).toBe(true);
  });
  it('a test\'s results named in the subject are the named person\'s', () => {
    expect(flags('Re: resultados TSH – Ofelia Duarte Quiroga', 'Recibido, gracias.')).toBe(true);
    expect(flags('TSH results delayed today', 'The analyzer is down; TSH results will post tomorrow.')).toBe(false);
  });
  it('a file named for nasal polyps is a record', () => {
    const file = (name: string): boolean => scanParts([{ where: 'subject', text: 'scans' }, { where: 'body', text: 'see attached' }, { where: 'attachment-name', text: name }]).containsPhi;
    expect(file('Lindqvist_Henrik_CT-sinus_polyps_2025-03-11.pdf')).toBe(true);
    expect(file('Lindqvist_Henrik_parking-permit_2025-03-11.pdf')).toBe(false);
  });
  it('credentials in capitals before a length of service are no name with an age', () => {
    expect(found('Requirements: CHT or CHRN, BLS, 1 year of experience.', 'PATIENT_NAME')).toEqual([]);
    expect(found('New consult: Walter Brisco, 74 years, diabetic foot ulcer.', 'PATIENT_NAME')).toEqual(['Walter Brisco']);
  });
  it('a part number is past any age', () => {
    expect(found('Contents: Offloading walker boot (SKU OWB-220-M) x6, for the diabetic foot programme', 'PATIENT_NAME')).toEqual([]);
  });
  it('an athlete who talks openly about her illness in an interview is a public figure', () => {
    expect(flags('for the waiting room', 'An interview with the cyclist Renata Vogel, who talks openly about living with narcolepsy and her medication on race days.')).toBe(false);
    expect(flags('follow-up', 'Renata Vogel is living with narcolepsy; her medication was changed at today\'s visit.')).toBe(true);
  });
  it('a specialty named with a condition ("Allergy & Immunology") and a mail domain are no one\'s condition', () => {
    const sig = 'Planned downtime Sunday 02:00-04:00. The infusion pump integration will be offline.\n\nKenji Albers\nIT, Harrowgate Allergy & Immunology\nhelpdesk@harrowgate-allergy.example';
    expect(scanText(sig).findings.filter((f) => f.type === 'DIAGNOSIS')).toEqual([]);
    expect(found('Kenji Albers has a peanut allergy; the infusion was stopped.', 'DIAGNOSIS')).toEqual(['peanut allergy']);
  });
});

describe('readings from sets 865-872', () => {
  it('"pt" before a prefixed zero-padded number names the patient by their chart', () => {
    expect(found('pt WC-0083321 no-showed twice, ulcer worse per home health. pls call today', 'MRN')).toEqual(['WC-0083321']);
    expect(found('order WC-0083321 shipped twice, ulcer dressings on backorder', 'MRN')).toEqual([]);
  });
  it('a lower-case Polish "pani" before a surname names a person in a terse note', () => {
    expect(scanText('pani kowalczyk - tysabri przesunięty na czwartek, dr lee chce powtórzyć morfologię').containsPhi).toBe(true);
    expect(scanText('tysabri przesunięty na czwartek, dr lee chce powtórzyć morfologię').containsPhi).toBe(false);
  });
  it('a service priced on a fee schedule is no one\'s care', () => {
    expect(scanText('Hi Dana,\nAttached is the 2027 fee schedule for your renewal.\n- DOT physical: $95 (was $90)\n- Audiogram: $30\nTamsin').containsPhi).toBe(false);
    expect(scanText('Hi Dana,\nYour DOT physical is booked for Tuesday; bring your glasses.\nTamsin').containsPhi).toBe(true);
  });
  it('what a rota\'s day columns say is where staff work', () => {
    const rota = (cells: string): boolean => scanParts([{ where: 'subject', text: 'fyi' }, { where: 'attachment:rota.csv', text: `name,role,ext,mon,tue,wed\nRenata Ostrowski,DPM,201,${cells}\nKeisha Dunmore,RN,210,wound,wound,off` }]).findings.some((f) => f.type === 'PATIENT_NAME' && f.reasons.includes('name:next-to-health'));
    expect(rota('clinic,wound,clinic')).toBe(false);
    expect(scanParts([{ where: 'subject', text: 'fyi' }, { where: 'attachment:list.csv', text: 'name,room,dx\nRenata Ostrowski,4,wound infection' }]).containsPhi).toBe(true);
  });
  it('a spoiler alert speaks of a story', () => {
    expect(scanText("Spoiler alert for Thursday's discussion: Marguerite Lask finally admits her cough is tuberculosis.").containsPhi).toBe(false);
    expect(scanText('Marguerite Lask finally admits her cough is tuberculosis; sputum sent today.').containsPhi).toBe(true);
  });
});

describe('readings from sets 873-880', () => {
  const file = (name: string): boolean => scanParts([{ where: 'subject', text: 'printout' }, { where: 'body', text: 'Attached as discussed.' }, { where: 'attachment-name', text: name }]).containsPhi;
  it('a vagus nerve stimulator\'s interrogation filed under a name and a birth date is that child\'s record', () => {
    expect(file('VNS_interrogation_Marlowe_Tegan_DOB2013-02-11.pdf')).toBe(true);
    expect(file('Field_trip_Marlowe_Tegan_DOB2013-02-11.pdf')).toBe(false);
  });
  it('"exp." (expediente) before a prefixed zero-padded number is a chart\'s', () => {
    expect(found('pte. R. Acuña (exp. LD-0671140), FIT +, agendar colono', 'MRN')).toEqual(['LD-0671140']);
    expect(found('pedido (ref. LD-0671140), 3 cajas, entregar el lunes', 'MRN')).toEqual([]);
  });
  it('Persian Parkinson\'s and levodopa, Bengali Crohn\'s and ustekinumab are health words', () => {
    expect(found('خانم مریم صدری – پارکینسون – لوودوپا ساعت ۸ صبح', 'DIAGNOSIS')).toEqual(['پارکینسون']);
    expect(found('خانم مریم صدری – پارکینسون – لوودوپا ساعت ۸ صبح', 'MEDICATION')).toEqual(['لوودوپا']);
    expect(found('আপনার ক্রোন রোগের জন্য ইউস্টেকিনুমাব ইনজেকশন', 'MEDICATION')).toEqual(['ইউস্টেকিনুমাব']);
    expect(found('خانم مریم صدری – جلسه بعد پنجشنبه', 'DIAGNOSIS')).toEqual([]);
  });
  it('Lewy body dementia is one condition', () => {
    expect(found('after his Lewy body dementia diagnosis last month', 'DIAGNOSIS')).toEqual(['Lewy body dementia']);
  });
  it('a name with a credential after "Name:" is a clinician\'s enrollment', () => {
    expect(scanText('Enrollment details:\nName: Ifeoma Castellane, MD\nBoard certification: Nephrology\nStarts in the transplant clinic 01/06.').containsPhi).toBe(false);
    expect(scanText('Intake details:\nName: Ifeoma Castellane\nDiagnosis: nephrotic syndrome\nStarts in the transplant clinic 01/06.').containsPhi).toBe(true);
  });
  it('"PT:" beside "OT:" and "SLP:" lines heads a discipline\'s staff', () => {
    expect(found('Coverage for Friday:\nPT: Dana, Kamran\nOT: Leila\nSLP: Priya (half day)', 'PATIENT_NAME')).toEqual([]);
    expect(found('Coverage for Friday:\nPT: Dana Kamran, 71, fall risk', 'PATIENT_NAME').length).toBe(1);
  });
  it('a book club\'s novel and a celebrity chef on a talk show are no patients', () => {
    expect(scanText("Book club meets Thursday. This month's novel follows nurse Odile Brack, whose patient Rosa develops sepsis after surgery.").containsPhi).toBe(false);
    expect(scanText('Celebrity chef Tobias Wren told a talk show about his gastric bypass and his vitamins.').containsPhi).toBe(false);
    expect(scanText('Tobias Wren told us about his gastric bypass and his vitamins at today\'s visit.').containsPhi).toBe(true);
  });
  it('a Bengali patient-education department signs no patient\'s name', () => {
    expect(found('লার্কস্পার ফার্মেসি – রোগী শিক্ষা বিভাগ', 'PATIENT_NAME')).toEqual([]);
  });
});

describe('readings from sets 881-888', () => {
  it('a piece for a writing group is fiction', () => {
    expect(scanText('Here is my piece for the writing group: Marta Quill felt the curtain fall over her right eye; the retina had torn, the doctor said.').containsPhi).toBe(false);
    expect(scanText('Marta Quill felt a curtain fall over her right eye this morning; the retina has torn, Dr. Halse says.').containsPhi).toBe(true);
  });
  it('Russian acute coronary syndrome, troponin and heparin are health words', () => {
    expect(found('козлов, 67 лет, окс, тропонин 2,1, гепарин начат', 'MEDICATION')).toEqual(['гепарин']);
    expect(found('козлов, 67 лет, окс, тропонин 2,1, гепарин начат', 'LAB_RESULT')).toEqual(['тропонин']);
  });
  it('a Spanish rota\'s role before a name makes staff', () => {
    expect(found('Urgencias: glaucoma agudo al médico de guardia. Técnica de apoyo: Priya Aldana.', 'PATIENT_NAME')).toEqual([]);
    expect(found('Urgencias: glaucoma agudo en Priya Aldana, al médico de guardia.', 'PATIENT_NAME')).toEqual(['Priya Aldana']);
  });
  it('a range of serials is equipment, one serial may be a patient\'s device', () => {
    const serial = (text: string): string | undefined => scanText(text).findings.find((f) => f.type === 'DEVICE_ID')?.confidence;
    expect(serial('Your replacement sleep apnea test devices have shipped. Devices: serials NT3-009412 through NT3-009417.')).toBe('medium');
    expect(serial('Her sleep apnea device: serial NT3-009412, mask leak high.')).toBe('high');
  });
  it('department and machine acronyms before a room are a place', () => {
    expect(found('Preventive maintenance on the ED CT room 2 scanner Monday; route stroke patients to CT room 1.', 'PATIENT_NAME')).toEqual([]);
    expect(found('Lamar Whitsett room 2 with stroke symptoms, CT pending.', 'PATIENT_NAME')).toEqual(['Lamar Whitsett']);
  });
});

describe('readings from sets 889-896', () => {
  it('a prefix, a dash and a zero-padded number opening a line with a code is a chart\'s', () => {
    expect(found('RX-0062714 A53.9 - 2nd weekly bicillin done, case stays open.', 'MRN')).toEqual(['RX-0062714']);
    expect(found('PO-0062714 bicillin 10 cartons backordered', 'MRN')).toEqual([]);
  });
  it('Somali hepatitis with its article, Russian myeloma drugs', () => {
    expect(scanText('Cali M. - cagaarshowga B, ballan dhakhtarka').containsPhi).toBe(true);
    expect(found('воронин - ревлимид пока стоп, дексаметазон продолжать', 'MEDICATION')).toEqual(['ревлимид', 'дексаметазон']);
  });
  it('"paciente" ending its sentence labels no name after it', () => {
    expect(scanText('Los datos son agregados y no identifican a ningún paciente. - Beatriz Salcedo').containsPhi).toBe(false);
    expect(found('Paciente: Beatriz Salcedo', 'PATIENT_NAME')).toEqual(['Beatriz Salcedo']);
  });
  it('a media advisory, a passage from a novel and a morning show are no patients\' mail', () => {
    expect(scanText('MEDIA ADVISORY: Mayor Dolores Whitcombe will receive her flu vaccine on camera Oct 1.').containsPhi).toBe(false);
    expect(scanText('Here is the passage from the novel: Aunt Mabel Grisham was diagnosed with acute myeloid leukemia.').containsPhi).toBe(false);
    expect(scanText('Actress Vera Altamont talked on a national morning show about her double mastectomy.').containsPhi).toBe(false);
    expect(scanText('Mabel Grisham was diagnosed with acute myeloid leukemia; induction starts Monday.').containsPhi).toBe(true);
  });
  it('an Arabic word opening with "and the" after a person word is no name', () => {
    expect(found('قد يشمل العلاج تدريب الوالدين والدعم المدرسي', 'PATIENT_NAME')).toEqual([]);
  });
});

