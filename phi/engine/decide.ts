/**
 * Message-level decision (phi-labeling.md): PHI when a patient identifier comes with health content,
 * or a high-risk identifier sits in a healthcare context. Provider identifiers, signatures, generic
 * education and aggregate statistics do not make a message PHI.
 */
import type { Hit } from './hit.ts';
import type { PartScan } from './scan-part.ts';
import { CAREER_FILE } from './file-names.ts';
import { personKey } from './fold.ts';
import { lineAround } from './segments.ts';

export interface Decision {
  containsPhi: boolean;
  score: number;
  reasons: string[];
  /** Findings that carried the decision (identifiers upgraded from "low" keep their evidence). */
  promoted: Set<Hit>;
  /** Purview's HIPAA template matched (an SSN or DEA number with an ICD-10 code): PHI whatever the wording. */
  hipaaTemplate?: boolean;
  /** A full name and clinical content in one attachment's file name ("Abdi_Hodan_ASD_eval.xlsx"): the file is that person's record, whatever the covering note's words. */
  namedRecordFile?: boolean;
  /** Why the recognizers hold that the message identifies no patient whatever its wording: an animal's, made-up, mass mail, stock, a job application, a clinician's credentialing, a staff member's own payroll details. */
  nobody?: 'veterinary' | 'made-up' | 'mass mail' | 'goods' | 'automated notice' | 'public figure' | 'job application' | 'provider credentialing' | 'staff record' | null;
}

const counts = (h: Hit): boolean => h.confidence !== 'low';
/** A study's code for a participant, by its label or column: in data called de-identified, a random code. */
const STUDY_CODE_REASONS = new Set(['label:study id', 'table-column:study id', 'label:participant id', 'table-column:participant id', 'table-column:participant', 'label:subject id', 'table-column:subject id', 'table-column:subject']);

const HUMAN_PATIENT_REASONS = new Set(['label:mrn', 'label:son', 'label:daughter', 'label:husband', 'label:wife', 'label:mother', 'label:father', 'label:hijo', 'label:hija', 'name:table']);
const CREDENTIALING = /\b(?:re-?credentialing|credentialing|privileging|CAQH|PECOS|payer enrollment|provider enrollment)\b/i;
/** Payroll and personnel files: a staff member updating their own address, bank or tax forms (en/es). */
const PERSONNEL_WORDS = /\b(?:payroll|W-?[24]|personnel file|HR file|n[óo]mina|expediente de personal)\b/i;
/** A note to payroll says what it is about up front: its opening is read, not a long thread's every line. */
const PERSONNEL_HEAD = 1500;
/** Money going to a patient or client ("refund to the patient's account"): their payment, not a staff member's pay. */
const PATIENT_MONEY = /\b(?:refunds?|refunded|reimburse\w*|overpa\w+|reembols\w*|devoluci[óo]n|patients?|pacientes?|clients?)\b/i;
/** A day written as digits or with its month's name ("02/27/2024", "June 2", "April 16, 2024"). */
const DATED = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2}\b/;
const APPLICATION_WORDS = /\b(?:appl(?:y|ying|ied|ication)|position|candidate|candidacy|job|opening|vacancy|hiring)\b/i;

