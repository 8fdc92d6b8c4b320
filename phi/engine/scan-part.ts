/** Scan one message part: tokens → dictionary matches → recognizers → signatures → part features. */
import type { Dictionary } from '../dictionary/codec.ts';
import type { PartContext } from './context.ts';
import { recognizeHealth } from './health.ts';
import { recognizeHl7 } from './hl7.ts';
import { recognizeX12 } from './x12.ts';
import { resolveOverlaps, type Hit, makeHit, quote } from './hit.ts';
import { recognizeIdentifiers } from './identifiers.ts';
import { recognizeLabels } from './labels.ts';
import { recognizeRecordRows } from './record-rows.ts';
import { recognizeStems } from './stems.ts';
import { markNamesBeforeHealthInSentence, markPatientAppositives, recognizeAddressedNames, recognizeFileNames, recognizeGivenNames, recognizeWideGivenNames, recognizePossessiveGivenNames, recognizeHouseholdNames, recognizeNamesAfterCareCues, recognizeNamesNextToHealth, recognizeRepeatedSurnames, recognizeNamesWithAge, recognizeNamesWithDate, recognizeNamesWithAddress, recognizeNamesWithPhone, recognizeSelfIntro, recognizeInitialsAndCensus, recognizeSubjectName, recognizeEventNames, recognizeCasualNamesAfterCues, endsWithGroupNoun, notAPerson, dropCompanyRepresentatives, dropProgrammeNames, recognizeClinicianRosters } from './names.ts';
import { recognizeCards } from './cards.ts';
import { clinicalDocument } from './file-names.ts';
import { recognizeServiceDates } from './service-dates.ts';
import { recognizePersonShapes } from './persons.ts';
import { markPlaceholders } from './placeholders.ts';
import { recognizeTables } from './tables.ts';
import { findSignatures, type Signature } from './segments.ts';
import { matchTerms } from './terms.ts';
import { F_ALL_DIGIT, F_ALL_UPPER, F_UPPER_FIRST, tokenize, tokenText, type Tokens } from './tokenizer.ts';
import { lineNear, tokenIndexAt } from './context.ts';
import { hashWord, personKey } from './fold.ts';
import type { WordingFeatures } from './wording.ts';

export interface PartScan {
  where: string;
  /** The part's text (findings' offsets point into it). */
  text: string;
  hits: Hit[];
  /** Healthcare-setting words ("patient", "clinic", "claim", "Medicare"...). */
  contextTerms: number;
  signatures: Signature[];
  /** Veterinary words ("veterinary", "canine", "DVM" weigh 2; "dog", "cat", "pet" 1). */
  veterinary: number;
  /** Strong veterinary words alone. */
  strongVeterinary: number;
  /** A person's contact with an animal ("bitten by", "therapy dog"). */
  animalExposure: number;
  /** Mass-mail markers ("unsubscribe", "view in browser", "newsletter"). */
  bulk: number;
  /** Words saying the identifiers are made up ("all fake", "fictitious"): training material. */
  fictitious: number;
  /** Words calling the data de-identified ("de-identified extract"): its study IDs are codes, not patients' numbers. */
  deidentified: number;
  /** Words saying a person's health was made public ("spoke publicly about", "press release"): a public figure's. */
  publicity: number;
  /** Of those, a statement's own heading ("FOR IMMEDIATE RELEASE", "Statement from Mayor …"): its "I" is the figure's. */
  release: number;
  /** An automatic out-of-office reply (its subject's prefix, or its opening words). */
  autoReply: boolean;
  /** A system's notice saying so ("This is an automated message. Please do not reply."). */
  automated: boolean;
  /** Names on colleagues' contact cards in the part (personKey form): cards.ts. */
  staffNames: string[];
}

