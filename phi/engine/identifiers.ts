/**
 * Identifiers recognised by their own shape and check digits, without a label: SSN (dashed),
 * MBI, DEA, credit cards, phone numbers, IPv4, street addresses, email addresses, URLs, ICD-10-CM codes.
 * Only tokens that contain a digit (or "@", "http", "www") are ever examined.
 */
import { cardBrand, deaValid, mbiValid, ssnKind } from './checksums.ts';
import { CLINICAL_KINDS } from '../dictionary/kinds.ts';
import { clinicalTermBetween, isPolynesian, type PartContext, tokenIndexAt, wordsBefore } from './context.ts';
import { CAMERA_PREFIX, fileNameIdentifiers, linkFileSegment, ORDER_PREFIX } from './file-names.ts';
import { makeHit, quote } from './hit.ts';
import { isGivenName } from './names.ts';
import { matchAt, PATTERNS } from './patterns.ts';
import { F_ALL_DIGIT, F_ALPHA, F_UPPER_FIRST, tokenText, type Tokens } from './tokenizer.ts';

const ICD_CUES = new Set(['icd', 'icd10', 'icd-10', 'dx', 'diagnosis', 'diagnoses', 'diag', 'code', 'codes', 'coded', 'diagnostico', 'diagnostic', 'diagnose', 'cie', 'cim', 'billed', 'claim']);
const NOT_ICD_CUES = new Set(['model', 'part', 'sku', 'item', 'version', 'ver', 'rev', 'room', 'gate', 'flight', 'seat', 'bus', 'route', 'form', 'error', 'fault', 'exit', 'suite', 'unit', 'apt', 'lot', 'size', 'type', 'highway', 'interstate', 'row', 'aisle', 'level', 'floor', 'bay', 'dock', 'building', 'bldg', 'cell', 'column', 'sheet', 'tab', 'vitamin', 'no', 'number', 'ref', 'order', 'invoice', 'product', 'serial',
  // "alarm code M05 (upstream occlusion)": a device's alarm or event code.
  'alarm', 'event', 'status', 'warning']);