export function decide(parts: PartScan[]): Decision {
  const promoted = new Set<Hit>();
  let contextTerms = 0;
  let veterinaryWeight = 0;
  let strongVeterinary = 0;
  let animalExposure = 0;
  // Mass mail (newsletters, campaigns): "your numbers", "if you have diabetes" address every reader, not one person.
  let bulk = false;
  // Training material that says its numbers are fake: its identifiers identify nobody (unless someone writes about their own health).
  let fictitious = false;
  // Data called de-identified ("Safe Harbor de-identified extract"): its study IDs are codes; other identifiers still count.
  let deidentified = false;
  // An out-of-office reply: the people and numbers in its body are whom to contact instead (a colleague,
  // the answering service), not a patient's; they count only with health content tied to a person. Its
  // subject (which may quote the original message's) is read as usual.
  let autoReply = false;
  // Colleagues whose contact cards are attached ("Mei Chen's contact card" over Mei_Chen_FNP.vcf).
  const staffNames = new Set<string>();
  // "Samir_Haddad.vcf" beside a colleague's card: a word of the file name that is a word of a staff member's name.
  let staffWords: Set<string> | undefined;
  const staffFileWord = (h: Hit, text: string): boolean => h.reasons.includes('name:file-name') && !h.reasons.includes('name:full') &&
    (staffWords ??= new Set([...staffNames].flatMap((n) => n.split(' ')))).has(personKey(text.slice(h.start, h.end)));
  // "Welcome Mrs. Gonzalez" over "Please welcome Mrs. Elena Gonzalez, our new billing supervisor": a colleague's surname
  // after an honorific is that colleague.
  let staffSurnames: Set<string> | undefined;
  const staffByHonorific = (h: Hit, text: string): boolean => {
    if (!h.reasons.includes('name:honorific')) return false;
    const words = personKey(text.slice(h.start, h.end)).split(' ');
    return words.length === 2 && (staffSurnames ??= new Set([...staffNames].map((n) => n.slice(n.lastIndexOf(' ') + 1)))).has(words[1]);
  };
  // A system's notice ("This is an automated message") in which nothing was recognised is a ticket or a receipt: nobody's.
  let automated = false;
  // A person's health made public by them or the press ("spoke publicly about her asthma", a press release).
  let publicity = false;
  let release = false;
  // A job application (a CV or a cover letter attached): the care it names is the applicant's work ("clinical rotation
  // treating low back pain"); only their own health, in the first person, is anyone's.
  let careerFile = false;
  for (const p of parts) {
    if (!careerFile && p.where.endsWith('attachment-name') && CAREER_FILE.test(p.text)) careerFile = true;
    contextTerms += p.contextTerms;
    veterinaryWeight += p.veterinary;
    strongVeterinary += p.strongVeterinary;
    animalExposure += p.animalExposure;
    if (p.bulk > 0) bulk = true;
    if (p.fictitious > 0) fictitious = true;
    if (p.deidentified > 0) deidentified = true;
    if (p.autoReply) autoReply = true;
    if (p.automated) automated = true;
    if (p.publicity > 0) publicity = true;
    if (p.release > 0) release = true;
    for (const n of p.staffNames) staffNames.add(n);
  }
  // A mailing that greets its reader by full name and dates what it tells ("Hi Darnell Shifflett, … your root canal on tooth
  // #19 (02/27/2024)") was merged for one person: its "your" is that reader's. "Know your numbers" with no date is everyone's.
  if (bulk && parts.some((p) => p.hits.some((h) => h.type === 'PATIENT_NAME' && h.reasons.includes('name:greeting') && p.text.slice(h.start, h.end).includes(' ')) && DATED.test(p.text))) bulk = false;
  // "cv_export.csv" is a clinic's export and "résumé vaccinal" a summary: an application says it is one.
  const career = careerFile && parts.some((p) => (p.where.endsWith('subject') || p.where.endsWith('body')) && APPLICATION_WORDS.test(p.text));
  // A veterinary message: the owner's name and the animal's diagnosis are not a patient's health information.
  // A person bitten by a dog or visited by a therapy dog is the patient: then only veterinary words proper count.
  // Then the names and the third-person health are a public figure's, not a patient's, unless the mail also carries
  // a patient's own numbers or home (a date of birth, an MRN, a street address): those make someone in it a patient
  // whatever else it says. A name written with an age or a room ("Graham Whitcomb, 71") stays a patient's.
  const patientMarker = (h: Hit): boolean => counts(h) && !h.inSignature && (h.role === 'high-risk' || (h.role === 'strong' && h.type !== 'PATIENT_NAME') || (h.type === 'ADDRESS' && h.role !== 'contact') || h.reasons.includes('name:with-age') || h.reasons.includes('name:room'));
  const publicFigure = publicity && !parts.some((p) => p.hits.some(patientMarker));
  // Dogs and horses named with no veterinary word proper ("the dog's leash caught the IV line") leave a person the patient
  // when the mail marks one: a chart number by its label, a family member's name, a patient column of full names.
  // Whatever the veterinary words, a diagnosis coded in ICD-10 (no animal's coding) or a person's full name with an age
  // ("Silas Morrow-Pike, 41, milker") is a human patient's: a zoonosis or a bite investigated by a One Health team.
  const humanMarker = (h: Hit): boolean => counts(h) && ((h.type === 'ICD10' && h.confidence !== 'low') || (h.reasons.includes('name:with-age') && h.reasons.includes('name:given-name')));
  const humanPatient = (strongVeterinary === 0 && parts.some((p) => p.hits.some((h) => counts(h) && h.reasons.some((r) => HUMAN_PATIENT_REASONS.has(r))))) || parts.some((p) => p.hits.some(humanMarker));
  const veterinary = !humanPatient && (animalExposure > 0 ? strongVeterinary * 2 : veterinaryWeight) >= 2;
  // A document named after someone ("SLUMS_Adeyemi_Oluwaseun.txt") with clinical content of its own is that
  // person's record: the names of such attachments.
  const clinicalFiles = new Set<string>();
  for (const p of parts) {
    const i = p.where.indexOf('attachment:');
    if (i >= 0 && p.hits.some((h) => h.role === 'health' && counts(h) && !h.inSignature)) clinicalFiles.add(p.where.slice(i + 11));
  }
  const fileOwners = new Set<Hit>();
  // One pass over the findings that count at all (no per-message flatMap/filter chains): what is visible
  // outside signatures, the health content, provider identifiers and signers.
  const visible: Hit[] = [];
  const health: Hit[] = [];
  const personalHealth0: Hit[] = [];
  const providerIds: Hit[] = [];
  const icd: Hit[] = [];
  const signers: Hit[] = [];
  let healthScore = 0;
  // The same word twice ("hospice … Hospice") is one piece of health content, not two.
  const seenHealth = new Map<string, number>();
  // An HL7 test message's patient is made up; drugs and supplies counted as stock are goods, no one's care.
  let testMessage = false;
  let goods = false;
  const signatureHealth: Array<[Hit, string]> = [];
  const countHealth = (h: Hit, text: string): void => {
    health.push(h);
    const key = `${h.type}\t${text.slice(h.start, h.end).toLowerCase()}`;
    const weight = h.confidence === 'high' ? 1 : 0.6;
    const before = seenHealth.get(key) ?? 0;
    if (weight > before) { healthScore += weight - before; seenHealth.set(key, weight); }
    if (h.type === 'ICD10') icd.push(h);
    if (h.personal && (!bulk || h.personalFirst)) personalHealth0.push(h);
  };
  for (const p of parts) {
    for (const h of p.hits) {
      if (veterinary && !(h.role === 'high-risk' && (h.type === 'SSN' || h.type === 'MBI'))) continue;
      if (fictitious && !(h.role === 'health' || h.personal || h.reasons.includes('name:signature'))) continue;
      if (deidentified && h.reasons.some((r) => STUDY_CODE_REASONS.has(r))) continue;
      if (publicFigure && h.type === 'PATIENT_NAME' && !h.inSignature) continue;
      if (staffNames.size > 0 && h.type === 'PATIENT_NAME' && (staffNames.has(personKey(p.text.slice(h.start, h.end))) || staffFileWord(h, p.text) || staffByHonorific(h, p.text))) continue;
      if (h.role === 'provider' && !h.inSignature) providerIds.push(h);
      if (h.reasons.includes('name:signature') && !h.reasons.includes('placeholder')) signers.push(h);
      // A clinician's signature holds their own numbers; a date of birth under a name is a patient's.
      if (h.inSignature && h.role !== 'health' && h.role !== 'high-risk' && h.type !== 'DOB') continue;
      visible.push(h);
      if (clinicalFiles.size > 0 && h.reasons.includes('name:full') && h.reasons.includes('name:file-name') && clinicalFiles.has(lineAround(p.text, h.start))) fileOwners.add(h);
      // A drug named as stock ("Jardiance 10mg samples") is goods: no one's health content.
      if (h.reasons.includes('hl7:processing-id-test')) testMessage = true;
      if (h.role === 'health' && counts(h) && h.reasons.includes('supply')) goods = true;
      if (h.role !== 'health' || !counts(h) || h.reasons.includes('supply') || (career && (!h.personalFirst || h.type === 'OTHER'))) continue;
      // A department in a signature ("Palliative Care Social Work") names the signer's work: it adds to health
      // content the message has elsewhere, and is none by itself.
      if (h.inSignature && !h.personal) signatureHealth.push([h, p.text]);
      else countHealth(h, p.text);
    }
  }
  if (health.length > 0) for (const [h, text] of signatureHealth) countHealth(h, text);
  // Weak person cues count only with health content tied to a person ("Rosalind, your colonoscopy…"):
  // a name addressed at the start of a message, correspondents named in forwarded headers, a capitalised
  // word in an attachment's file name (a surname with a listed given name there is a full name).
  // In mass mail, "Hi Dana," is a mail-merge field and "Living Well: heart failure" a heading: the
  // newsletter is not about Dana's health.
  // The message an auto-reply quotes is its sender's own, read as usual.
  const coverage = (h: Hit): boolean => autoReply && (h.role === 'named' || h.role === 'weak') && !h.where.endsWith('subject') && !h.where.endsWith('quoted');
  const weakCue = (h: Hit): boolean => coverage(h) || h.reasons.includes('name:vocative') || (h.reasons.includes('name:greeting') && !h.reasons.includes('name:next-to-health')) || h.reasons.includes('in-header') || (h.reasons.includes('name:file-name') && !h.reasons.includes('name:next-to-health') && !h.reasons.includes('name:photo') && !h.reasons.includes('name:full')) || (bulk && (h.reasons.includes('name:greeting') || (h.type === 'PATIENT_NAME' && h.where.endsWith('subject'))));
  // The reader a message greets owns the health addressed to them ("Hi Camille, your dysphonia…"), not
  // what it tells of someone else ("Hi Linda, … she had an ear infection").
  const addressed = (h: Hit): boolean => (h.reasons.includes('name:greeting') || h.reasons.includes('name:vocative')) && !h.reasons.includes('name:next-to-health');
  // "Hi Marisol, Good news: the HPV test was negative … Dr. Okafor": a prescriber's letter telling its reader a definite
  // result tells them their own, "your" or not.
  const prescriberSigned = parts.some((p) => p.signatures.some((sig) => sig.prescriber === true));
  const resultToReader = prescriberSigned && !bulk && health.some((h) => h.type === 'LAB_RESULT' && h.confidence === 'high' && h.reasons.includes('result:qualitative') && !h.where.endsWith('subject'));
  const highRisk: Hit[] = [];
  const strong: Hit[] = [];
  const payment: Hit[] = [];
  const named: Hit[] = [];
  const weak: Hit[] = [];
  for (const h of visible) {
    const on = h.role !== 'health' && weakCue(h) && !h.reasons.includes('placeholder') ? (addressed(h) ? personalHealth0.some((p) => p.personalSecond) || (resultToReader && h.reasons.includes('name:greeting')) : personalHealth0.length > 0) : counts(h);
    if (!on) continue;
    if (h.confidence === 'low') promoted.add(h);
    if (h.role === 'high-risk') highRisk.push(h);
    else if (h.role === 'strong') strong.push(h);
    else if (h.role === 'payment') { if (!h.reasons.includes('card:business')) payment.push(h); }
    else if (h.role === 'named') named.push(h);
    else if (h.role === 'weak') weak.push(h);
  }
  // A public figure's "her diagnosis" is theirs; only the writer's own ("my asthma") stays someone's in the mail, unless
  // the mail is the figure's own statement ("FOR IMMEDIATE RELEASE … I was diagnosed …"), whose "I" is theirs too.
  const personalHealth = publicFigure ? (release ? [] : personalHealth0.filter((h) => h.personalFirst)) : personalHealth0;
  const hasHealth = healthScore >= 0.6;
  const context = contextTerms > 0 || hasHealth;
  const ssn = highRisk.filter((h) => h.type === 'SSN');
  // A signer counts with health content tied to a person; a writer who introduces themselves ("this is
  // Amara…") with health content in the first person.
  const firstPerson = personalHealth.some((h) => h.personalFirst);
  // In a template ("Hi {{PatientFirstName}}, your Mohs surgery…") the signer writes to patients, about theirs; a case
  // written up "de-identified" for a conference is someone else's, told without who.
  const patientSigner = publicFigure && release ? [] : firstPerson ? signers : fictitious || deidentified ? [] : signers.filter((h) => !h.reasons.includes('name:self-intro'));

  const reasons: string[] = [];
  let evidence = 0;
  // MRN/MBI/member-ID labels are healthcare context themselves; SSNs and "Policy #" values need it around them.
  const selfContext = highRisk.some((h) => h.type !== 'SSN' && !h.reasons.includes('needs-context'));
  if (highRisk.length > 0 && (context || selfContext)) {
    reasons.push(`high-risk patient identifier (${types(highRisk)}) in a healthcare context`);
    evidence += 2;
  }
  // A home address is a contact identifier: with health content it is a patient's, with a clinic merely mentioned
  // ("a room to rent, 10 minutes from the clinic") it is anyone's.
  const strongInContext = strong.filter((h) => h.type !== 'ADDRESS');
  // A clinician's credentialing or payer-enrolment packet ("Date of birth", "Home address" beside their NPI and licence)
  // holds the clinician's own details: without health content there is no patient in it.
  const credentialing = !hasHealth && providerIds.length > 0 && parts.some((p) => CREDENTIALING.test(p.text));
  if (strong.length > 0 && !credentialing && (hasHealth || ((contextTerms > 0 || selfContext) && strongInContext.length > 0))) {
    reasons.push(`patient identifier (${types(strong)}) with ${hasHealth ? 'health content' : 'healthcare context'}`);
    evidence += 1.5;
  }
  if (payment.length > 0 && hasHealth) {
    reasons.push('payment card with health content');
    evidence += 1;
  }
  // A name right at clinical content, or written with an age ("Eleanor Vance, 84F"), is a patient's; so is
  // a full name that is the whole subject ("FW: Okoye, Ngozi") or names a clinical document.
  // A name with a room or bed ("Mrs. Halvorsen rm 3") is an inpatient's or a resident's.
  const atHealth = (h: Hit): boolean => h.reasons.includes('name:next-to-health') || h.reasons.includes('name:with-age') || h.reasons.includes('name:subject-only') || h.reasons.includes('name:room') || fileOwners.has(h);
  const namedAtHealth = named.some(atHealth);
  // A name known only from the phone number written after it ("ask Jessica at 541-…") may be a rep's or a
  // colleague's: it needs the content tied to a person or set right at it.
  const byPhoneOnly = (h: Hit): boolean => h.reasons.length === 1 && h.reasons[0] === 'name:with-phone';
  const namedFirm = named.filter((h) => !byPhoneOnly(h));
  // A name's health: set right at it, tied to a person, or definite enough (a high finding, or several).
  const namedWithHealth = namedAtHealth || (namedFirm.length > 0 && (health.some((h) => h.confidence === 'high') || healthScore >= 1.2));
  let namedRecordFile = false;
  if (named.length > 0 && hasHealth && (namedWithHealth || personalHealth.length > 0)) {
    reasons.push('a named person with health content');
    evidence += 1;
    namedRecordFile = named.some((h) => (h.reasons.includes('name:file-name') && h.reasons.includes('name:full') && h.reasons.includes('name:next-to-health')) ||
      (h.where.startsWith('attachment:') && h.reasons.includes('name:table') && h.reasons.includes('name:next-to-health')));
  }
  // Whose health it is must be as clear as for a name alone: a name known only from the phone after it
  // ("sign up with <name>, <phone>"), or a roster of names beside a service word, is nobody's.
  // A named person with a device serial ("Mr. Benally's pacemaker, serial …") is one patient's device.
  // The person a message greets ("Hi Colleen,") is its reader, not the owner of the serials in it.
  const namedDevice = namedFirm.some((h) => !h.reasons.includes('name:greeting')) && weak.some((h) => h.type === 'DEVICE_ID');
  const individual = personalHealth.length > 0 || namedWithHealth || namedDevice || strong.length > 0;
  // A person's number ("called the mom at …") with a definite result or finding is that family's.
  // So is a labelled device serial with a definite finding (a pacemaker's remote report: "SN …, AF burden 22%").
  // A patient's account number ("Acct 20044817 — UDS + fentanyl") is theirs like a number they answer; so is
  // a link to their chart ("…/chart/OVP-0051176/uds").
  // Not in mass mail: "send your CV to empleos@…" names the recruiter's mailbox, whatever codes the posting lists.
  // Nor beside a public figure's health made public: "Media contact: press@…" is their press office's.
  const personalContact = !bulk && !publicFigure && weak.some((h) => h.reasons.includes('keyword:person') || (h.type === 'DEVICE_ID' && h.confidence === 'high') || (h.reasons.includes('pattern:account') && !h.reasons.includes('account:business')) || h.reasons.includes('url:person-parameter')) && health.some((h) => h.confidence === 'high');
  // In mass mail an FAQ's "Can I take ibuprofen?" is a voice, not a reader: the address and phone are the sender's.
  if (weak.length > 0 && hasHealth && (bulk ? namedWithHealth || namedDevice || strong.length > 0 : individual || personalContact)) {
    reasons.push(`contact identifier (${types(weak)}) with an individual's health content`);
    evidence += 1;
  }
  // Health addressed to the reader ("your medications") is not the signer's own.
  if (patientSigner.length > 0 && personalHealth.some((h) => !h.personalSecond)) {
    reasons.push('a patient signs a message about their own health');
    for (const h of patientSigner) promoted.add(h);
    evidence += 1;
  }
  const hipaaTemplate = (ssn.length > 0 || providerIds.some((h) => h.type === 'DEA')) && icd.length > 0;
  if (hipaaTemplate) {
    reasons.push('SSN or DEA number together with an ICD-10 code (HIPAA template)');
    evidence += 1;
  }
  const containsPhi = reasons.length > 0;
  const partial = Math.min(0.45, 0.1 * (highRisk.length + strong.length + named.length) + 0.05 * Math.min(healthScore, 4));
  const score = containsPhi ? Math.min(0.99, 0.6 + 0.13 * evidence + 0.02 * Math.min(healthScore, 5)) : Number(partial.toFixed(2));
  // A staff member's own address, bank or tax details sent to payroll or HR, with no health content, no patient's
  // number and no one else named, are their personnel record's.
  // Anyone named besides the reader greeted is whom the money or the hours are about ("Harold Pruitt's daughter wants autopay").
  const thirdParty = (): boolean => visible.some((h) => h.type === 'PATIENT_NAME' && counts(h) && !addressed(h));
  const staffRecord = (): boolean => health.length === 0 && highRisk.length === 0 && !thirdParty() && parts.some((p) => (p.where.endsWith('subject') || p.where.endsWith('body')) && PERSONNEL_WORDS.test(p.text.length > PERSONNEL_HEAD ? p.text.slice(0, PERSONNEL_HEAD) : p.text)) && !parts.some((p) => PATIENT_MONEY.test(p.text));
  const nobody = veterinary ? 'veterinary' : fictitious || testMessage ? 'made-up' : bulk ? 'mass mail' : goods && health.length === 0 ? 'goods' : automated && !visible.some(identifiesSomeone) && readThrough(parts) ? 'automated notice' : publicFigure ? 'public figure' : career ? 'job application' : credentialing ? 'provider credentialing' : staffRecord() ? 'staff record' : null;
  return { containsPhi, score: Number(score.toFixed(2)), reasons, promoted, hipaaTemplate, namedRecordFile, nobody };
}