/** "Automatic reply:", "Out of Office:", "Réponse automatique :", "Respuesta automática:", "Abwesenheitsnotiz:". */
const AUTO_REPLY_SUBJECT = /^(?:(?:re|aw|fw|tr): ?)?(?:automatic reply|auto-?reply|auto-?response|autoreply|out of (?:the )?office|ooo|r[ée]ponse automatique|respuesta autom[áa]tica|fuera de la oficina|abwesenheitsnotiz|automatische antwort|absence du bureau)\b/i;
/** Opening words of an out-of-office body. */
const AUTO_REPLY_BODY = /\b(?:(?:i am|i'm|i will be|i’m) (?:currently )?(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:leave|vacation|holiday|annual leave|pto))|estoy fuera de la oficina|je suis absente?|ich bin (?:bis|vom|ab|derzeit|zurzeit) )/i;

const CARD_FIELD = /^(?:FN|N|TITLE|NOTE|ROLE)[;:]/;
const CREDENTIAL = /\b(?:MD|DO|NP|PA-C|RN|DDS|DMD|PharmD|NPI|Physician|Attending|Nurse Practitioner)\b/;
/** A vCard whose name, title or note carries a clinician's credential or an NPI. */
function providerCard(text: string): boolean {
  return text.split('\n').some((l) => CARD_FIELD.test(l) && CREDENTIAL.test(l));
}
// «…» are also Spanish and French quotation marks («Salud conductual»): a field's words there are capitalised, joined or one.
const MERGE_FIELDS = /\{\{ ?[A-Za-z_.]{2,40} ?\}\}|«[A-Za-z_]{2,20}(?: [A-Z][A-Za-z_]{0,15}){0,3}»|<<[A-Za-z_ ]{2,20}>>|\[\[[A-Za-z_ ]{2,30}\]\]/g;

const RENDER_ERROR = /\b(?:MISSING|ERROR|UNDEFINED|NOT FOUND|NULL)\b/i;

/** "[NOMBRE DEL PACIENTE]", "[FECHA]", "{ФИО}": a field to fill in, written in capitals between brackets or braces. */
const BRACKET_FIELD = /[[{]([A-ZÀ-ÝА-ЯЁ][A-ZÀ-ÝА-ЯЁ0-9 /_.#-]{1,38}[A-ZÀ-ÝА-ЯЁ#])[\]}]/g;
/** Bracketed tags that mail systems and senders put on real mail: "[EXTERNAL]", "[SECURE]". */
const MAIL_TAGS = new Set(['EXTERNAL', 'EXT', 'SECURE', 'ENCRYPT', 'ENCRYPTED', 'SEND SECURE', 'CAUTION', 'WARNING', 'SPAM', 'SUSPICIOUS', 'CONFIDENTIAL', 'PHI', 'REDACTED', 'URGENT', 'IMPORTANT', 'FYI', 'ACTION REQUIRED', 'EXTERNAL EMAIL', 'EXTERNAL SENDER']);

/** Native searches for the fields' openers first: most mail has none, and the regex then never runs. */
function mergeTemplate(text: string): boolean {
  if (text.indexOf('{{') >= 0 || text.indexOf('«') >= 0 || text.indexOf('<<') >= 0 || text.indexOf('[[') >= 0) {
    // "[[ FOOTER FIELD MISSING ]]" in a letter as it rendered: a merge that failed, in a letter otherwise filled in.
    for (const m of text.matchAll(MERGE_FIELDS)) if (!RENDER_ERROR.test(m[0])) return true;
  }
  // Two different fields in single brackets or braces ("Estimado/a [NOMBRE DEL PACIENTE]: … el [FECHA]").
  if (text.indexOf('[') < 0 && text.indexOf('{') < 0) return false;
  let first: string | null = null;
  for (const m of text.matchAll(BRACKET_FIELD)) {
    if (MAIL_TAGS.has(m[1])) continue;
    if (first === null) first = m[1];
    else if (m[1] !== first) return true;
  }
  return false;
}

/** A name field left blank: "Patient name: ______", "Nombre: ____", "Name of resident (print): ____". */
const BLANK_NAME_FIELD = /\b(?:name|nombre|nom|vorname|nachname|apellidos?)\b[^\n:_]{0,24}:[ \t]*_{3}/i;

/**
 * Two or more fields left blank to fill in: a run of four underscores after a colon ("Firma: ______"), or a run of eight
 * anywhere ("Yo, ______________, con fecha de nacimiento…").
 */
function blankForm(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('____'); i >= 0; i = text.indexOf('____', i + 4)) {
    let j = i - 1;
    while (j >= 0 && text.charCodeAt(j) === 32) j--;
    let e = i + 4;
    while (text.charCodeAt(e) === 95) e++;
    if (((j >= 0 && (text.charCodeAt(j) === 58 || text.charCodeAt(j) === 0xff1a)) || e - i >= 8) && ++n >= 2) return true;
    i = e - 4;
  }
  return false;
}

/** A system's own words that it sent the message, at a body's start or end (where such footers stand). */
const AUTOMATED_NOTICE = /\b(?:this is an automated (?:message|notification|notice|e-?mail|reply|response|reminder)|this is a (?:friendly |courtesy )?reminder (?:from [^.\n]{1,60}? )?(?:of|about|for|that) you(?:r| have an?)? (?:upcoming )?(?:appointment|visit)|este es un recordatorio de su (?:pr[oó]xima )?(?:cita|consulta)|this (?:message|e-?mail|notification) (?:was|is|has been) (?:sent|generated) automatically|este es un (?:mensaje|correo) autom[áa]tico|ceci est un (?:message|courriel) automatique|diese nachricht wurde automatisch|this (?:mailbox|inbox|e-?mail address) is not monitored)/i;
/** What every phrasing of AUTOMATED_NOTICE holds, in one pass before the full expression. */
const NOTICE_WORDS = /utom[aá]t|monitored|s a (?:friendly |courtesy )?reminder|recordatorio de su/;
function isAutomatedNotice(where: string, text: string): boolean {
  if (where !== 'body' && where !== 'html' && !where.endsWith(':body')) return false;
  const ends = text.length <= 1200 ? text : text.slice(0, 600) + '\n' + text.slice(-600);
  // Every phrasing has "automat" in it (automated, automatically, automatique, automatisch), "automát" (automático),
  // "monitored" (a no-reply mailbox's footer) or a reminder system's opening ("This is a reminder of your appointment";
  // not "Reply C to confirm", which reminders naming the patient end with too).
  return NOTICE_WORDS.test(ends) && AUTOMATED_NOTICE.test(ends);
}

/**
 * "made up Wed dose", "short regimens made up 88% of starts": the verb, not made-up data. Written "made-up",
 * after a form of "be" or "all" ("is made up", "all made up"), or closing a phrase ("made up - don't…") it is the adjective.
 */
function madeUpIsAVerb(text: string, tokens: Tokens, first: number, last: number): boolean {
  if (text.charCodeAt(tokens.end[first]) === 45) return false;
  if (first > 0 && BE_FORMS.has(tokenText(text, tokens, first - 1))) return false;
  const next = last + 1;
  if (next >= tokens.count || tokens.line[next] !== tokens.line[last]) return false;
  const gap = text.slice(tokens.end[last], tokens.start[next]);
  if (/[^ \t]/.test(gap)) return false;
  return !AFTER_MADE_UP.has(tokenText(text, tokens, next));
}
/** Publicity words that head a public figure's own statement, in which "I" and "my" are the figure's. */
/**
 * Public offices, read as publicity only as a title: capitalised, before a capitalised name ("Governor Elena Marchetti",
 * "State Senator Dale Whitford"). Their health told in the mail is public; "the governor's budget" names no one.
 */
const OFFICE_TITLES = new Set(['governor', 'lieutenant governor', 'senator', 'state senator', 'congressman', 'congresswoman', 'state representative', 'assemblymember', 'assemblyman', 'assemblywoman', 'gobernador', 'gobernadora', 'senador', 'senadora', 'gov', 'former president', 'former u s president', 'u s president', 'councilman', 'councilwoman', 'first lady']);
function officeHolder(text: string, tokens: Tokens, first: number, last: number): boolean {
  // "former President Carter": the office's own word is capitalised, whatever comes before it.
  if ((tokens.flags[last] & F_UPPER_FIRST) === 0) return false;
  // "the Governor says she's back at work": the office capitalised after "the" is its one holder.
  if (first > 0 && tokens.line[first - 1] === tokens.line[first] && tokenText(text, tokens, first - 1) === 'the' && (tokens.flags[first] & F_ALL_UPPER) === 0) return true;
  const next = last + 1;
  return next < tokens.count && (tokens.flags[next] & F_UPPER_FIRST) !== 0 && (tokens.flags[next] & F_ALL_UPPER) === 0 &&
    tokens.line[next] === tokens.line[last] && tokens.start[next] === tokens.end[last] + 1 && text.charCodeAt(tokens.end[last]) === 32;
}
const RELEASE_HEADINGS = new Set(['for immediate release', 'for immediate publication', 'published the statement', 'published a statement', 'press release', 'public statement', 'official statement', 'statement from mayor', 'statement from the mayor',
  'statement from senator', 'statement from governor', 'statement from commissioner', 'statement from councilmember', 'statement from council member',
  'a note from councilmember', 'a personal note from president', 'a message from president', 'note from the president', 'message from the president', 'letter from the president', 'office of the mayor', 'office of commissioner', 'public letter', 'op ed', 'public post']); // folded, as the dictionary keeps terms

/** "the skin test records", "her blood test data": a clinical test's records are a patient's, not a QA system's test data. */
function clinicalTestBefore(text: string, tokens: Tokens, first: number): boolean {
  if (first === 0 || tokens.line[first - 1] !== tokens.line[first] || tokenText(text, tokens, first) !== 'test') return false;
  // "her Pap/HPV co-test (patient account …)", "re-test": a test joined to the word before it by a hyphen is one taken.
  return CLINICAL_TESTS.has(tokenText(text, tokens, first - 1)) || (text.charCodeAt(tokens.start[first] - 1) === 45 && tokens.end[first - 1] === tokens.start[first] - 1);
}
const CLINICAL_TESTS = new Set(['skin', 'blood', 'urine', 'allergy', 'patch', 'prick', 'tb', 'stress', 'lab', 'pregnancy', 'drug', 'strep', 'flu', 'covid', 'hearing', 'vision', 'genetic', 'breath', 'sweat', 'glucose', 'challenge', 'pap', 'sleep', 'treadmill']);
/** "the K read 6.1, prob fake", "likely a fake high": a clinician doubting a result (a haemolysed sample), not made-up data. */
function spuriousResult(text: string, tokens: Tokens, k: number): boolean {
  const before = k > 0 && tokens.line[k - 1] === tokens.line[k] ? tokenText(text, tokens, k - 1) : '';
  const after = k + 1 < tokens.count && tokens.line[k + 1] === tokens.line[k] ? tokenText(text, tokens, k + 1) : '';
  return DOUBT_BEFORE_FAKE.has(before) || RESULT_AFTER_FAKE.has(after);
}
const DOUBT_BEFORE_FAKE = new Set(['prob', 'probably', 'prolly', 'likely', 'possibly', 'maybe', 'looks', 'seems', 'think', 'suspect']);
const RESULT_AFTER_FAKE = new Set(['result', 'reading', 'value', 'high', 'low', 'k', 'potassium', 'hyperkalemia', 'hyperkalaemia', 'positive', 'negative', 'elevation']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'all', 's', 'entirely', 'completely', 'totally']);
/** "made up for teaching", "made up examples": still the adjective. */
const AFTER_MADE_UP = new Set(['for', 'examples', 'example', 'patient', 'patients', 'names', 'name', 'data', 'values', 'numbers', 'cases', 'case', 'record', 'records']);

const POSSESSIVE_BEFORE_YEAR = /(?:^|[^\p{L}])(?:his|her|their)[ \t]$/iu;
const MERGE_PREVIEW = /\b(?:preview|sample output) \(?row \d{1,4} of \d{1,6}\b|\brow \d{1,4} of \d{1,6}\)?:/i;
const PHOTO_CONSENT = /(?:photo|media|publicity)[_\- ](?:release[_\- ])?consent/i;
const IN_BEFORE_YEAR = /(?:^|[^\p{L}])in[ \t]$/iu;
/** What closes the clause after "in 1789": a comma or a stop, or its subject's pronoun ("By his inauguration in 1789 he had…"). */
const YEAR_CLAUSE_END = /^(?:[,.;)]| (?:he|she|they|it) )/;
const DEATH_BEFORE = /\b(?:died|passed away|was buried)\b/i;
const LIFE_SPAN_BEFORE_1950 = /^\(1[0-9]\d\d ?[–-] ?(?:1[0-8]\d\d|19[0-4]\d)\)/;
/**
 * A life long past: "…where she died of tuberculosis in 1891", "Florence Nightingale (1820–1910)". HIPAA protects a
 * decedent's health for fifty years; a death before 1900, or a life span ended before 1950, is history, no patient's.
 * Read from the four-digit numbers (few) rather than the text: the check runs on every part.
 */
function longPast(text: string, tokens: Tokens): boolean {
  for (let q = 0; q < tokens.digitCount; q++) {
    const k = tokens.digitToken[q];
    const s = tokens.start[k];
    if (tokens.end[k] - s !== 4 || text.charCodeAt(s) !== 49 /* 1 */) continue;
    // "(1820–1910)": a life span, opened by this year.
    if (text.charCodeAt(s - 1) === 40 && LIFE_SPAN_BEFORE_1950.test(text.slice(s - 1, s + 12))) return true;
    if (text.charCodeAt(s + 1) === 57 /* 19xx */) continue;
    // "at his 1789 inauguration", "the cure came in 1796.": a year before 1850 told as one (after a possessive, or
    // after "in" and closing a clause), long before anyone living ("1789 Elm St", "in 1800 mL" are no such years).
    if ((tokens.flags[k] & F_ALL_DIGIT) !== 0 && (text.charCodeAt(s + 1) < 56 /* 10xx-17xx */ || (text.charCodeAt(s + 1) === 56 && text.charCodeAt(s + 2) < 53) /* 1800-1849 */)) {
      if (POSSESSIVE_BEFORE_YEAR.test(text.slice(Math.max(0, s - 7), s)) || (IN_BEFORE_YEAR.test(text.slice(Math.max(0, s - 4), s)) && YEAR_CLAUSE_END.test(text.slice(s + 4, s + 9)))) return true;
    }
    // "died of tuberculosis in 1891": the death earlier in the same sentence.
    const before = text.slice(Math.max(0, s - 100), s);
    const from = Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n')) + 1;
    if (DEATH_BEFORE.test(from > 0 ? before.slice(from) : before)) return true;
  }
  return false;
}

function isAutoReply(where: string, text: string): boolean {
  if (where === 'subject' || where.endsWith(':subject')) return AUTO_REPLY_SUBJECT.test(text.trimStart().slice(0, 60));
  if (where !== 'body' && where !== 'html' && !where.endsWith(':body')) return false;
  return AUTO_REPLY_BODY.test(text.slice(0, 200));
}

/** Hospital, clinic, patient, check-up, examination, surgery, doctor, outpatient, emergency, infusion, chemotherapy, follow-up visit, prenatal visit, amniocentesis, blood pressure, blood sugar, proteinuria, diagnosis. */
const CJK_CONTEXT = ['医院', '诊所', '患者', '病人', '体检', '检查', '手术', '医生', '门诊', '急诊', '输液', '化疗', '复查', '产检', '羊水', '血压', '血糖', '尿蛋白', '诊断',
  // Japanese (first visit, chief complaint, consultation, examination, hospital, outpatient, tests, doctor, clinic, care)
  // and Korean (hospital, treatment, patient, clinic, tests).
  '初診', '主訴', '受診', '診察', '病院', '外来', '検査', '医師', 'クリニック', '診療', '병원', '진료', '환자', '의원', '검사'];
function cjkContextWords(text: string): number {
  let n = 0;
  for (const w of CJK_CONTEXT) if (text.indexOf(w) >= 0) n++;
  return n;
}

/**
 * Mass mail's opt-out links sit in its footer; a subject saying "unsubscribe" is one person's request
 * ("unsubscribe request" from a patient), not a mailing.
 */
/**
 * "Please add the Voss family to the bereavement mailing list": a request about a list, not mail sent to one. A verb
 * of adding or removing, then "to", "from" or "on" within eight words of the term ("to the transplant recipients'
 * support group mailing list"), on its line.
 */
function listRequest(text: string, tokens: Tokens, first: number): boolean {
  let preposition = false;
  for (let j = first - 1, n = 0; j >= 0 && n < 16 && tokens.line[j] === tokens.line[first]; j--, n++) {
    const w = tokenText(text, tokens, j);
    if (n < 8 && LIST_PREPOSITIONS.has(w)) preposition = true;
    else if (preposition && LIST_VERBS.has(w)) return true;
  }
  return false;
}
const LIST_PREPOSITIONS = new Set(['to', 'from', 'on']);
const LIST_VERBS = new Set(['add', 'added', 'adding', 'remove', 'removed', 'removing', 'put']);
const OPT_OUT = new Set(['unsubscribe', 'unsubscribed', 'darse de baja', 'desinscription', 'abmelden', 'desabonner', 'desinscrire', 'abbestellen', 'se desabonner']); // folded, as the dictionary keeps terms

/** "maxillary right canine (#6)", "primary canine #C": a tooth, not a dog. */
const TOOTH_BEFORE = new Set(['maxillary', 'mandibular', 'primary', 'permanent', 'impacted', 'upper', 'lower', 'right', 'left', 'deciduous', 'baby', 'adult', 'ectopic', 'erupting']);
function toothNamed(text: string, tokens: Tokens, k: number): boolean {
  if (tokenText(text, tokens, k) !== 'canine') return false;
  if (k > 0 && TOOTH_BEFORE.has(tokenText(text, tokens, k - 1))) return true;
  const after = text.slice(tokens.end[k], tokens.end[k] + 4);
  return /^ ?\(?#/.test(after);
}

export function scanPart(dict: Dictionary, where: string, text: string, wording?: WordingFeatures): PartScan {
  const tokens = tokenize(text, dict.firstTokenTable);
  wording?.addPart(text, tokens, isSubject(where));
  const terms = matchTerms(text, tokens, dict);
  const ctx: PartContext = { text, where, dict, tokens, terms, hits: [] };
  recognizeLabels(ctx);
  recognizeIdentifiers(ctx);
  recognizeHealth(ctx);
  const stemContext = recognizeStems(ctx);
  recognizeRecordRows(ctx);
  recognizeAddressedNames(ctx);
  recognizeGivenNames(ctx);
  recognizeNamesWithAge(ctx);
  recognizeNamesWithDate(ctx);
  recognizeNamesWithPhone(ctx);
  recognizeNamesWithAddress(ctx);
  recognizeNamesNextToHealth(ctx);
  recognizeInitialsAndCensus(ctx);
  recognizeSelfIntro(ctx);
  recognizeCasualNamesAfterCues(ctx);
  // Readings that add only names none of the above found (wide list, possessives, care words).
  recognizeWideGivenNames(ctx);
  recognizePossessiveGivenNames(ctx);
  recognizeHouseholdNames(ctx);
  recognizeNamesAfterCareCues(ctx);
  recognizeRepeatedSurnames(ctx);
  markNamesBeforeHealthInSentence(ctx);
  markPatientAppositives(ctx);
  recognizeSubjectName(ctx);
  recognizeEventNames(ctx);
  recognizeFileNames(ctx);
  recognizeTables(ctx);
  recognizeHl7(ctx);
  recognizeX12(ctx);
  recognizePersonShapes(ctx);
  dropCompanyRepresentatives(ctx);
  dropProgrammeNames(ctx);
  recognizeClinicianRosters(ctx);
  recognizeCards(ctx);
  recognizeServiceDates(ctx);
  // Subjects and file names are one line: a capitalised word there is not a sign-off.
  const signatures = where === 'subject' || where === 'attachment-name' ? [] : findSignatures(ctx);
  // A clinician's own contact card (a credential or an NPI in it) is a signature as a whole.
  if (where.endsWith('.vcf') && providerCard(text)) signatures.push({ start: 0, end: text.length, name: null, provider: true });
  if (ctx.staffBlocks) {
    for (const [start, end] of ctx.staffBlocks) signatures.push({ start, end, name: null, provider: true });
    signatures.sort((a, b) => a.start - b.start);
  }
  const subject = isSubject(where);
  let contextTerms = stemContext;
  let veterinary = 0;
  let strongVeterinary = 0;
  let animalExposure = 0;
  let bulk = 0;
  let fictitious = 0;
  let deidentified = 0;
  let publicity = 0;
  let release = 0;
  let exposureStarts: Set<number> | undefined;
  // A healthcare setting: its words, and a lab test named ("register the donor for a urine drug screen").
  for (const m of terms) {
    if (m.kind === 'x' || m.kind === 'l') contextTerms++;
    // "equine-assisted therapy" is a person's contact with a horse, not a horse's care (one set of such starts per part, built
    // at the first veterinary word, keeps a text full of them linear).
    else if (m.kind === 'v') { if (!(exposureStarts ??= new Set(terms.filter((x) => x.kind === 'w').map((x) => x.first))).has(m.first)) { veterinary += 2; strongVeterinary++; } }
    else if (m.kind === 'a' && !toothNamed(text, tokens, m.first)) veterinary += 1;
    else if (m.kind === 'w') animalExposure++;
    else if (m.kind === 'k' && !(subject && OPT_OUT.has(m.entry.term)) && !listRequest(text, tokens, m.first)) bulk++;
    else if (m.kind === 'z' && !(m.entry.term === 'made up' && madeUpIsAVerb(text, tokens, m.first, m.last)) && !(m.entry.term === 'fake' && spuriousResult(text, tokens, m.first)) && !clinicalTestBefore(text, tokens, m.first)) fictitious++;
    else if (m.kind === 'q') deidentified++;
    else if (m.kind === 'u' && (!OFFICE_TITLES.has(m.entry.term) || officeHolder(text, tokens, m.first, m.last))) { publicity++; if (RELEASE_HEADINGS.has(m.entry.term)) release++; }
  }
  if (longPast(text, tokens)) publicity++;
  // An attached file named as a clinical document ("…_DMEK_consent.pdf", "…_op_note.pdf") is care's paperwork: a healthcare
  // setting, as its words would be in a sentence. A consent to be photographed is not.
  if ((where === 'attachment-name' || where.endsWith(':attachment-name')) && clinicalDocument(text) && !PHOTO_CONSENT.test(text)) contextTerms++;
  // Chinese and Japanese run their words together, so the dictionary's whole-token terms never see them: where a
  // date of birth was written the CJK way (…年…月…日), look for a few healthcare words in the text.
  if (ctx.hits.some((h) => h.type === 'DOB' && (text.charCodeAt(h.end - 1) === 0x65e5 || text.charCodeAt(h.end - 1) === 0xc77c))) contextTerms += cjkContextWords(text);
  // A mail-merge template ("{{patient.first_name}}", "«DOB»") identifies nobody yet.
  // A preview of the merge filled for its first row ("Preview (row 1 of 212): To: <a patient>") is that patient's mail.
  if (mergeTemplate(text) && !MERGE_PREVIEW.test(text)) fictitious++;
  // A form whose name field is still blank ("Patient name: ________") and that holds no identifier speaks for whoever
  // will fill it in. One with a value filled in anywhere (a "Witness name: ____" under a patient's details) does not;
  // the sender's signature under the form is no value of it.
  const blank = blankForm(text);
  if (blank && BLANK_NAME_FIELD.test(text) && !ctx.hits.some((h) => h.role !== 'health' && h.confidence !== 'low' && !signatures.some((g) => h.start >= g.start && h.start < g.end))) fictitious++;
  let hits = resolveOverlaps(ctx.hits);
  // A blank form ("Nombre del paciente: ______", "Firma: ______") speaks for whoever will fill it in: its "I" and
  // "my" are no one's yet, the sender's least of all.
  if (blank) for (const h of hits) if (h.personalFirst) h.personal = h.personalFirst = false;
  markPlaceholders(text, hits);
  markCelebrations(text, hits);
  markSiteDirectory(text, hits);
  markSignatureHits(hits, signatures);
  markContactRows(text, hits);
  hits = markHeaderHits(ctx, hits);
  // The signer's name: a finding only when a patient (no credentials) signs; the decision weighs it.
  // Not a group or an organisation signing ("- Renal Dietitians", "Research Data Core").
  // A colleague's or clinician's signature names the patient too when the mail is about the writer's own health
  // alone ("i started lexapro 10mg … for anxiety" over a department line): first person, no third.
  // Asked only of a named staff signature (most parts have none).
  let ownHealth: boolean | undefined;
  const ownHealthOnly = (): boolean => (ownHealth ??= hits.some((h) => h.personalFirst) && !hits.some((h) => h.role === 'health' && h.personal && !h.personalFirst && !h.personalSecond));
  const names = signatures.filter((sig) => sig.name && (!sig.provider || (!sig.prescriber && ownHealthOnly())) && !endsWithGroupNoun(text.slice(sig.name[0], sig.name[1])) && !notAPerson(text, sig.name[0], sig.name[1])).map((sig) => sig.name!);
  // A clinician signing ("Claire Dubois, ATC") is the writer wherever the mail names them ("send your CV to Claire
  // Dubois"): staff, not a patient, unless the mail is about the writer's own health.
  for (const sig of signatures) {
    if (sig.provider && sig.name && !ownHealthOnly()) (ctx.staffNames ??= []).push(personKey(text.slice(sig.name[0], sig.name[1])));
  }
  let j = 0;
  const added: Hit[] = [];
  for (const [s, e] of names) {
    while (j < hits.length && hits[j].end <= s) j++;
    const overlapping = j < hits.length && hits[j].start < e ? hits[j] : null;
    if (overlapping) {
      if (overlapping.type === 'PATIENT_NAME') overlapping.reasons.push('name:signature');
      continue;
    }
    const h = makeHit('PATIENT_NAME', 'low', where, s, e, 'named', ['name:signature'], `${quote(text, s, e)} signs the message`);
    h.inSignature = true;
    added.push(h);
  }
  hits.push(...added);
  hits.sort((a, b) => a.start - b.start);
  return { where, text, hits, contextTerms, signatures, veterinary, strongVeterinary, animalExposure, bulk, fictitious, deidentified, publicity, release, autoReply: isAutoReply(where, text), automated: isAutomatedNotice(where, text), staffNames: ctx.staffNames ?? [] };
}

/**
 * "Louisville – 2200 Brownsboro Commons Dr, 502-555-0142" on two lines or more: an organisation's
 * sites, each an address with its phone and no person on the line. Their numbers reach the sites,
 * not a patient.
 */
function markSiteDirectory(text: string, hits: Hit[]): void {
  const addresses = hits.filter((h) => h.type === 'ADDRESS');
  // A directory lists a few sites; dozens of addresses are a roster or an export, read row by row elsewhere.
  if (addresses.length < 2 || addresses.length > 12) return;
  const sites: Hit[] = [];
  for (const a of addresses) {
    const ls = text.lastIndexOf('\n', a.start) + 1;
    const nl = text.indexOf('\n', a.end);
    const le = nl < 0 ? text.length : nl;
    const line = hits.filter((h) => h.start >= ls && h.end <= le);
    const phone = line.find((h) => h.type === 'PHONE');
    // A roster row is a person's: a name, a date of birth, a home (an apartment), or their care on the line.
    if (!phone || a.reasons.includes('keyword:home') || line.some((h) => PERSON_TYPES.has(h.type) || h.role === 'health')) continue;
    sites.push(a, phone);
  }
  if (sites.length < 4) return;
  for (const h of sites) {
    h.role = 'contact';
    h.reasons.push('site-list');
  }
}
const PERSON_TYPES = new Set(['PATIENT_NAME', 'DOB', 'MRN', 'SSN', 'MBI', 'HEALTH_PLAN_ID', 'EMAIL_ADDRESS']);

/** A birthday or retirement note ("Marcy turns 60 Friday (born 11/15/1964) - potluck at noon"). */
const CELEBRATION = /\b(?:birthday|b-?day|potluck|cake|retirement party|farewell|turns \d{2}\b|cumplea[ñn]os|anniversaire|geburtstag)/i;

/** A birth date in a celebration note is a colleague's, not a patient's: it stays a finding and weighs nothing. */
function markCelebrations(text: string, hits: Hit[]): void {
  for (const h of hits) {
    if (h.type !== 'DOB' || h.confidence === 'low') continue;
    // The celebration is written around the date, not anywhere in a long thread.
    if (!CELEBRATION.test(text.slice(Math.max(0, h.start - 300), h.end + 300))) continue;
    h.confidence = 'low';
    h.reasons.push('celebration');
    h.explain = `${h.explain}; in a birthday or celebration note: a colleague's, not a patient's`;
  }
}

/**
 * "- jpark27@… - rapid flu A POSITIVE 10/09, started oseltamivir 75 mg", "2. Alina Sorensen, RN – 360-555-0172 –
 * asorensen@… – PCR POS, isolating": a list's row that opens with a person's address or number (perhaps after a
 * bullet, a number and a name) and holds a result or two definite findings is that person's, as a number the person
 * answers is. Hits are sorted by start.
 */
function markContactRows(text: string, hits: Hit[]): void {
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if ((h.type !== 'EMAIL_ADDRESS' && h.type !== 'PHONE') || h.inSignature || h.reasons.includes('keyword:person')) continue;
    // The row's head: a line start within 48 characters, with nothing found between it and the contact but a name.
    const [rowStart, rowEnd] = lineNear(text, h.start, h.end, 200);
    if (h.start - rowStart > 48 || (rowStart > 0 && text.charCodeAt(rowStart - 1) !== 10)) continue;
    if (!rowHead(text.slice(rowStart, h.start))) continue;
    let k = i - 1;
    while (k >= 0 && hits[k].start >= rowStart && hits[k].type === 'PATIENT_NAME') k--;
    if (k >= 0 && hits[k].end > rowStart) continue;
    // A result, or two definite findings: one drug with its dose may be what a pharmacy's mailbox answers about.
    let definite = 0;
    let j = i + 1;
    for (; j < hits.length && hits[j].start < rowEnd; j++) {
      const f = hits[j];
      if (f.role !== 'health' || f.confidence !== 'high') continue;
      definite += f.type === 'LAB_RESULT' ? 2 : 1;
      if (definite >= 2) break;
    }
    if (definite < 2) continue;
    for (let c = i; c < j; c++) {
      const g = hits[c];
      if ((g.type !== 'EMAIL_ADDRESS' && g.type !== 'PHONE') || g.reasons.includes('keyword:person')) continue;
      if (g.role === 'contact') g.role = 'weak';
      g.reasons.push('keyword:person');
      g.explain = `${g.explain}; it stands on a row with a finding: a person's`;
    }
  }
}
/** A list row's head before its first contact (at most 48 characters): a bullet or a number, then perhaps a name and its job, and a separator. */
function rowHead(head: string): boolean {
  const m = ROW_MARKER.exec(head);
  const rest = head.slice(m ? m[0].length : 0).trimEnd();
  if (rest === '') return true;
  const first = rest.charCodeAt(0);
  if (first < 65 || first > 90 || !ROW_SEPARATORS.includes(rest.charAt(rest.length - 1))) return false;
  for (let i = 1; i < rest.length; i++) { const c = rest.charCodeAt(i); if ((c >= 48 && c <= 57) || c === 64) return false; }
  return true;
}
const ROW_MARKER = /^[ \t]*(?:[-*\u2022][ \t]*|\d{1,3}[.)][ \t]*)?/;
const ROW_SEPARATORS = '\u2013\u2014|,:-';

/** Hits and signatures are both sorted by start: one merge pass. */
function markSignatureHits(hits: Hit[], signatures: Signature[]): void {
  let j = 0;
  for (const h of hits) {
    while (j < signatures.length && signatures[j].end <= h.start) j++;
    h.inSignature = j < signatures.length && h.start >= signatures[j].start;
    // "… send your disclosure form. / Best, / Elena Rios, MD / Pediatric Epilepsy Program": the "your" before a
    // signature is not the owner of the programme's name in it. (A contact card's note is no signature: "Pt of …" there is.)
    if (h.inSignature && h.role === 'health' && h.personal && !h.personalFirst && signatures[j].provider && !h.where.includes('attachment:')) h.personal = h.personalSecond = false;
  }
}

/** "From:", "To:", "Cc:" lines of a forwarded or quoted message (en/es/fr/de). */
const HEADER_WORDS = new Set(['from', 'to', 'cc', 'bcc', 'sent', 'de', 'para', 'a', 'von', 'an', 'envoye', 'enviado', 'gesendet']);
/** "wrote:", "a écrit :", "schrieb:", "escribió:" (folded). */
const WROTE = new Set(['wrote', 'ecrit', 'schrieb', 'escribio']);
const WROTE_HASHES = new Set([...WROTE].map(hashWord));
/** Calendar (iCalendar) properties naming the people who organise or attend. */
const ICS_WORDS = new Set(['organizer', 'attendee']);

/**
 * Names and addresses on the header lines of a forwarded message are correspondents: the decision
 * counts them only when the message is about someone's own health (rule 4), like a signer's name.
 * A calendar event's UID ("UID:nrp-skills-20250422@host") is the event's key, no one's address: dropped.
 */
function markHeaderHits(ctx: PartContext, hits: Hit[]): Hit[] {
  const { text, tokens } = ctx;
  let headerLines: Set<number> | null = null;
  let uidLines: Set<number> | null = null;
  let attendeeLines: number[] | null = null;
  for (let q = 0; q < tokens.lineFirstCount; q++) {
    // "On Mon, Nov 10, 2025, Megan Strazzo wrote:": the attribution line of a quoted message ends in "wrote:"
    // (each line's last token, found from the next line's first one: no search through the text).
    const last = (q + 1 < tokens.lineFirstCount ? tokens.lineFirstToken[q + 1] : tokens.count) - 1;
    if (WROTE_HASHES.has(tokens.hash[last])) {
      let c = text.charCodeAt(tokens.end[last]);
      if (c === 32) c = text.charCodeAt(tokens.end[last] + 1);
      if (c === 58 /* : */ && WROTE.has(tokenText(text, tokens, last))) (headerLines ??= new Set()).add(tokens.line[last]);
    }
    const k = tokens.lineFirstToken[q];
    if (tokens.end[k] - tokens.start[k] > 9) continue;
    const c = text.charCodeAt(tokens.end[k]);
    if (c !== 58 /* : */ && c !== 59 /* ; */) continue;
    const word = tokenText(text, tokens, k);
    if (word === 'uid' && c === 58) (uidLines ??= new Set()).add(tokens.line[k]);
    else if ((c === 58 && HEADER_WORDS.has(word)) || ICS_WORDS.has(word)) (headerLines ??= new Set()).add(tokens.line[k]);
    if (word === 'attendee') (attendeeLines ??= []).push(tokens.line[k]);
  }
  if (!headerLines && !uidLines) return hits;
  const lineOf = (h: Hit): number => {
    const k = tokenIndexAt(tokens, h.start);
    return k < tokens.count ? tokens.line[k] : -1;
  };
  if (uidLines) hits = hits.filter((h) => h.role === 'health' || !uidLines.has(lineOf(h)));
  // An appointment sent to one person ("SUMMARY:Wound check… DESCRIPTION:…s/p ICD generator change") is about that
  // attendee's care: a definite clinical finding in the invitation makes the attendee its patient, not a correspondent.
  // Not a staff meeting's: one with an agenda or a conference room invites a colleague to talk about care.
  const patient = attendeeLines?.length === 1 && ctx.where.endsWith('.ics') && hits.some((h) => h.role === 'health' && h.confidence === 'high') && !STAFF_MEETING.test(text) ? attendeeLines[0] : -1;
  // Several invitees (or an agenda) make a meeting of colleagues: their names elsewhere in the invitation (a
  // DESCRIPTION's "Attendees: Dana Whitley (front office)…") are staff, as a clinician's signature makes its name.
  if (attendeeLines && ctx.where.endsWith('.ics') && (attendeeLines.length >= 2 || STAFF_MEETING.test(text))) {
    const invitees = new Set(attendeeLines);
    for (const h of hits) if (h.type === 'PATIENT_NAME' && invitees.has(lineOf(h))) (ctx.staffNames ??= []).push(personKey(text.slice(h.start, h.end)));
  }
  if (headerLines) {
    for (const h of hits) {
      if (h.role !== 'named' && h.role !== 'weak') continue;
      const line = lineOf(h);
      if (line === patient) { if (h.type === 'PATIENT_NAME') h.reasons.push('name:next-to-health'); }
      else if (headerLines.has(line)) h.reasons.push('in-header');
    }
  }
  return hits;
}

const STAFF_MEETING = /\bagenda\b|\bconference room\b/i;

export function isSubject(where: string): boolean {
  return where === 'subject' || where.endsWith(':subject');
}