const BUSINESS_CARD_CUES = new Set(['corporate', 'company', 'department', 'dept', 'pcard', 'purchasing', 'procurement', 'business']);
/** "asked for our updated corporate card … Mastercard 5423 …", "our practice American Express", "Name on card: … PLLC": named a sentence away. */
export const BUSINESS_CARD_NEAR = /\b(?:corporate|company|department|purchasing|procurement|business|practice|clinic|office|our) (?:credit |debit )?(?:card|American Express|Amex|Visa|Mastercard|Discover)\b|\bP-card\b|\b(?:Cardholder|Name on card):[^\n]{0,60}\b(?:LLC|Inc|Ltd|Corp|PLLC|LLP)\b/i;
/** Words that name a number as a business document's. */
// "RMA 552-18-7734": a return's authorisation; a part's or a lot's number.
const ORDER_NUMBER_WORDS = new Set(['order', 'invoice', 'po', 'confirmation', 'tracking', 'ticket', 'case', 'reference', 'ref', 'sku', 'item', 'quote', 'shipment', 'pedido', 'factura', 'rma', 'return', 'lot', 'part', 'model', 'serial', 'customer', 'vendor', 'supplier', 'contract']);
const NUMBER_WORDS = new Set(['no', 'number', 'num', 'nr', 'nro']);
const SSN_CUES = new Set(['ssn', 'ss', 'social', 'security', 'ssa', 'itin', 'taxpayer']);
const ROUTE_CUES = new Set(['stop', 'route', 'parada', 'ruta', 'tournee', 'hausbesuch']);
/** "Ruta Salud Mobile Health, 1200 …": a route word capitalised before another capitalised word opens an organisation's name. */
function routeInAName(ctx: PartContext, j: number): boolean {
  const { tokens } = ctx;
  return (tokens.flags[j] & F_UPPER_FIRST) !== 0 && j + 1 < tokens.count && tokens.line[j + 1] === tokens.line[j] && (tokens.flags[j + 1] & F_UPPER_FIRST) !== 0 && tokens.start[j + 1] - tokens.end[j] === 1;
}
const APARTMENT_AFTER = /^,? {1,2}(?:Apt\.?|Apartment|Apto\.?|Unit #|Trlr|Lot \d)/i;
const DEPARTMENT_AFTER = new Set(['services', 'service', 'relations', 'portal', 'line', 'desk', 'hotline', 'helpline', 'switchboard']);
const SCENE_WORDS = new Set(['call', 'calls', 'run', 'runs', 'dispatched', 'responded', 'transport']);
/** "home delivery", "Home Dialysis", "home infusion": "home" before these names a service, no one's home. */
const HOME_SERVICES = new Set(['delivery', 'health', 'infusion', 'care', 'services', 'medical', 'depot', 'office', 'dialysis', 'hospice', 'oxygen', 'monitoring', 'training', 'therapy', 'pharmacy', 'program', 'team', 'instead', 'solutions', 'nursing', 'respiratory', 'equipment', 'supply', 'supplies', 'healthcare']);
/** "Nursing Home", "Funeral Home": an institution's address. */
const HOME_INSTITUTIONS = new Set(['nursing', 'funeral']);
/** "Linden Court Assisted Living\n17 Linden Ct": a residence's kind of living names the institution, no one's home. */
const LIVING_KINDS = new Set(['assisted', 'independent', 'senior', 'supported', 'supportive']);
/** Words naming an office, read between a home cue and the address after it. */
/**
 * The words before token k (nearest first) that stand in its paragraph: "… does not hold patient-level information.\n\n
 * Quality Team, 414-…" speaks of no person's number.
 */
function inParagraph(ctx: PartContext, k: number, words: string[]): string[] {
  // Two line breaks or more between neighbouring tokens: a blank (or separator-only) line, a paragraph's end.
  const { line } = ctx.tokens;
  let n = 0;
  while (n < words.length && line[k - n] - line[k - 1 - n] < 2) n++;
  return n === words.length ? words : words.slice(0, n);
}

/** "Hearth & Home Geriatrics, 2250 …": "Home" capitalised between capitalised words is a word of a name, not where someone lives ("Home Address:" stays a label). */
function homeInAName(ctx: PartContext, j: number): boolean {
  const { tokens, text } = ctx;
  const capital = (n: number): boolean => n >= 0 && n < tokens.count && tokens.line[n] === tokens.line[j] && (tokens.flags[n] & F_UPPER_FIRST) !== 0;
  if (!capital(j) || !capital(j - 1) || !capital(j + 1)) return false;
  const next = text.slice(tokens.start[j + 1], tokens.end[j + 1]).toLowerCase();
  return next !== 'address' && next !== 'addr' && next !== 'phone';
}
const OFFICE_WORDS = new Set(['office', 'clinic', 'dept', 'department', 'attn', 'desk', 'center', 'centre', 'suite']);
const HOME_CUES = new Set(['lives', 'resides', 'living', 'home', 'residence', 'domicile', 'vive', 'reside', 'habite', 'demeurant', 'wohnt', 'wohnhaft']);
const PHONE_PERSON_CUES = new Set(['patient', 'pt', 'her', 'his', 'him', 'she', 'he', 'cell', 'mobile', 'home', 'me', 'my', 'client', 'member', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'caregiver', 'paciente', 'llamarme', 'movil', 'portable', 'handy', 'patientin', 'called', 'reach', 'type',
  // Text-message logs and reminders: the number a message went to is the patient's.
  'sms', 'texted', 'recipient', 'vm', 'voicemail', 'vmail',
  // Family reached for a patient: "mom notified at …", "Dad prefers texts at …".
  'mom', 'dad', 'mum', 'parent', 'parents', 'guardian', 'grandma', 'grandmother', 'grandpa', 'sister', 'brother', 'aunt', 'auntie', 'uncle', 'texts', 'mama', 'papa',
  'niece', 'nephew', 'cousin', 'grandson', 'granddaughter', 'lady', 'caller', 'mensaje', 'enviado', 'claimant', 'donor',
  // "my number", "my phone" in Arabic; "my" in Russian ("мой телефон") and Portuguese ("meu celular").
  'رقمي', 'هاتفي', 'جوالي', 'мой', 'мобильный', 'meu', 'celular']);
/** Cues that name a kind of line ("cell", "home", "mobile"): a person's only right before the number ("Sickle Cell Clinic · 912-…" is not). */
const LINE_KIND_CUES = new Set(['cell', 'mobile', 'home', 'movil', 'portable', 'handy']);
const OFFICE_UNIT = /^,? {1,2}(?:Suite|Ste\.?|Floor|Fl\.|Bldg\.?|Building) {0,2}[#A-Z0-9]/i;
/** "Suite 300, 1601 Lowell Blvd": the unit written first. */
const OFFICE_UNIT_BEFORE = /(?:Suite|Ste\.?|Floor|Fl\.|Bldg\.?|Building|Dock) {0,2}[#A-Z0-9]{1,5},? {1,2}$/i;
const TOLL_FREE = /^(?:\+?1[ .-]?)?\(?8(?:00|33|44|55|66|77|88)/;
const PHONE_CUES = new Set(['phone', 'tel', 'telephone', 'cell', 'mobile', 'call', 'fax', 'ph', 'telefono', 'telephone', 'movil', 'portable', 'telefon', 'handy']);

/**
 * "Pls call back 555-0163", "callback # …", "LVM at 802-…": the number a message asks to return is the
 * caller's, who is rarely a department (whose number the reader would know). Only right before the number.
 */
const CALLBACK_CUES = new Set(['callback', 'lvm', 'lm', 'lmom', 'cb']);
function callbackNumber(before: string[]): boolean {
  return CALLBACK_CUES.has(before[0]) || (before.length > 1 && (CALLBACK_CUES.has(before[1]) || (before[0] === 'back' && (before[1] === 'call' || before[1] === 'calling'))));
}

/** "To: +1 443 555 6620" heading a line: the number a message was sent to (an SMS log, a fax cover). */
const ADDRESSED_TO = /(?:^|\n)[ \t]*(?:to|recipient|sent to|para|destinataire|an)[ \t]*:[ \t]*$/i;
function addressedTo(text: string, ps: number): boolean {
  return ADDRESSED_TO.test(text.slice(Math.max(0, ps - 20), ps));
}

function digitsOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) out += s[i];
  }
  return out;
}

/** A number starts here (not the middle of "12-34" or "1.5" or a word). */
function startsNumber(text: string, s: number): boolean {
  if (s === 0) return true;
  const p = text.charCodeAt(s - 1);
  if ((p >= 48 && p <= 57) || (p >= 65 && p <= 90) || (p >= 97 && p <= 122)) return false;
  if (p === 45 || p === 46 || p === 47 || p === 44) {
    const pp = text.charCodeAt(s - 2);
    return !(pp >= 48 && pp <= 57);
  }
  return true;
}

const MR_PREFIXED = /^MRN?\d{6,10}$/;

/** The VA's Integration Control Number, its national patient identifier ("1012345678V123456"). */
const VA_ICN = /^\d{10}V\d{6}$/;

/**
 * A subject that is only a record number ("AR-2058842", "Re: HB00418826"): staff file the thread under the chart it is
 * about. Counted with health content in the message (needs-context), as a chart number a verb asks for. So is one
 * with a clinical topic after a dash ("Re: LV42280915 - post-cath hematoma", "40127794 - clozapine ANC?"); a ticket's topic
 * ("INC… - printer") is not.
 */
const SUBJECT_RECORD_NUMBER = /^[ \t]*(?:(?:re|fw|fwd|aw|rv)[ \t]?:[ \t]*)*([A-Z]{1,4}-?\d{6,10}|\d{7,10})[ \t]*(?:[-\u2013\u2014:|]([^\n]*))?$/i;
/** "20251104 - flu clinic schedule": a date written as digits (year first or last) files a day, not a chart. */
const COMPACT_DATE = /^(?:(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d\d)$/;
function subjectRecordNumber(ctx: PartContext): void {
  const m = SUBJECT_RECORD_NUMBER.exec(ctx.text);
  if (!m) { trailingSubjectRecordNumber(ctx); return; }
  // A number of digits alone is a chart's only with a clinical topic after it ("40127794 - clozapine ANC?").
  const digitsOnly = m[1].charCodeAt(0) <= 57;
  if (CAMERA_PREFIX.test(m[1]) || ORDER_PREFIX.test(m[1]) || (digitsOnly ? m[2] === undefined || COMPACT_DATE.test(m[1]) : !/[A-Z]/.test(m[1].charAt(0)))) return;
  const s = m.index + m[0].indexOf(m[1]);
  const e = s + m[1].length;
  if (m[2] !== undefined && !ctx.terms.some((t) => CLINICAL_KINDS.has(t.kind) && ctx.tokens.start[t.first] > e)) return;
  const what = m[2] === undefined ? `the subject is only ${quote(ctx.text, s, e)}` : `the subject files a clinical topic under ${quote(ctx.text, s, e)}`;
  ctx.hits.push(makeHit('MRN', 'medium', ctx.where, s, e, 'high-risk', ['pattern:subject-record-number', 'needs-context'], `${what}: the record number of the chart the thread is about`));
}

/**
 * "M&M case 2 (de-identified) - RDH-0348827", "consult - KT51190274": a record number closing the subject after a dash,
 * when what comes before it is a case or clinical topic (a shipment's or an invoice's subject ends in its own numbers).
 */
const SUBJECT_CASE_WORDS = new Set(['case', 'pt', 'patient', 'chart', 'consult', 'referral', 'admission', 'admit', 'discharge']);
const TRAILING_RECORD_NUMBER = /^[A-Z]{1,4}-?\d{6,10}$/;
function trailingSubjectRecordNumber(ctx: PartContext): void {
  const { text, tokens } = ctx;
  const k = tokens.count - 1;
  if (k < 2 || tokens.line[k] !== tokens.line[0]) return;
  let s = tokens.start[k];
  const e = tokens.end[k];
  // "RDH-0348827" may be read as two tokens, its letters and its digits.
  if (text.charCodeAt(s - 1) === 45 && k > 0 && tokens.end[k - 1] === s - 1) s = tokens.start[k - 1];
  const id = text.slice(s, e);
  if (!/^[ \t]*$/.test(text.slice(e)) || !TRAILING_RECORD_NUMBER.test(id) || CAMERA_PREFIX.test(id) || ORDER_PREFIX.test(id)) return;
  if (!/[ \t][-\u2013\u2014:|][ \t]*$/.test(text.slice(Math.max(0, s - 4), s))) return;
  const topic = (t: { kind: string; first: number }): boolean => CLINICAL_KINDS.has(t.kind) && tokens.start[t.first] < s;
  let cased = false;
  for (let j = 0; j < k && !cased; j++) if (tokens.end[j] <= s && SUBJECT_CASE_WORDS.has(tokenText(text, tokens, j).toLowerCase())) cased = true;
  if (!cased && !ctx.terms.some(topic)) return;
  ctx.hits.push(makeHit('MRN', 'medium', ctx.where, s, e, 'high-risk', ['pattern:subject-record-number', 'needs-context'], `the subject files a case under ${quote(text, s, e)}: the record number of the chart the thread is about`));
}

export function recognizeIdentifiers(ctx: PartContext): void {
  const { text, tokens, where } = ctx;
  const { start, end, flags, digitCount, digitToken } = tokens;
  for (let q = 0; q < digitCount; q++) {
    const k = digitToken[q];
    const fl = flags[k];
    const s = start[k];
    const len = end[k] - s;
    if ((fl & F_ALL_DIGIT) !== 0) {
      if (!startsNumber(text, s)) continue;
      numericAt(ctx, k, s, len);
    } else if ((fl & F_ALPHA) !== 0 && (fl & F_UPPER_FIRST) !== 0) {
      alnumAt(ctx, k, s, len);
    } else if ((fl & F_ALPHA) !== 0 && len <= 11) {
      const c = text.charCodeAt(s);
      if (c >= 49 && c <= 57) alnumAt(ctx, k, s, len); // MBI starts with a digit
    } else if (len === 17 && text.charCodeAt(s + 10) === 86 /* V */ && VA_ICN.test(text.slice(s, s + 17))) {
      ctx.hits.push(makeHit('MRN', 'high', ctx.where, s, s + 17, 'high-risk', ['pattern:va-icn'], `${quote(text, s, s + 17)} has the shape of a VA Integration Control Number (ten digits, V, six digits): a veteran's record number`));
    }
  }
  chartRequests(ctx);
  if (where === 'subject' || where.endsWith(':subject')) subjectRecordNumber(ctx);
  emails(ctx);
  urls(ctx);
  void where;
}

/**
 * "can someone unlock 00511207?", "pls pull LPR-00731846 for the chart audit", "merge 00391745 into 00391754": a
 * zero-padded number (or one after a short prefix) that staff ask to pull, unlock, open or merge is a chart's record number;
 * so is one that names a patient or a chart ("pt CH-0051977 no-showed x2", Spanish "exp. RB-0544871", expediente) and
 * one that opens a line saying what it needs ("00482913 needs INR recheck").
 */
const CHART_VERBS = new Set(['pull', 'unlock', 'open', 'reopen', 'merge', 'into', 'chart', 'pt', 'pte', 'patient', 'paciente', 'patiente', 'exp', 'expediente',
  // Russian "по карте CHF-0461178" (by the chart), "карта", "карты", "медкарта".
  'карта', 'карте', 'карты', 'карту', 'медкарта', 'медкарте', 'медкарты',
  // Arabic "المريض RTC00551207" (the patient), feminine "المريضة", "للمريض" (for the patient), "ملف" (file).
  'المريض', 'المريضة', 'مريض', 'مريضة', 'للمريض', 'للمريضة', 'ملف']);
const CARE_NEEDS = new Set(['needs', 'due', 'missed', 'needed', 'requires']);
const COVERAGE_STATUS = new Set(['termed', 'terminated', 'inactive', 'ineligible', 'lapsed']);
/** "is BCH550318842 still active w/ Bayshore?": asked whether coverage holds. */
const COVERAGE_HOLDS = new Set(['active', 'eligible', 'covered']);
function coverageAfter(ctx: PartContext, k: number): boolean {
  const { tokens, text } = ctx;
  const next = (j: number): string | null => j < tokens.count && tokens.line[j] === tokens.line[k] && tokens.start[j] - tokens.end[j - 1] === 1 ? tokenText(text, tokens, j).toLowerCase() : null;
  const word = next(k + 1);
  if (word === null) return false;
  return COVERAGE_STATUS.has(word) || (word === 'still' && COVERAGE_HOLDS.has(next(k + 2) ?? ''));
}
/** "need TKD-3381046 pulled", "can you get 00418822 unlocked": the verb after the number asks for the chart too. */
const CHART_PARTICIPLES = new Set(['pulled', 'unlocked', 'merged', 'reopened']);
function askedAfter(ctx: PartContext, k: number): boolean {
  const { tokens } = ctx;
  return k + 1 < tokens.count && tokens.line[k + 1] === tokens.line[k] && tokens.start[k + 1] - tokens.end[k] === 1 && CHART_PARTICIPLES.has(tokenText(ctx.text, tokens, k + 1).toLowerCase());
}
const POSSESSIVE_AFTER = /^['’]s /;
// "pull the diet hx and calorie counts for RB-0774019": what is pulled may take a few words.
const CHART_VERB_FOR = /\b(?:pull|unlock|open|reopen|merge)[ \t]{1,2}(?:[a-z]+[ \t]{1,2}){0,6}for[ \t]{1,2}(?:[A-Za-z]{2,4}-)?$/i;
const ALNUM_CHART_NUMBER = /^[A-Z]{1,4}\d{6,10}$/;
const AUTH_FOR_BEFORE = /\b(?:auth|authorization|authorisation|prior auth|PA|precert|eligibility|elig|benefits)[ \t]{1,2}for[ \t]{1,2}$/i;
const LOWER_CHART_NUMBER = /^[a-z]{1,4}\d{6,10}$/;
const CHART_NUMBER_BEFORE = /(?:^|[\s(])([a-z\u0430-\u044f\u0451\u0621-\u064a]+)\.?[ \t]{1,2}([A-Z]{2,4}-)?$/i;
/** "Surveyors want these two: / CH118342 / CH120977 … the shadow chart": record numbers listed a line each, in mail about charts. */
const CHART_WORD = /\bcharts?\b/i;
/**
 * "why is HL-3319046 throwing a break-the-glass prompt", "RCP-2751094 / RCP-2751049 duplicate": a record number in mail
 * about a chart's protected access or its duplicates. Tested once per part, only when such a number is there.
 */
const CHART_TASK = /break[- ]the[- ]glass|\bduplicate (?:charts?|records?|mrns?|registrations?)\b|\d[ \t]{1,2}(?:duplicates?|dupes?)\b|\b(?:pls|please|plz|can you|need to) merge\b|\bsecond chart\b/i;
/**
 * "RUIZ, ESPERANZA  " right before `end`: a name in capitals, surname first, then two to four blanks (a label's or a
 * wristband's columns). Read backwards by hand: an unanchored expression would retry at every capital.
 */
function labelNameBefore(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && end - i < 5 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (end - i < 2 || end - i > 4) return false;
  const capitalsBack = (from: number): number => {
    let j = from;
    while (j > 0 && from - j < 25 && /[A-Z'’-]/.test(text[j - 1])) j--;
    // "'RUIZ": a quotation mark before the surname is none of it.
    while (j < from && !/[A-Z]/.test(text[j])) j++;
    return from - j >= 2 ? j : -1;
  };
  const given = capitalsBack(i);
  if (given < 2 || text.charCodeAt(given - 1) !== 32 || text.charCodeAt(given - 2) !== 44) return false;
  const surname = capitalsBack(given - 2);
  return surname >= 0 && (surname === 0 || !/[A-Za-z]/.test(text[surname - 1]));
}
/** A list row's opening: a marker, a name of two or three capitalised words, a column's gap. */
const NAME_COLUMN_BEFORE = /^[ \t]*(?:[-*•][ \t]+)?\p{Lu}[\p{L}'’-]{1,24}(?: \p{Lu}[\p{L}'’-]{1,24}){1,2}(?:[ \t]{2,6}|\t)$/u;
/**
 * text[ls, e) is a list row's opening: a person's name (a listed given name first; no clinical term, as in a product's
 * "Levothyroxine Sodium"; no place, as in "Los Pinos") and a column's gap.
 */
function nameColumnBefore(ctx: PartContext, ls: number, e: number): boolean {
  const { text } = ctx;
  // A column's gap first (two blanks or a tab): most numbers stand in running text.
  const c1 = text.charCodeAt(e - 1);
  if (c1 !== 9 && !(c1 === 32 && (text.charCodeAt(e - 2) === 32 || text.charCodeAt(e - 2) === 9))) return false;
  const row = text.slice(ls, e);
  if (!NAME_COLUMN_BEFORE.test(row)) return false;
  const first = ls + row.search(/\p{Lu}/u);
  return isGivenName(ctx, first) && !clinicalTermBetween(ctx, ls, e);
}
const MEMBER_WORD = /\bmembers?\b/i;
const DEVICE_WORD = /\b(?:serials?|pumps?|devices?|implants?|pacemakers?|sensors?|transmitters?)\b/i;
/** "VX2-", "CRA-": a code of letters (and digits) and a dash right before a number, starting a word. */
const CODE_PREFIX_BEFORE = /(?:^|[ \t])([A-Z][A-Z0-9]{1,4}-)$/;
/** Letters and a dash right before a number ("HL-" of "HL-3319046"), starting a word. */
const PREFIX_BEFORE = /(?:^|[^A-Za-z0-9\-])([A-Z]{2,4})-$/;
function chartRequests(ctx: PartContext): void {
  const { text, tokens } = ctx;
  let aboutCharts: boolean | undefined;
  // Record numbers no other reading took, kept for CHART_TASK.
  let untaken: [number, number][] | undefined;
  let members: boolean | undefined;
  let devices: boolean | undefined;
  for (let q = 0; q < tokens.digitCount; q++) {
    const k = tokens.digitToken[q];
    const s = tokens.start[k];
    const len = tokens.end[k] - s;
    // "merge LV4417093 into LV3902158": a record number with its letters joined on, right after a chart verb.
    if ((tokens.flags[k] & F_ALPHA) !== 0) {
      if (len < 7 || len > 14) continue;
      const word = text.slice(s, s + len);
      const m = CHART_NUMBER_BEFORE.exec(text.slice(Math.max(0, s - 20), s));
      // "can u pull hl6014823 for tmrw": typed in lower case after a chart verb; "pull outside priors for CB2307741".
      const asked = (m !== null && !m[2] && (CHART_VERBS.has(m[1].toLowerCase()) || (m[1].toLowerCase() === 'for' && CHART_VERB_FOR.test(text.slice(Math.max(0, s - 80), s))))) || askedAfter(ctx, k);
      // "auth for W884013625 came back": an authorization or eligibility asked for a number is asked for a member.
      if (ALNUM_CHART_NUMBER.test(word) && !ORDER_PREFIX.test(word) && AUTH_FOR_BEFORE.test(text.slice(Math.max(0, s - 32), s))) {
        ctx.hits.push(makeHit('HEALTH_PLAN_ID', 'medium', ctx.where, s, s + len, 'high-risk', ['pattern:authorization-for'], `${quote(text, s, s + len)} after an authorization asked for it: a member's ID`));
        continue;
      }
      if (!ALNUM_CHART_NUMBER.test(word) && !(asked && LOWER_CHART_NUMBER.test(word) && !CAMERA_PREFIX.test(word) && !ORDER_PREFIX.test(word))) continue;
      // "M5180436629 termed 5/31?": a number whose coverage is said to end or hold is a member's ID.
      if (!asked && coverageAfter(ctx, k) && !ORDER_PREFIX.test(word)) {
        ctx.hits.push(makeHit('HEALTH_PLAN_ID', 'medium', ctx.where, s, s + len, 'high-risk', ['pattern:coverage-status', 'needs-context'], `${quote(text, s, s + len)} with its coverage status after it: a member's ID`));
        continue;
      }
      if (asked) ctx.hits.push(makeHit('MRN', 'medium', ctx.where, s, s + len, 'high-risk', ['pattern:chart-request', 'needs-context'], `${quote(text, s, s + len)} ${m !== null && !m[2] ? `after '${m[1]}'` : 'asked for'}: the record number of a chart staff handle`));
      else if (CAMERA_PREFIX.test(word) || ORDER_PREFIX.test(word)) continue;
      else if (aloneOnLine(tokens, k) && (aboutCharts ??= CHART_WORD.test(text))) {
        ctx.hits.push(makeHit('MRN', 'medium', ctx.where, s, s + len, 'high-risk', ['pattern:chart-list', 'needs-context'], `${quote(text, s, s + len)} alone on its line in mail about charts: a chart's record number`));
      } else if (ALNUM_CHART_NUMBER.test(word)) {
        // "- Marisol Peña  HL552908316": a list's row, a person's name, then their number in a column of its own.
        const ls = text.charCodeAt(s - 1) <= 32 ? text.lastIndexOf('\n', s - 1) + 1 : s;
        // Not a product's name ("Levothyroxine Sodium  LV24031001"): no clinical term among the row's words.
        if (s - ls <= 60 && nameColumnBefore(ctx, ls, s)) {
          const member = (members ??= MEMBER_WORD.test(text));
          ctx.hits.push(makeHit(member ? 'HEALTH_PLAN_ID' : 'MRN', 'medium', ctx.where, s, s + len, 'high-risk', ['pattern:name-then-number', 'needs-context'], `${quote(text, s, s + len)} in a column after a person's name: ${member ? "a member's ID" : "a record number"}`));
        } else (untaken ??= []).push([s, s + len]);
      }
      continue;
    }
    if (len < 6 || len > 10 || (tokens.flags[k] & F_ALL_DIGIT) === 0) continue;
    // The number ends there: no decimal, dash or slash run on ("0052260.5", "00002-1433-80").
    const after = text.charCodeAt(s + len);
    if ((after === 46 || after === 45 || after === 47) && text.charCodeAt(s + len + 1) >= 48 && text.charCodeAt(s + len + 1) <= 57) continue;
    const m = CHART_NUMBER_BEFORE.exec(text.slice(Math.max(0, s - 20), s));
    // A bare number must be zero-padded to read as a record's ("merge 00391745"); one with its letters before it
    // ("unlock CR-207719") need not be.
    // "push mfm-0455120's 32w growth scan images": a record number owning what follows is a patient's, whatever verb comes first.
    if (m?.[2] && POSSESSIVE_AFTER.test(text.slice(s + len, s + len + 3))) {
      const start = s - m[2].length;
      ctx.hits.push(makeHit('MRN', 'medium', ctx.where, start, s + len, 'high-risk', ['pattern:chart-possessive', 'needs-context'], `${quote(text, start, s + len)} owns what follows: a patient's record number`));
      continue;
    }
    // "- Walter Brandt   VX2-0047710": a list's row, a person's name, then their device's serial or record number in a column.
    const code = text.charCodeAt(s - 1) === 45 ? CODE_PREFIX_BEFORE.exec(text.slice(Math.max(0, s - 7), s)) : null;
    if (code) {
      const start = s - code[1].length;
      const ls = text.lastIndexOf('\n', start - 1) + 1;
      if (start - ls <= 60 && !ORDER_PREFIX.test(`${code[1]}0`) && nameColumnBefore(ctx, ls, start)) {
        const device = (devices ??= DEVICE_WORD.test(text));
        ctx.hits.push(device
          ? makeHit('DEVICE_ID', 'high', ctx.where, start, s + len, 'weak', ['pattern:name-then-number'], `${quote(text, start, s + len)} in a column after a person's name, in mail about devices: their device's serial`)
          : makeHit('MRN', 'medium', ctx.where, start, s + len, 'high-risk', ['pattern:name-then-number', 'needs-context'], `${quote(text, start, s + len)} in a column after a person's name: a record number`));
        continue;
      }
    }
    // "RUIZ, ESPERANZA  CRA-0059127  Mold mix 1:100": a printed label's name, surname first in capitals, then its record number.
    if (m?.[2] && !ORDER_PREFIX.test(`${m[2]}0`)) {
      const start = s - m[2].length;
      if (labelNameBefore(text, start)) {
        ctx.hits.push(makeHit('MRN', 'medium', ctx.where, start, s + len, 'high-risk', ['pattern:label-row'], `${quote(text, start, s + len)} after a name written surname first in capitals: a label's record number`));
        continue;
      }
    }
    // "pls pull priors for bci-5530918": a chart verb a few words before "for" asks for that record.
    const pulledFor = m?.[2] !== undefined && !ORDER_PREFIX.test(`${m[2]}0`) && ((m[1].toLowerCase() === 'for' && CHART_VERB_FOR.test(text.slice(Math.max(0, s - 80), s))) || askedAfter(ctx, k));
    if (text.charCodeAt(s) !== 48 /* 0 */ && !(m?.[2] && (CHART_VERBS.has(m[1].toLowerCase()) || pulledFor))) {
      const prefix = PREFIX_BEFORE.exec(text.slice(Math.max(0, s - 6), s));
      if (prefix && !ORDER_PREFIX.test(`${prefix[1]}-0`)) (untaken ??= []).push([s - prefix[1].length - 1, s + len]);
      continue;
    }
    if (!m || !(CHART_VERBS.has(m[1].toLowerCase()) || pulledFor)) {
      const lineStart = s === 0 || text.charCodeAt(s - 1) === 10;
      if (lineStart && k + 1 < tokens.count && tokens.line[k + 1] === tokens.line[k] && tokens.start[k + 1] === s + len + 1 && CARE_NEEDS.has(tokenText(text, tokens, k + 1))) {
        ctx.hits.push(makeHit('MRN', 'medium', ctx.where, s, s + len, 'high-risk', ['pattern:chart-request', 'needs-context'], `${quote(text, s, s + len)} opens a line about what it needs: the record number of a chart`));
      }
      continue;
    }
    const start = s - (m[2]?.length ?? 0);
    ctx.hits.push(makeHit('MRN', 'medium', ctx.where, start, s + len, 'high-risk', ['pattern:chart-request', 'needs-context'], `${quote(text, start, s + len)} after '${m[1]}': the record number of a chart staff handle`));
  }
  if (untaken && CHART_TASK.test(text)) {
    for (const [s, e] of untaken) ctx.hits.push(makeHit('MRN', 'medium', ctx.where, s, e, 'high-risk', ['pattern:chart-task', 'needs-context'], `${quote(text, s, e)} in mail about a chart's protected access or its duplicates: a chart's record number`));
  }
}

const EXAMPLE_BEFORE = /(?:^|[\s(])(?:e\.g\.?|i\.e\.?|for example|for instance|such as|por ejemplo|p\. ?ej\.)[,:]?[ \t]{0,2}$/i;
/** "(e.g. 666-40-1123, 912-55-0187)": the later numbers of a list of examples. */
const EXAMPLE_LIST_BEFORE = /(?:^|[\s(])(?:e\.g\.?|i\.e\.?|for example|for instance|such as|por ejemplo)[,:]?[ \t]{0,2}(?:\d{3}-\d{2}-\d{4},?[ \t]{1,2}(?:or[ \t]|and[ \t])?){1,4}$/i;

/** Token k is the only one on its line. */
function aloneOnLine(tokens: Tokens, k: number): boolean {
  return (k === 0 || tokens.line[k - 1] !== tokens.line[k]) && (k + 1 >= tokens.count || tokens.line[k + 1] !== tokens.line[k]);
}

function numericAt(ctx: PartContext, k: number, s: number, len: number): void {
  const { text, where } = ctx;
  const next = text.charCodeAt(s + len);
  if (len === 3 && next === 45) {
    const e = matchAt(PATTERNS.ssnDashed, text, s);
    if (e > 0) {
      const kind = ssnKind(digitsOf(text.slice(s, e)));
      if (kind) {
        const before = wordsBefore(ctx, k, 5);
        // "your order 512-44-0187 has shipped": a number named right before it as an order's or a ticket's is that.
        // "Invoice no. 412-55-8830": the number's word may come before its "no."
        if (!before.some((w) => SSN_CUES.has(w)) && before.length > 0 && (ORDER_NUMBER_WORDS.has(before[0]) || (NUMBER_WORDS.has(before[0]) && ORDER_NUMBER_WORDS.has(before[1] ?? '')))) return;
        // "Numbers starting with 9 (e.g., 912-70-1234) are ITINs": a number given as an example is nobody's.
        if (EXAMPLE_BEFORE.test(text.slice(Math.max(0, s - 16), s)) || EXAMPLE_LIST_BEFORE.test(text.slice(Math.max(0, s - 90), s))) return;
        const cue = before.some((w) => SSN_CUES.has(w));
        ctx.hits.push(makeHit('SSN', cue ? 'high' : 'medium', where, s, e, 'high-risk', ['pattern:ssn-dashed', 'rules:ssa-issuance', ...(cue ? ['keyword:ssn'] : [])], `${quote(text, s, e)} has the shape and issuance rules of a ${kind === 'itin' ? 'ITIN' : 'Social Security number'}`));
        return;
      }
    }
  }
  // A card number is one run of 13-19 digits or starts with four digits and a space or dash.
  if (len >= 13 ? len <= 19 : len === 4 && (next === 32 || next === 45) && isDigit(text.charCodeAt(s + 5))) {
    const e = matchAt(PATTERNS.card, text, s);
    if (e > 0) {
      const digits = digitsOf(text.slice(s, e));
      const brand = digits.length >= 13 ? cardBrand(digits) : null;
      if (brand) {
        // "charge our corporate Mastercard …", "use the department P-card": the organisation's card pays for goods, no patient's care.
        const business = wordsBefore(ctx, k, 6).some((w) => BUSINESS_CARD_CUES.has(w)) || BUSINESS_CARD_NEAR.test(text.slice(Math.max(0, s - 200), Math.min(text.length, e + 150)));
        ctx.hits.push(makeHit('CREDIT_CARD', 'high', where, s, e, 'payment', ['pattern:card', 'checksum:luhn', `brand:${brand}`, ...(business ? ['card:business'] : [])], `${quote(text, s, e)} is a valid ${brand} card number (Luhn check passed)${business ? ", an organisation's card" : ''}`));
        return;
      }
    }
  }
  if (len <= 3 && next === 46) {
    const e = matchAt(PATTERNS.ipv4, text, s);
    if (e > 0) {
      ctx.hits.push(makeHit('IP_ADDRESS', 'medium', where, s, e, 'weak', ['pattern:ipv4'], `${quote(text, s, e)} is an IP address`));
      return;
    }
  }
  if ((len === 3 || len === 1) && phoneMayFollow(text, s + len, next)) {
    let ps = s;
    if (s > 0 && text.charCodeAt(s - 1) === 40) ps = s - 1; // "(555) ..."
    if (s > 0 && text.charCodeAt(s - 1) === 43) ps = s - 1; // "+1 555 ..."
    let e = matchAt(PATTERNS.phoneNanp, text, ps);
    // "(802-555-0119)": a parenthesis around the whole number, not around the area code.
    if (e < 0 && ps !== s) { e = matchAt(PATTERNS.phoneNanp, text, s); if (e > 0) ps = s; }
    if (e > 0) {
      const before = inParagraph(ctx, k, wordsBefore(ctx, k, 8, 60));
      const cue = before.some((w) => PHONE_CUES.has(w));
      // Numbers to call us at are the sender's; a person's number comes with "her", "patient", "cell"...
      // "From: 715-555-0128" heading a voicemail or text log: the caller's number.
      const caller = before[0] === 'from' && /:[ \t]{0,2}\(?$/.test(text.slice(Math.max(0, ps - 4), ps));
      // "lab client services, 305-…", "Patient Financial Services at 253-…": a cue word naming a department is no person.
      // "Help desk: 651-…", "Support line …": a service's number, whoever the sentence before spoke of.
      const serviceLine = before.length > 0 && (DEPARTMENT_AFTER.has(before[0]) || (before.length > 1 && before[0] === 'support'));
      const personal = !TOLL_FREE.test(text.slice(ps, e)) && !serviceLine && (caller || callbackNumber(before) || before.some((w, i) => PHONE_PERSON_CUES.has(w) && (i < 2 || !LINE_KIND_CUES.has(w)) && !(i > 0 && DEPARTMENT_AFTER.has(before[i - 1])) && !(i > 1 && DEPARTMENT_AFTER.has(before[i - 2])) && !(w === 'he' && isPolynesian(ctx))) || addressedTo(text, ps));
      ctx.hits.push(makeHit('PHONE', cue || personal ? 'high' : 'medium', where, ps, e, personal ? 'weak' : 'contact', ['pattern:phone-nanp', ...(cue ? ['keyword:phone'] : []), ...(personal ? ['keyword:person'] : [])], `${quote(text, ps, e)} is a${personal ? " person's" : ''} phone number`));
      return;
    }
  }
  // "caller at 555-0188", "VM from 555-0167": a local number without its area code, only with a person's
  // or a phone word before it (a bare "123-4567" is as often a part or an order number).
  // Not the end of a full number ("(937) 555-0111"), read above with what stands before its area code.
  if (len === 3 && next === 45 && (s === 0 || !/[\d-]/.test(text[s - 1])) && !/\d\)? ?$/.test(text.slice(Math.max(0, s - 3), s))) {
    const le = matchAt(PATTERNS.phoneLocal, text, s);
    if (le > 0) {
      const before = wordsBefore(ctx, k, 4, 30);
      const personal = callbackNumber(before) || before.some((w) => PHONE_PERSON_CUES.has(w) || w === 'caller' || w === 'from');
      if (personal || before.some((w) => PHONE_CUES.has(w))) {
        ctx.hits.push(makeHit('PHONE', 'high', where, s, le, personal ? 'weak' : 'contact', ['pattern:phone-local', 'keyword:phone', ...(personal ? ['keyword:person'] : [])], `${quote(text, s, le)} is a${personal ? " person's" : ''} local phone number`));
        return;
      }
    }
  }
  if (s > 0 && text.charCodeAt(s - 1) === 43) {
    const e = matchAt(PATTERNS.phoneIntl, text, s - 1);
    if (e > 0 && digitsOf(text.slice(s - 1, e)).length >= 9) {
      const personal = wordsBefore(ctx, k, 8, 60).some((w) => PHONE_PERSON_CUES.has(w)) || addressedTo(text, s - 1);
      ctx.hits.push(makeHit('PHONE', 'medium', where, s - 1, e, personal ? 'weak' : 'contact', ['pattern:phone-intl'], `${quote(text, s - 1, e)} is an international phone number`));
      return;
    }
  }
  if (len <= 6 && streetMayFollow(text, s + len, next)) {
    const e = matchAt(PATTERNS.addressNumberFirst, text, s);
    if (e > 0) {
      // "lives at 12 Oak St": a person's home, not a clinic's or a vendor's address.
      // A home-visit route ("1st stop tmrw 6/13 - 1418 Calle Nogal") lists patients' homes too.
      // "home visit moved to 10:30 tomorrow - 1418 Pecan Hollow Dr": a visit at home is at a patient's.
      // "3rd call to 4417 Bayou Cane Rd": an EMS call or run to an address is to where the patient is.
      // "2418 NW 7th St Apt 3": an apartment is someone's home.
      // "Cedarline Home Delivery Pharmacy, 4100 …": "home" in a service's name is no one's home.
      // "Lakeshore Kidney & Home Dialysis / 2200 Tamarack Pkwy, Suite 310": an address with a suite is an office's
      // whatever word came before it.
      const suite = OFFICE_UNIT.test(text.slice(e, e + 12)) || OFFICE_UNIT_BEFORE.test(text.slice(Math.max(0, s - 16), s));
      // "Cedar Hollow Assisted Living, Wellness Office, 1400 …": an office named between the cue and the address is where it goes.
      // "your infusion closer to home.\n212 Depot Street": a cue that ends its sentence says nothing of the next line's address.
      const home = APARTMENT_AFTER.test(text.slice(e, e + 16)) || (!suite && wordsBefore(ctx, k, 3, 30).some((w, i, all) => HOME_CUES.has(w) && text.charCodeAt(ctx.tokens.end[k - 1 - i]) !== 46 && !(w === 'home' && ((i > 0 && HOME_SERVICES.has(all[i - 1])) || HOME_INSTITUTIONS.has(all[i + 1] ?? '') || homeInAName(ctx, k - 1 - i))) && !(w === 'living' && LIVING_KINDS.has(all[i + 1] ?? '')) && !all.slice(0, i).some((x) => OFFICE_WORDS.has(x)))) || wordsBefore(ctx, k, 6, 40).some((w, i) => ROUTE_CUES.has(w) && !routeInAName(ctx, k - 1 - i)) ||
        wordsBefore(ctx, k, 8, 60).some((w, i, all) => w === 'visit' && all[i + 1] === 'home') ||
        wordsBefore(ctx, k, 2, 20).every((w, i, all) => all.length === 2 && (i === 0 ? w === 'to' : SCENE_WORDS.has(w)));
      // "2140 Alder Creek Rd, Suite 300": an office address (a clinic's, a vendor's), never decisive.
      const office = !home && suite;
      ctx.hits.push(makeHit('ADDRESS', home ? 'high' : 'medium', where, s, e, home ? 'strong' : office ? 'contact' : 'weak', ['pattern:street-address', ...(home ? ['keyword:home'] : []), ...(office ? ['address:office-suite'] : [])], `${quote(text, s, e)} is ${home ? "a person's home" : office ? 'an office' : 'a street'} address`));
    }
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Can a North American number go on after the digits ending at `e` ("555) ", "555-", "1 (")? The
 * area code or the "1" before it is followed by ")", "(" or one of " .-" and a digit or "(".
 */
function phoneMayFollow(text: string, e: number, next: number): boolean {
  if (next === 40 || next === 41) return true;
  if (next !== 32 && next !== 45 && next !== 46) return false;
  const d = text.charCodeAt(e + 1);
  return (d >= 50 && d <= 57) || d === 40;
}

/**
 * Can a street go on after the house number ending at `e`? An optional comma, one to three spaces, then
 * a capital (a direction, a street name) or the first letter of "rue", "avenue", "calle", "place"…
 */
function streetMayFollow(text: string, e: number, next: number): boolean {
  let i = e;
  if (next === 44) i++;
  const sp = i;
  while (i < sp + 3 && text.charCodeAt(i) === 32) i++;
  if (i === sp) return false;
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || c >= 0xc0 || c === 114 || c === 97 || c === 98 || c === 99 || c === 112 || c === 105;
}

function alnumAt(ctx: PartContext, k: number, s: number, len: number): void {
  const { text, where, tokens } = ctx;
  if (len === 11 || (len === 4 && text.charCodeAt(s + 4) === 45)) {
    const e = matchAt(PATTERNS.mbi, text, s);
    if (e > 0 && mbiValid(text.slice(s, e).replace(/-/g, ''))) {
      ctx.hits.push(makeHit('MBI', 'high', where, s, e, 'high-risk', ['pattern:mbi', 'rules:cms-mbi'], `${quote(text, s, e)} follows the Medicare Beneficiary Identifier format`));
      return;
    }
  }
  if (len === 9) {
    const e = matchAt(PATTERNS.dea, text, s);
    if (e > 0 && deaValid(text.slice(s, e))) {
      ctx.hits.push(makeHit('DEA', 'high', where, s, e, 'provider', ['pattern:dea', 'checksum:dea'], `${quote(text, s, e)} is a valid DEA registration number`));
      return;
    }
  }
  if (len >= 3 && len <= 7) icdAt(ctx, k, s);
  // "(MR0052290)", "MRN4471203": the record-number prefix written onto the digits, with no label before it.
  if (len >= 8 && len <= 13 && text.charCodeAt(s) === 77 /* M */ && MR_PREFIXED.test(text.slice(s, s + len))) {
    ctx.hits.push(makeHit('MRN', 'medium', where, s, s + len, 'high-risk', ['pattern:mrn-prefixed', 'needs-context'], `${quote(text, s, s + len)} is a medical record number written with its "MR" prefix`));
  }
  void tokens;
}

/** HL7's names of the ICD coding systems (table 0396), written where a coded value's third component stands. */
const CODING_SYSTEMS = new Set(['I10', 'I9', 'I9C', 'I10C', 'I10P']);

function icdAt(ctx: PartContext, k: number, s: number): void {
  const { text, where, dict } = ctx;
  const e = matchAt(PATTERNS.icd, text, s);
  if (e < 0) return;
  const written = text.slice(s, e);
  const code = written.replace('.', '');
  if (!dict.icd.isValid(code)) return;
  const before = wordsBefore(ctx, k, 4, 40);
  const cue = before.find((w) => ICD_CUES.has(w));
  // "Order L89.154" is a product code; "Dx on order: L89.154" still a diagnosis.
  if (before.length > 0 && NOT_ICD_CUES.has(before[0]) && !cue) return;
  // "error code E22", "fault code E11", "product code C50.9": the kind of code is named, and it is not a diagnosis.
  if ((before[0] === 'code' || before[0] === 'codes') && before.length > 1 && NOT_ICD_CUES.has(before[1])) return;
  // "DG1|1||E11.9^Type 2 diabetes^I10": after a component separator, "I10" names the coding system (ICD-10), no code.
  if (s > 0 && text.charCodeAt(s - 1) === 94 /* ^ */ && CODING_SYSTEMS.has(written)) return;
  const dotted = written.includes('.');
  // Bare categories ("E11") and dot-less codes are product-code look-alikes unless a cue says "diagnosis".
  if (!cue && !dotted) return;
  const title = dict.icd.title(code.slice(0, 3));
  // "E11.9 (42 claims), M54.50 (37)": a code with a count of cases is a statistic, nobody's diagnosis.
  if (countedAfter(text, e)) {
    ctx.hits.push(makeHit('ICD10', 'low', where, s, e, 'health', ['pattern:icd10cm', 'table:icd10cm-fy2026', 'aggregate'], `${quote(text, s, e)} is an ICD-10-CM code with a count of cases (a statistic)`));
    return;
  }
  ctx.hits.push(makeHit('ICD10', cue ? 'high' : 'medium', where, s, e, 'health',
    ['pattern:icd10cm', 'table:icd10cm-fy2026', ...(cue ? [`keyword:${cue}`] : [])],
    `${quote(text, s, e)} is a valid ICD-10-CM code${title ? ` (${title})` : ''}`));
}

const COUNT_AFTER = /^[ \t]?\(\d[\d,]*(?:[ \t]?(claims?|patients?|pts|cases?|visits?|encounters?|members?|admissions?|denials?))?\)/;
const COUNTED_LINE = /\d[ \t](?:claims?|patients?|pts|cases?|visits?|encounters?|members?|admissions?|denials?)\)/;
/** A count in brackets after a code: "(42 claims)", or a bare "(37)" on a line that says what it counts. */
function countedAfter(text: string, e: number): boolean {
  if (text.charCodeAt(e) !== 40 && text.charCodeAt(e + 1) !== 40) return false;
  const m = COUNT_AFTER.exec(text.slice(e, e + 24));
  if (!m) return false;
  if (m[1]) return true;
  let ls = text.lastIndexOf('\n', e);
  let le = text.indexOf('\n', e);
  if (le < 0) le = text.length;
  ls = Math.max(ls + 1, e - 400);
  return COUNTED_LINE.test(text.slice(ls, Math.min(le, e + 400)));
}

const LOCAL_PART = /[A-Za-z0-9._%+-]/;
/** Cues for an email address beyond those for a phone number (PHONE_PERSON_CUES serves both). */
const EMAIL_PERSON_CUES = new Set(['emailed', 'gave', 'personal', 'su', 'sa', 'ihre', 'seine']);

function emails(ctx: PartContext): void {
  const { text, where } = ctx;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL_PART.test(text[s - 1])) s--;
    if (s === at) continue;
    const e = matchAt(PATTERNS.emailDomain, text, at);
    if (e < 0) continue;
    // "Client … gave email dkw…@… for results": a person's address, like a person's phone.
    const k = tokenIndexAt(ctx.tokens, s);
    const personal = k < ctx.tokens.count && wordsBefore(ctx, k, 6, 50).some((w) => PHONE_PERSON_CUES.has(w) || EMAIL_PERSON_CUES.has(w));
    ctx.hits.push(makeHit('EMAIL_ADDRESS', 'medium', where, s, e, 'weak', ['pattern:email', ...(personal ? ['keyword:person'] : [])], `${quote(text, s, e)} is ${personal ? "a person's" : 'an'} email address`));
  }
}

/** "?pid=00938841", "/chart/OVP-0051176/": a query key or a path segment that carries a patient's number. */
const URL_PERSON_KEYS = /(?:patient|mrn|member|dob|ssn|pid|chart|resident|donor|client)[_-]?(?:id)?=|\/(?:patients?|charts?|mrn|members?|residents?|clients?)\/[A-Za-z]{0,4}-?\d{4,}/i;

/**
 * Where a URL may start: "http"/"HTTP" right before "://" (or "s://"), and "www."/"WWW.". Found by native
 * searches for the rare "://" and "www.", never for a common letter ("h", "w") or the dots, which would stop
 * at every word or sentence.
 */
function urlStarts(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('://'); i >= 0; i = text.indexOf('://', i + 3)) {
    for (let s = i - 5; s <= i - 4; s++) if (s >= 0 && (text.startsWith('http', s) || text.startsWith('HTTP', s))) out.push(s);
  }
  for (let i = text.indexOf('www.'); i >= 0; i = text.indexOf('www.', i + 4)) out.push(i);
  for (let i = text.indexOf('WWW.'); i >= 0; i = text.indexOf('WWW.', i + 4)) out.push(i);
  return out.sort((a, b) => a - b);
}

function urls(ctx: PartContext): void {
  const { text, where } = ctx;
  let covered = -1;
  for (const s of urlStarts(text)) {
    if (s < covered) continue;
    const e = matchAt(PATTERNS.url, text, s);
    if (e < 0) continue;
    covered = e;
    const url = text.slice(s, e);
    const personal = URL_PERSON_KEYS.test(url);
    ctx.hits.push(makeHit('URL', personal ? 'medium' : 'low', where, s, e, 'weak', ['pattern:url', ...(personal ? ['url:person-parameter'] : [])], personal ? `${quote(text, s, e)} is a link carrying a patient identifier` : 'a web link'));
    // "…/chart/00482913/eeg/…": the record number in a chart link's path.
    const record = URL_PATH_RECORD.exec(url);
    if (record) {
      const rs = s + record.index + record[0].length - record[1].length;
      ctx.hits.push(makeHit('MRN', 'high', where, rs, rs + record[1].length, 'high-risk', ['url:record-number', 'needs-context'], `${quote(text, rs, rs + record[1].length)} in a link to a chart: a medical record number`));
    }
    // A share link is named like the file it serves ("…/share/Katz_Avital_MRN7781234_PGT-M.pdf").
    const file = linkFileSegment(url);
    if (file) fileNameIdentifiers(ctx, url.slice(file.start, file.end), s + file.start);
    const dob = URL_DOB.exec(url);
    if (dob) {
      const ds = s + dob.index + dob[0].length - dob[1].length;
      ctx.hits.push(makeHit('DOB', 'high', where, ds, ds + dob[1].length, 'strong', ['label:dob', 'pattern:date', 'url:person-parameter'], `${quote(text, ds - dob[0].length + dob[1].length + 1, ds + dob[1].length)} in a link: a date of birth`));
    }
  }
}

/** "?dob=19510306", "&birthdate=1951-03-06": a date of birth passed in a link's query. */
const URL_PATH_RECORD = /\/(?:patients?|charts?|mrn|residents?)\/([A-Za-z]{0,4}-?\d{5,12})(?=[/?#]|$)/i;
const URL_DOB = /[?&;](?:dob|birth_?date|date_?of_?birth|bdate)=((?:19|20)\d\d-?[01]\d-?[0-3]\d|[01]?\d(?:%2F|\/|-)[0-3]?\d(?:%2F|\/|-)(?:19|20)\d\d)(?=[&#;]|$)/i;