/**
 * The recognizers' decision weighed with the wording model's probability (engine/wording.ts). A message the
 * recognizers call PHI stays PHI when the blend of both scores reaches BLEND.threshold (their false alarms are
 * mostly mail about staff, worded so); one they do not becomes PHI when the wording alone is confident,
 * unless they hold that it identifies nobody (an animal's, made-up, mass mail). A message of few words is
 * left to the recognizers. Purview's template stays a rule, and so does a record attached (namedRecordFile): a file
 * named with a full name and a condition, or an attached table with a person's name and a finding on one row; a
 * covering note's words say nothing of the record attached. The numbers were chosen on mail neither had been tuned
 * on, favouring recall, the target that is short (phi/README.md, "The wording model").
 */
export interface Blend {
  /** Weight of the wording's probability against the recognizers' score. */
  weight: number;
  /** The blend a recognizers' positive must reach to stay PHI. */
  threshold: number;
  /** The probability at which the wording alone makes a recognizers' negative PHI… */
  alone: number;
  /** …and where the recognizers found nothing at all, no identifier and no health term (rotas, vendor mail, glossaries). */
  aloneBlank: number;
  /** Fewer distinct words than this are too few to judge by ("Roberta got her parking pass renewed"): the recognizers decide. */
  minFeatures: number;
}
export const BLEND: Blend = { weight: 0.7, threshold: 0.25, alone: 0.35, aloneBlank: 0.4, minFeatures: 20 };
export function withWording(d: Decision, probability: number, features: number, blend: Blend = BLEND): Decision {
  const { weight, threshold, alone, aloneBlank, minFeatures } = blend;
  if (features < minFeatures) return d;
  const blended = weight * probability + (1 - weight) * d.score;
  const wording = `wording model ${probability.toFixed(2)}`;
  const containsPhi = d.hipaaTemplate === true || d.namedRecordFile === true || (d.containsPhi ? blended >= threshold : !d.nobody && probability >= (d.score > 0 ? alone : aloneBlank));
  // score >= 0.5 exactly when containsPhi (types.ts).
  const score = containsPhi
    ? 0.5 + 0.49 * Math.min(1, Math.max(0, (blended - threshold) / (1 - threshold)))
    : Math.min(0.49, (0.49 * blended) / threshold);
  let reasons: string[];
  if (containsPhi && d.containsPhi) reasons = [...d.reasons, `worded like mail about a patient (${wording})`];
  else if (containsPhi) reasons = [`worded like mail about a patient's care (${wording}), ${d.score > 0 ? 'with identifiers or health content the rules alone do not tie to a patient' : 'though no identifier or health term was recognised'}`];
  else reasons = [];
  return { ...d, containsPhi, score: Math.floor(score * 100) / 100, reasons };
}


/**
 * A finding that could say whose the message is: a person's name or number, or a definite finding. A system's
 * reminder names its sender's phone and the care it reminds of ("your infusion visit"), no one the mail could identify.
 */
function identifiesSomeone(h: Hit): boolean {
  return counts(h) && h.role !== 'contact' && (h.role !== 'health' || h.confidence === 'high');
}

/** Scripts other than Latin: names and terms there are read by stems, partly; an attachment may be a scan's OCR text. */
const NON_LATIN = /[\u0370-\u03ff\u0400-\u04ff\u0590-\u08ff\u0900-\u0dff\u1200-\u137f\u3040-\u9fff\uac00-\ud7af]/;
/** Could the recognizers read all of it? Only then does finding no one mean there is no one. */
function readThrough(parts: PartScan[]): boolean {
  return parts.every((p) => !p.where.includes('attachment:') && !NON_LATIN.test(p.text));
}

function types(hs: Hit[]): string {
  return [...new Set(hs.map((h) => h.type))].join(', ');
}
