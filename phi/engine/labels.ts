/**
 * Identifier labels ("MRN", "DOB", "Member ID", "Geburtsdatum") and the value that follows them.
 * The label decides the type; the value must have the shape (and check digits) of that type.
 */
import type { PhiType } from '../types.ts';
import { deaValid, npiValid, ssnKind, abaValid, mbiValid, isExampleSsn } from './checksums.ts';
import { isServiceDesk, type PartContext, tokenIndexAt, wordsBefore } from './context.ts';
import { dateAt } from './dates.ts';
import { makeHit, quote, type Hit, type Role } from './hit.ts';
import { CREDENTIAL_AFTER, isGivenName, nameAt, nameBefore, notAPerson, organisationAfter, surnameAndInitial } from './names.ts';
import { casualNameAt, isCasual } from './casual.ts';
import { matchAt, PATTERNS } from './patterns.ts';
import type { TermMatch } from './terms.ts';
import { F_ALL_UPPER, tokenEquals, tokenText } from './tokenizer.ts';
import { hashWord, personKey } from './fold.ts';
import { BUSINESS_CARD_NEAR } from './identifiers.ts';

/** Labels that are everyday words: they only count with an explicit ":" "#" "=" or "number". */
/** Words before "account" that make it a trading account ("customer account", "vendor account"). */
/** A remittance line's words, or a company's legal form, on an account number's line. */
// "Account: Alder Creek Pharmacy & Compounding (acct 118830)": an organisation's name holding the account; a supplier's
// "Credit will post to account 118402".
const BUSINESS_REMITTANCE = /\b(?:[Rr]emit(?:tance)?|[Pp]ayee|LLC|Inc|Ltd|Corp|GmbH|PLLC)\b|\b(?:Pharmacy|Compounding|Clinic|Hospital|Medical Center|Health Center)\b[^\n()]{0,24}\((?:acct|account)\b|\b[Cc]redit (?:will )?posts? to (?:your |our )?account\b/;
// "account 70-30417 (Juniper Mesa clinic pharmacy)": the account's holder in brackets right after it is a business too.
const BUSINESS_HOLDER_AFTER = /^[ \t]{0,2}\([^()\n]{0,40}(?:[Pp]harmacy|[Cc]linic|[Hh]ospital)\)/;
/** The line around [s, e), at most 120 characters either side (bounded: a megabyte line costs no more per hit). */
function lineWindow(text: string, s: number, e: number): string {
  let a = s;
  while (a > 0 && s - a < 120 && text.charCodeAt(a - 1) !== 10) a--;
  let b = e;
  while (b < text.length && b - e < 120 && text.charCodeAt(b) !== 10) b++;
  return text.slice(a, b);
}
const ORGANISATION_MEMBERSHIP_BEFORE = /\b(?:[Aa]ssociation|[Ss]ociety|[Cc]hamber|[Aa]cademy|[Oo]rgani[sz]ational|[Ii]nstitutional|[Cc]orporate) (?:[a-z]{2,15} )?membership[,;:]?[ \t]{0,2}(?:member[ \t]{1,2})?$/;
const BUSINESS_ACCOUNT_BEFORE = new Set(['customer', 'vendor', 'supplier', 'wholesaler', 'distributor', 'dealer', 'shipping', 'freight']);
const STOCK_REPORT_WORDS = new Set(['backorder', 'backorders', 'backordered', 'shipment', 'shipments', 'invoice', 'invoices', 'allocation', 'allocations']);
const WEAK_LABELS = new Set(['id', 'subject', 'booking', 'bk', 'inmate', 'veteran', 'patient', 'pt', 'client', 'name', 'nom', 'nombre', 'account', 'acct', 'policy', 'poliza', 'member', 'miembro', 'afiliado', 'sn', 'insured', 'beneficiary', 'resident', 'paciente', 'patiente', 'patientin', 'nino', 'nina', 'geb', 'geboren', 'chart', 'expediente', 'dossier', 'medical record', 'aba', 'pt id']);
/** Lines of a rota opening with Polish weekdays or their ranges ("pon:", "wt:", "Pon–Wt:", "Czw–Pt:"): two make "pt:" piątek. */
const POLISH_WEEKDAY_LINE = /(?:^|\n)[ \t•*-]*(?:pon|wt|śr|czw|pt|sob|niedz?)\.?(?: ?[–-] ?(?:pon|wt|śr|czw|pt|sob|niedz?)\.?)?:/gi;
function isPolishRota(ctx: PartContext): boolean {
  return (ctx.polishRota ??= (ctx.text.match(POLISH_WEEKDAY_LINE)?.length ?? 0) >= 2);
}
// "(ED)", "(3 West - Stroke Unit)": a unit in brackets, opening with a capital or a floor's number.
const UNIT_IN_CAPITALS_AFTER = /^[ \t]?\([A-Z0-9][^()\n]{0,40}\)/;
/** "client Jordan Blake", "patient John Smith": these may precede a full name without a colon. */
const BARE_NAME_LABELS = new Set(['patient', 'pt', 'client', 'resident', 'inmate', 'detainee', 'veteran', 'cardholder', 'member', 'enrollee', 'paciente', 'pte', 'patiente', 'patientin']);
// "waa": Somali "is" ("Lambarka xubinnimadiisu waa MW…").
const FILLERS = new Set(['number', 'no', 'num', 'nr', 'id', 'is', 'was', 'of', 'on', 'el', 'le', 'am', 'number is', 'nro', 'as', 'es', 'est', 'ist', 'waa']);
/** Checked before the token's text is built: most words after a label are no filler. */
const FILLER_HASHES = new Set([...FILLERS].map(hashWord));
/** Labels that also name non-medical things ("Policy #" of an IT policy): their IDs need a healthcare context. */
const NEEDS_CONTEXT_LABELS = new Set(['subject', 'booking', 'booking number', 'bk', 'inmate id', 'policy', 'poliza', 'policy number', 'policy no', 'policy id', 'group number', 'plan id', 'insurance number', 'insurance id', 'account', 'patient id', 'pt id', 'chart', 'chart number', 'chart no', 'expediente', 'dossier']);
const STUDY_SUBJECT = /^(?!(?:19|20)\d\d-)\d{2,4}-\d{3,5}(?![\d-])/;
const GROUP_LABELS = new Set(['group number', 'group no', 'group', 'group #', 'grp', 'group id', 'numero de grupo']);
/** Kin words that name a person by one given name: "gramma Nora", "uncle Ray", "abuela Rosa". */
const FAMILY_LABELS = ['grandma', 'gramma', 'granny', 'grandpa', 'grampa', 'auntie', 'uncle', 'abuela', 'abuelo', 'grand mere', 'oma', 'opa',
  // Newborns are charted by surname: "Baby Girl Thao".
  'baby girl', 'baby boy', 'bebe'];
/** A gap holding a full stop and then a blank: the label's sentence ended before the next capital. */
const SENTENCE_END_GAP = /\.[ \t\n]/;
/** Words that make "name" a thing's: a file's, a device's, a product's. */
const THING_BEFORE_NAME = /\b(?:file|folder|document|user|host|device|printer|product|drug|brand|vendor|project|course)[ \t]$/i;
const VENDOR_INVOICE = /\binvoice\b/i;
const GENERIC_NAME_LABELS = new Set(['name', 'nom', 'nombre', 'insured', 'beneficiary', 'resident', 'member name', 'subscriber name', 'client name', 'name of member', 'claimant', 'donor', 'recipient', 'injured worker',
  // Words that introduce a person without saying they are a patient: "my dad (Frank Russo)", "employee …", "called … back".
  'employee', 'caller', 'student', 'child', 'son', 'daughter', 'mother', 'mom', 'mum', 'father', 'dad', 'husband', 'wife', 'called', 'spoke with', 'spoke to', 'talked to', 'referring', 'referred',
  'lvm for', 'left message for', 'left a message for', 'left voicemail for', 'left a voicemail for', 'vm for', 'message for',
  'mama', 'papa', 'hijo', 'hija', 'esposo', 'esposa', 'mere', 'pere', 'fils', 'fille', 'mutter', 'vater', 'sohn', 'tochter',
  ...FAMILY_LABELS]);

const FAMILY = new Set(FAMILY_LABELS);
/** Name labels that end in "for" (phi/data/health-terms.tsv): care or a drug for the person named after them. */
const FOR_LABELS = new Set(['family meeting for', 'family conference for', 'care conference for', 'goals of care meeting for', 'prescription for', 'script for', 'refill for']);
/** "LVM for Omar", "left a message for Dana": a callback note names its person by one word. */
const MESSAGE_FOR = new Set(['lvm for', 'left message for', 'left a message for', 'left voicemail for', 'left a voicemail for', 'vm for']);

const ROLE: Partial<Record<PhiType, Role>> = {
  SSN: 'high-risk', MRN: 'high-risk', MBI: 'high-risk', HEALTH_PLAN_ID: 'high-risk',
  // A device serial identifies a patient only next to one (an infusion pump in a storage room does not): weak.
  DOB: 'strong', DATE_OF_SERVICE: 'strong', DEVICE_ID: 'weak', PATIENT_NAME: 'strong',
  BANK_ACCOUNT: 'weak', NPI: 'provider', DEA: 'provider',
};

interface ValueStart { pos: number; explicit: boolean }

/** Does the gap hold ":", "#", "=" or "no"/"nº"/"n°" (case-insensitive)? What /[:#=]|n[oº°]/i tests, without a substring. */
function explicitGap(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 35 || c === 61 || c === 0xff1a /* full-width colon */) return true;
    if ((c === 110 || c === 78) && i + 1 < e) {
      const d = text.charCodeAt(i + 1);
      if (d === 111 || d === 79 || d === 0xba || d === 0xb0) return true;
    }
  }
  return false;
}

/** Skip what may stand between a label and its value: ":", "#", "number", "is"; after a strong label also "on file". */
function valueStart(ctx: PartContext, labelEnd: number, strongLabel: boolean): ValueStart {
  const { text, tokens } = ctx;
  let pos = labelEnd;
  let explicit = false;
  for (let round = 0; round < 3; round++) {
    const gapEnd = matchAt(PATTERNS.labelGap, text, pos);
    if (gapEnd > pos) {
      if (explicitGap(text, pos, gapEnd)) explicit = true;
      pos = gapEnd;
    }
    const k = tokenIndexAt(tokens, pos);
    if (k < tokens.count && tokens.start[k] === pos && FILLER_HASHES.has(tokens.hash[k]) && FILLERS.has(tokenText(text, tokens, k))) {
      explicit = true;
      // "Member ID on file is …", "member ID on the new card is …": where the number is written, then the number
      // (not after a weak label: "our firewall policy on file is FW-…").
      pos = tokens.end[(strongLabel ? onCard(ctx, k) : undefined) ?? k];
      continue;
    }
    break;
  }
  return { pos, explicit };
}

/** After "on" at token k: the last token of "on file", "on the (new) card", else undefined. */
function onCard(ctx: PartContext, k: number): number | undefined {
  const { text, tokens } = ctx;
  if (!tokenEquals(text, tokens, k, 'on')) return undefined;
  for (let j = k + 1; j < tokens.count && j <= k + 3; j++) {
    const w = tokenText(text, tokens, j);
    if (w === 'file' || w === 'card') return j;
    if (!CARD_WORDS.has(w)) return undefined;
  }
  return undefined;
}
const CARD_WORDS = new Set(['the', 'her', 'his', 'their', 'your', 'my', 'new', 'insurance', 'member', 'id']);

/** A label alone in its table cell, its value in the next ("\tName\tZoe Ashworth\t" from an HTML table row). */
function labelCell(text: string, labelStart: number, labelEnd: number, valuePos: number): boolean {
  if (text.charCodeAt(labelStart - 1) !== 9 || valuePos - labelEnd > 3) return false;
  for (let i = labelEnd; i < valuePos; i++) if (text.charCodeAt(i) === 9) return true;
  return false;
}

/** Past a US state's postal code in capitals and the blank after it ("WI 4419027735"), or pos itself. */
function afterStateCode(ctx: PartContext, pos: number): number {
  const { text, tokens } = ctx;
  // Two capitals and a blank: asked before any token look-up (most member and plan words have a number or nothing next).
  const c0 = text.charCodeAt(pos), c1 = text.charCodeAt(pos + 1), c2 = text.charCodeAt(pos + 2);
  if (c0 < 65 || c0 > 90 || c1 < 65 || c1 > 90 || !(c2 === 32 || c2 === 9 || c2 === 58 || c2 === 35)) return pos;
  const k = tokenIndexAt(tokens, pos);
  if (k + 1 >= tokens.count || tokens.start[k] !== pos || tokens.end[k] - pos !== 2 || (tokens.flags[k] & F_ALL_UPPER) === 0) return pos;
  if (!US_STATE_CODES.has(text.slice(pos, pos + 2)) || tokens.line[k + 1] !== tokens.line[k]) return pos;
  const next = tokens.start[k + 1];
  return next - tokens.end[k] <= 3 && /^[ \t:#]+$/.test(text.slice(tokens.end[k], next)) ? next : pos;
}
const US_STATE_CODES = new Set('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR'.split(' '));

export function recognizeLabels(ctx: PartContext): void {
  for (const m of ctx.terms) {
    if (m.kind !== 'L' || !m.entry.label) continue;
    const hit = labelledValue(ctx, m, m.entry.label);
    // "AAPC member ID 01928374", "ASHA account: 12109455": a clinician's or a coder's membership of a professional
    // body (asked once a value is found: most "account" and "member" words in prose have none).
    // So is a member number the body prefixes with its own name ("Member no.: AGA-558201").
    if (hit && !((hit.type === 'HEALTH_PLAN_ID' || hit.type === 'BANK_ACCOUNT') && (professionalBodyBefore(ctx, m.first) || professionalBodyPrefix(ctx.text, hit.start)))) ctx.hits.push(hit);
  }
  recognizeBirthSuffixes(ctx);
  recognizeCjkBirthLabels(ctx);
}

/**
 * "1995년 3월 2일생", "1949年6月2日出生": in Korean and Chinese "born" follows the date, where a label
 * would stand before it in English.
 */
function recognizeBirthSuffixes(ctx: PartContext): void {
  const { text, tokens } = ctx;
  for (let d = 0; d < tokens.digitCount; d++) {
    const s = tokens.start[tokens.digitToken[d]];
    const unit = text.charCodeAt(s + 4);
    if (unit !== 0x5e74 && unit !== 0xb144) continue; // 年, 년 after four digits
    const e = dateAt(text, s);
    if (e < 0) continue;
    const after = text.charCodeAt(e);
    const born = after === 0xc0dd /* 생 */ || after === 0x751f /* 生 */ || (after === 0x51fa /* 出 */ && text.charCodeAt(e + 1) === 0x751f);
    if (!born) continue;
    ctx.hits.push(makeHit('DOB', 'high', ctx.where, s, e, 'strong', ['label:born-suffix', 'pattern:date'], `${quote(text, s, e)} followed by "born" (${text.charAt(after === 0x51fa ? e + 1 : e)}): a date of birth`));
  }
}

/**
 * "你的出生日期为2004年5月9日": a Chinese, Japanese or Korean birth-date label run together with the words around it (one token
 * to the tokenizer, so the dictionary's whole-token labels miss it), then the date, perhaps after a colon or "is".
 */
function recognizeCjkBirthLabels(ctx: PartContext): void {
  const { text } = ctx;
  let found: Set<number> | null = null;
  for (const label of CJK_BIRTH_LABELS) {
    for (let i = text.indexOf(label); i >= 0; i = text.indexOf(label, i + label.length)) {
      let p = i + label.length;
      for (let skipped = 0; skipped < 2 && CJK_LABEL_GAP.has(text.charCodeAt(p)); skipped++) p++;
      const c = text.charCodeAt(p);
      // "生年月日：平成三年五月三日": a Japanese era year, in digits or kanji numerals.
      const era = c < 48 || c > 57 ? JAPANESE_ERA_DATE.exec(text.slice(p, p + 24)) : null;
      if ((c < 48 || c > 57) && !era) continue;
      const e = era ? p + era[0].length : dateAt(text, p);
      found ??= new Set(ctx.hits.filter((h) => h.type === 'DOB').map((h) => h.start));
      if (e < 0 || found.has(p)) continue;
      found.add(p);
      ctx.hits.push(makeHit('DOB', 'high', ctx.where, p, e, 'strong', [`label:${label}`, 'pattern:date'], `"${label}" next to ${quote(text, p, e)}: a date of birth`));
    }
  }
}
const CJK_BIRTH_LABELS = ['出生日期', '生年月日', '생년월일'];
/** A date in a Japanese era ("平成3年5月3日", "昭和四十二年十一月二日", "令和元年…"): each number in digits or kanji numerals. */
const JAPANESE_ERA_DATE = /^(?:昭和|平成|令和|大正)(?:元|[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})年(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日/;
/** ":", "：", " ", "为", "是", "은", "는". */
const CJK_LABEL_GAP = new Set([58, 0xff1a, 32, 0x4e3a, 0x662f, 0xc740, 0xb294]);

/** A clinician's credential right before a label, perhaps with a bracket opening: ", MD (Member #…". */
const CREDENTIAL_BEFORE = /\b(?:MD|DO|RN|NP|PA-C|PharmD|PhD|DNP|APRN|FNP|DDS|DMD|LCSW|CRNA|RD|FACP|FAAP)[,;]?[ \t]{0,2}[([]?[ \t]{0,2}$/;

/** A weak label's value that needs no colon: a serial after "SN", a long number after an account word, a study subject number. */
function valueReadsAsOwn(text: string, term: string, pos: number): boolean {
  // Each such value opens with a digit, a capital or a hyphen: prose after "account" or "policy" ("account review") is
  // turned away before any slice or expression.
  const c = text.charCodeAt(pos);
  if (!(c >= 48 && c <= 57) && !isUpper(c) && c !== 45) return false;
  // "AirSense 11 SN 23201457339": a bare "SN" before a long serial with digits reads as a label.
  if (term === 'sn' && /^(?=[A-Z0-9-]{8,24}\b)(?:[A-Z-]*\d){6}/.test(text.slice(pos, pos + 24))) return true;
  // "Acct 20044817", "member W884471902", "Member CBHK51820377": an account or member word before a long number needs no colon.
  if (ID_WORDS.has(term) && /^[A-Z]{0,4}-?\d{6,14}(?![\dA-Za-z])/.test(text.slice(pos, pos + 20))) return true;
  // "Policy MTA-POL-1187-55042": an insurer's prefixes, then groups of digits.
  if (ID_WORDS.has(term) && isUpper(text.charCodeAt(pos)) && INSURER_PREFIXED.test(text.slice(pos, pos + 24))) return true;
  return STUDY_SUBJECT.test(text.slice(pos, pos + 12));
}

/** Is there a ":" between pos and the end of its line (at most 80 characters on)? */
function colonLaterOnLine(text: string, pos: number): boolean {
  for (let i = pos; i < text.length && i < pos + 80; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c === 58) return true;
  }
  return false;
}

/** Do the capitalised words before "(ABC" spell ABC's letters as something other than a health record's name? */
const EXPANSION_BEFORE = /((?:\p{Lu}[\p{L}-]{0,20}[ \t]){2,5})\($/u;
const HEALTH_EXPANSIONS = new Set(['medical record number', 'medical record no', 'medical records number', 'member identification number']);
function otherExpansion(text: string, labelStart: number, label: string): boolean {
  const m = EXPANSION_BEFORE.exec(text.slice(Math.max(0, labelStart - 80), labelStart));
  if (!m) return false;
  const letters = label.replace(/[^A-Za-z]/g, '').toUpperCase();
  const words = m[1].trim().split(/[ \t]+/).slice(-letters.length);
  return words.map((w) => w.charAt(0).toUpperCase()).join('') === letters && !HEALTH_EXPANSIONS.has(words.join(' ').toLowerCase());
}

const THERAPY_LINES = /(?:^|\n)[ \t]*(?:OT|SLP|ST|PTA|COTA)[ \t]*:/;

function labelledValue(ctx: PartContext, m: TermMatch, type: PhiType): Hit | null {
  const { text, tokens } = ctx;
  const labelStart = tokens.start[m.first];
  const labelEnd = tokens.end[m.last];
  const term = m.entry.term;
  const start = valueStart(ctx, labelEnd, !WEAK_LABELS.has(term));
  const { explicit } = start;
  // "Medicaid WI 4419027735": a state's programme, its postal code between the payer and the member's number.
  const pos = type === 'HEALTH_PLAN_ID' ? afterStateCode(ctx, start.pos) : start.pos;
  // "Float PT Omar Haddad", "our PT": in capitals after a staffing word, PT is the physical therapist.
  if (term === 'pt' && (tokens.flags[m.first] & F_ALL_UPPER) !== 0 && m.first > 0 && STAFF_PT_BEFORE.has(tokenText(text, tokens, m.first - 1))) return null;
  // "PT Lensa Nusantara Jaya" (an Indonesian company), "PT Sarah" (a physical therapist): in capitals and with no colon, "PT" labels no patient.
  if (term === 'pt' && (tokens.flags[m.first] & F_ALL_UPPER) !== 0 && !explicit) return null;
  // "PT: Dana, Kamran / OT: Leila / SLP: Priya": beside the other therapies' lines, "PT:" heads a discipline's staff.
  if (term === 'pt' && (tokens.flags[m.first] & F_ALL_UPPER) !== 0 && THERAPY_LINES.test(text)) return null;
  const bareNameLabel = type === 'PATIENT_NAME' && BARE_NAME_LABELS.has(term);
  // A bare "ID" is a member ID only right after an insurer, an insurance card or a member is named.
  if (term === 'id' && !insurerBefore(ctx, m.first)) return null;
  // "payer ID 60054", "Tax ID", "submitter ID": an organisation's identifier, not a member's.
  if ((term === 'id' || term === 'id number') && m.first > 0 && ORG_ID_WORDS.has(tokenText(text, tokens, m.first - 1))) return null;
  // "Liability policy: GLP-4471902", "malpractice policy #": a business's insurance, nobody's health plan.
  if (term.startsWith('policy') && m.first > 0 && BUSINESS_POLICY_WORDS.has(tokenText(text, tokens, m.first - 1))) return null;
  // "Registrant: Olamide Oyelaran, MD (Member #A-220914)": a clinician's membership of a society, no health plan's.
  if (type === 'HEALTH_PLAN_ID' && term.startsWith('member') && CREDENTIAL_BEFORE.test(text.slice(Math.max(0, labelStart - 14), labelStart))) return null;
  // "Rural Health Association organizational membership, member ID RHA-0048213": an organisation's membership dues.
  if (type === 'HEALTH_PLAN_ID' && (term.startsWith('member') || term === 'id') && ORGANISATION_MEMBERSHIP_BEFORE.test(text.slice(Math.max(0, labelStart - 48), labelStart))) return null;
  if (pos - labelEnd > 24) return null;
  // "Material Return Notice (MRN) 0044817": an abbreviation spelled out as something else just before it.
  if (text.charCodeAt(labelStart - 1) === 40 && otherExpansion(text, labelStart, text.slice(labelStart, labelEnd))) return null;
  // A value padded into a column ("MRN:        83978187") follows an explicit colon; a name there is the line's
  // last field, not the next label of a blank form ("Paciente:            Fecha: ____").
  if (pos - labelEnd > 6 && (!explicit || (type === 'PATIENT_NAME' && colonLaterOnLine(text, pos)))) return null;
  // "Subject 118-0042", "Subject: 204-0117": a trial's subject number (site-participant), never a mail's "Subject:" line.
  if (term === 'subject' && !STUDY_SUBJECT.test(text.slice(pos, pos + 12))) return null;
  // "geb. 12.05.1958": the German abbreviation's period says a birth date follows.
  const abbreviated = term === 'geb' && text.charCodeAt(labelEnd) === 46;
  // A weak label needs a colon, a table cell or a value that reads as its own (checked last: most labels in
  // prose are weak words, "account", "policy", with no value at all).
  if (WEAK_LABELS.has(term) && !explicit && !abbreviated && !bareNameLabel && term !== 'id' && !valueReadsAsOwn(text, term, pos) && !labelCell(text, labelStart, labelEnd, pos)) return null;
  // "Your professional liability policy for volunteer nurses (Policy No. GL-…)": named a line before the label.
  if (term.startsWith('policy') && wordsBefore(ctx, m.first, 8, 80).some((w) => LIABILITY_WORDS.has(w))) return null;
  // "Agency member ID HL-M-004431", "rewards member #…": a membership of no health plan.
  if (term.startsWith('member') || term === 'id') {
    let b = m.first - 1;
    if (term === 'id' && b >= 0 && tokenEquals(text, tokens, b, 'member')) b--;
    if (b >= 0 && tokens.line[b] === tokens.line[m.first] && NON_PLAN_MEMBERSHIP.has(tokenText(text, tokens, b))) return null;
    // "Your Executive Business Membership … Member ID: W482…", "your facility membership in … Purchasing Alliance".
    if (namesOtherMembership(ctx)) return null;
  }
  // Its cardholder is that membership's too ("Primary cardholder: Owen …" on a wholesale club's renewal).
  if (term === 'cardholder' && namesOtherMembership(ctx)) return null;
  // Built only once a value is found (most labels in ordinary prose have none).
  const reasons = (): string[] => [`label:${term}`, `distance:${pos - labelEnd}`];
  const make = (t: PhiType, end: number, confidence: 'high' | 'medium', extra: string[], explain: string): Hit =>
    makeHit(t, confidence, ctx.where, pos, end, ROLE[t] ?? 'weak', [...reasons(), ...extra], explain);
  // Only quoted once a value is found (most labels in ordinary prose have none).
  const label = (): string => quote(text, labelStart, labelEnd);
  switch (type) {
    case 'DOB':
    case 'DATE_OF_SERVICE': {
      const end = dateAt(text, pos);
      if (end < 0) return null;
      addNameBefore(ctx, m);
      const what = type === 'DOB' ? 'date of birth' : 'date of service';
      // "INVOICE … Service date: 03/21 … Preventive maintenance, colposcope": a vendor's visit to a machine, no one's care.
      if (type === 'DATE_OF_SERVICE' && VENDOR_INVOICE.test(text) && (ctx.equipmentService ??= EQUIPMENT_SERVICE.test(text))) {
        const h = make(type, end, 'medium', ['pattern:date', 'equipment-service'], `${label()} next to ${quote(text, pos, end)} on a vendor's invoice for servicing equipment`);
        h.confidence = 'low';
        return h;
      }
      return make(type, end, type === 'DOB' ? 'high' : 'medium', ['pattern:date'], `${label()} next to ${quote(text, pos, end)}: a ${what}`);
    }
    case 'SSN': {
      const end = matchAt(PATTERNS.ssnLoose, text, pos);
      if (end < 0) return null;
      const kind = ssnKind(text.slice(pos, end).replace(/\D/g, ''));
      if (!kind) return null;
      addNameBefore(ctx, m);
      return make('SSN', end, 'high', [`pattern:${kind}`, 'rules:ssa-issuance'], `${label()} next to a valid ${kind === 'itin' ? 'ITIN' : 'Social Security number'}`);
    }
    case 'MBI': {
      const end = matchAt(PATTERNS.mbi, text, pos);
      if (end < 0 || !mbiValid(text.slice(pos, end).replace(/-/g, ''))) return null;
      addNameBefore(ctx, m);
      return make('MBI', end, 'high', ['pattern:mbi', 'rules:cms-mbi'], `${label()} next to a Medicare Beneficiary Identifier`);
    }
    case 'NPI': {
      const end = matchAt(PATTERNS.tenDigits, text, pos);
      if (end < 0 || !npiValid(text.slice(pos, end))) return null;
      return make('NPI', end, 'high', ['pattern:npi', 'checksum:luhn-80840'], `${label()} next to a valid provider NPI`);
    }
    case 'DEA': {
      const end = matchAt(PATTERNS.dea, text, pos);
      if (end < 0 || !deaValid(text.slice(pos, end))) return null;
      return make('DEA', end, 'high', ['pattern:dea', 'checksum:dea'], `${label()} next to a valid DEA registration number`);
    }
    case 'PATIENT_NAME': {
      // "pon: … wt: … pt: Dorota wolne": in a Polish rota "pt" is Friday (piątek).
      if (term === 'pt' && isPolishRota(ctx)) return null;
      // "conectar con el bebé. Tiene tratamiento": a word that merely introduces a person ends its sentence there.
      // So does a patient word written out ("no identifican a ningún paciente. - Beatriz Salcedo"); "Pt. Ruiz" is an abbreviation.
      if ((GENERIC_NAME_LABELS.has(term) || (BARE_NAME_LABELS.has(term) && term.length > 3)) && SENTENCE_END_GAP.test(text.slice(labelEnd, pos))) return null;
      // "Baby Boy-Girl LAST", "Baby Girl/Boy": a form's choice of words joined to the label, no name after it.
      if (GENERIC_NAME_LABELS.has(term) && /^[-\/]/.test(text.slice(labelEnd, pos))) return null;
      let end = nameAt(ctx, pos, explicit || MESSAGE_FOR.has(term) || FAMILY.has(term) ? 1 : 2);
      // "called Omar back": one name word, then "back".
      if (end < 0 && term === 'called') {
        const e = nameAt(ctx, pos, 1);
        if (e > 0 && /^[ \t]{1,2}back\b/.test(text.slice(e, e + 7))) end = e;
      }
      // "pte Villalba H., 12/01/75": a surname with the initial of the given name after it is a full name too.
      if (end < 0 && BARE_NAME_LABELS.has(term)) {
        const k = tokenIndexAt(ctx.tokens, pos);
        if (k < ctx.tokens.count && ctx.tokens.start[k] === pos) end = surnameAndInitial(ctx, k);
      }
      // Lower-case mail: "pt giovanni russo 72yo". A listed given name opens it: "new pt scheduling rules" names nobody.
      if (end < 0 && BARE_NAME_LABELS.has(term) && isCasual(ctx) && isGivenName(ctx, pos)) end = casualNameAt(ctx, pos, 2);
      // "Patient: KATHERINE O'DELL": after an explicit label a name may be typed in capitals.
      if (end < 0 && explicit) {
        const caps = CAPS_NAME.exec(text.slice(pos, pos + 60));
        if (caps && !caps[0].split(/[ \t]+/).some((w) => w.length > 1 && CAPS_STOP.has(w.toLowerCase()))) end = pos + caps[0].length;
      }
      // "pt JK 03/22/1988 RPR reactive": initials and a date of birth stand for the patient.
      if (end < 0 && BARE_NAME_LABELS.has(term)) return initialsWithBirthDate(ctx, pos, reasons());
      if (end < 0 || notAPerson(text, pos, end) || organisationAfter(text, end)) return null;
      // "prescription for Verna Stolz", "family meeting for Adelaide Brisco": after a phrase ending in "for", capitalised
      // words are a person only from a listed given name ("prescription for Controlled Substances" is a heading's).
      if (FOR_LABELS.has(term) && !isGivenName(ctx, pos)) return null;
      // "Please charge the clinic's corporate card … Cardholder is Dwayne Purcell": a business card's holder is staff.
      if (term === 'cardholder' && BUSINESS_CARD_NEAR.test(text.slice(Math.max(0, labelStart - 240), labelStart))) return null;
      // "Member_ID_Verification_Refresher.pptx": in a file name, one word after a label is a name only when it is a listed given name.
      if ((ctx.where === 'attachment-name' || ctx.where.endsWith(':attachment-name')) && !/\s/.test(text.slice(pos, end)) && !isGivenName(ctx, pos)) return null;
      const generic = GENERIC_NAME_LABELS.has(term);
      // "File name: Referral_….pdf", "Printer name: MFP-2": a thing's name, no person's.
      if (term === 'name' && THING_BEFORE_NAME.test(text.slice(Math.max(0, labelStart - 12), labelStart))) return null;
      // "Name: Oluwaseun Brandvold, MD" on an enrollment packet: a clinician's own details.
      if (generic && CREDENTIAL_AFTER.test(text.slice(end, end + 10))) return null;
      // "Ticket INC-20533 … Caller: K. Strand (ED)": a service desk's caller, their unit in brackets after them, is staff.
      if (term === 'caller' && UNIT_IN_CAPITALS_AFTER.test(text.slice(end, end + 48)) && isServiceDesk(ctx)) {
        (ctx.staffNames ??= []).push(personKey(text.slice(pos, end)));
        return null;
      }
      const h = make('PATIENT_NAME', end, generic ? 'medium' : 'high', [generic ? 'name:generic-label' : 'name:patient-label'], `${label()} followed by a person's name ${quote(text, pos, end)}`);
      if (generic) h.role = 'named';
      return h;
    }
    case 'BANK_ACCOUNT': {
      const end = matchAt(PATTERNS.idValue, text, pos);
      if (end < 0) return null;
      const value = text.slice(pos, end);
      const digits = value.replace(/\D/g, '');
      const routing = /rout|aba|rtn/.test(term);
      if (routing) {
        if (!abaValid(value)) return null;
        return make('BANK_ACCOUNT', end, 'high', ['pattern:aba', 'checksum:aba'], `${label()} next to a valid bank routing number`);
      }
      if (digits.length < 4) return null;
      // "customer account 0045521": a practice's account with its supplier, nobody's bank account.
      if (m.first > 0 && BUSINESS_ACCOUNT_BEFORE.has(tokenText(text, ctx.tokens, m.first - 1).toLowerCase())) return null;
      // "Current backorders for account 0038821-004": a distributor's report on a customer's account.
      if (wordsBefore(ctx, m.first, 3, 30).some((w) => STOCK_REPORT_WORDS.has(w))) return null;
      addNameAfter(ctx, m, end);
      // "Remit by ACH: routing …, account … (MedSource Distribution LLC)": a company's account takes payments; it is no patient's.
      const business = BUSINESS_REMITTANCE.test(lineWindow(text, pos, end)) || BUSINESS_HOLDER_AFTER.test(text.slice(end, end + 48));
      return make('BANK_ACCOUNT', end, 'medium', ['pattern:account', ...(business ? ['account:business'] : [])], `${label()} next to an account number${business ? ", a company's" : ''}`);
    }
    default: {
      // MRN, HEALTH_PLAN_ID, DEVICE_ID: an identifier-shaped value with enough digits.
      let end = matchAt(PATTERNS.idValue, text, pos);
      if (end < 0) return null;
      // "PSH 502 881 364": a short prefix, then groups of digits as printed on a card.
      if (end - pos <= 4) end = spacedGroupsEnd(text, end);
      const value = text.slice(pos, end);
      const digits = value.replace(/\D/g, '').length;
      if (digits < 3 || (digits < 4 && value.length < 6)) return null;
      if (/^(\d)\1+$/.test(value)) return null; // "serial 0000", "MRN 1111111": a placeholder, no one's number
      if (/^(?:19|20)\d\d$/.test(value)) return null; // a year, not an identifier
      if (/^\.\d\d(?!\d)/.test(text.slice(end, end + 4))) return null; // "Idaho Medicaid,88210.00": an amount in a ledger
      if (/[xX]{3,}/.test(value)) return null; // "WS3-00xxxx": a masked or generic number, nobody's
      if (/^\d{3}-\d{2}-\d{4}$/.test(value) && isExampleSsn(value.replace(/-/g, ''))) return null; // "belong to no patient: 078-05-1120"
      if (type === 'HEALTH_PLAN_ID' && (digits < 5 || /^(?:19|20)\d\d-/.test(value))) return null; // "Policy No. 2024-017" is a document
      // "Plan ID: 88120VT0040017": a marketplace plan's HIOS number (issuer, state, product, plan) names the product, no member.
      if (type === 'HEALTH_PLAN_ID' && /^\d{5}[A-Z]{2}\d{7}(?:-\d{2})?$/.test(value)) return null;
      // "Questions: Clinical Policy, 555-0106": a department's phone number after its name.
      if (type === 'HEALTH_PLAN_ID' && !explicit && /^(?:\(?[2-9]\d{2}\)?[ .-])?[2-9]\d{2}-\d{4}$/.test(value)) return null;
      // A group number belongs to an employer's plan: the words around it name the plan, not a member.
      if (!GROUP_LABELS.has(term)) {
        // Before a serial number stands the device's model ("DermaVista Pro (serial …)"), not its owner.
        if (type !== 'DEVICE_ID') addNameBefore(ctx, m);
        addNameAfter(ctx, m, end);
      }
      const context = NEEDS_CONTEXT_LABELS.has(term) ? ['needs-context'] : [];
      const what = type === 'MRN' ? 'medical record number' : type === 'HEALTH_PLAN_ID' ? 'health plan / member ID' : 'device identifier';
      // "SN 4HX10322, 4HX10397, 4HX11054": serials listed together are equipment, no one patient's device; so are
      // the serials of a service visit ("field engineer", "preventive maintenance").
      // A shipping container's or an office machine's serial ("cold-chain shipper serial CS-20417") is no one's device.
      if (type === 'DEVICE_ID' && (SERIAL_LIST.test(text.slice(end, end + 16)) || (m.first > 0 && CONTAINER_WORDS.has(tokenText(text, ctx.tokens, m.first - 1))) || (ctx.equipmentService ??= EQUIPMENT_SERVICE.test(text)))) {
        const h = make(type, end, 'medium', [...context, 'pattern:labelled-id', 'device-list'], `${label()} next to serial numbers listed together: equipment`);
        h.role = 'contact';
        return h;
      }
      const h = make(type, end, 'high', [...context, 'pattern:labelled-id'], `${label()} next to a ${what}`);
      // A group number names an employer's plan, shared by every employee: one person's only with their health content.
      if (GROUP_LABELS.has(term)) h.role = 'weak';
      return h;
    }
  }
}

/** Memberships that are no health plan's. */
const NON_PLAN_MEMBERSHIP = new Set(['agency', 'association', 'union', 'club', 'gym', 'loyalty', 'rewards', 'library', 'alumni', 'chamber', 'society', 'registry', 'guild', 'cooperative', 'co-op']);
/** A membership of a business, a club or a buying group named in the text: its member IDs are that membership's. */
const OTHER_MEMBERSHIP = /\b(?:business|facility|corporate|club|gym|loyalty|rewards|alumni|purchasing|wholesale|warehouse|professional|institutional) member(?:ship)?s?\b/i;
const otherMembership = new WeakMap<PartContext, boolean>();
function namesOtherMembership(ctx: PartContext): boolean {
  let named = otherMembership.get(ctx);
  if (named === undefined) otherMembership.set(ctx, (named = OTHER_MEMBERSHIP.test(ctx.text)));
  return named;
}
const CONTAINER_WORDS = new Set(['shipper', 'cooler', 'tote', 'container', 'pallet', 'printer', 'copier', 'scanner', 'fridge', 'freezer', 'refrigerator', 'laptop', 'workstation']);
/** Words of an equipment service visit. */
const EQUIPMENT_SERVICE = /\b(?:preventive maintenance|field (?:engineer|service)|service (?:ticket|case|visit|call)|work order|biomed)\b/i;
const ID_WORDS = new Set(['acct', 'account', 'member', 'miembro', 'afiliado', 'policy', 'poliza', 'chart']);
const INSURER_PREFIXED = /^[A-Z]{2,4}-[A-Z]{2,4}-\d{3,6}-\d{3,6}(?![\dA-Za-z])/;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const SPACED_GROUP = /^ \d{3,4}(?![A-Za-z0-9])/;
// "SN 4HX10322, 4HX10397", "serials NT3-009412 through NT3-009417": several at once, a range among them.
const SERIAL_LIST = /^(?:[ \t]?[,;\/]|[ \t](?:through|thru|to)[ \t]|[ \t]?[–-][ \t])[ \t]?[A-Z0-9-]*\d[A-Z0-9-]{3,}/;
function spacedGroupsEnd(text: string, end: number): number {
  for (let g = 0; g < 4; g++) {
    const m = SPACED_GROUP.exec(text.slice(end, end + 6));
    if (!m) break;
    end += m[0].length;
  }
  return end;
}
/** Two or three words in capitals: "KATHERINE O'DELL", "NGUYEN THI LAN", "SHAUNA T. BELLAMY". */
const CAPS_NAME = /^[A-ZÀ-Þ][A-ZÀ-Þ'’-]{1,24}(?:[ \t](?:[A-Z]\.?[ \t])?[A-ZÀ-Þ][A-ZÀ-Þ'’-]{1,24}){1,2}(?![A-Za-z])/;
const CAPS_STOP = new Set(['the', 'and', 'of', 'for', 'test', 'name', 'unknown', 'none', 'patient', 'dob', 'mrn', 'see', 'attached', 'n/a', 'na', 'tbd']);
const INITIALS_DATE = /^([A-Z]{2,3})[ \t]{1,2}(?=\d)/;
/** Initials after "pt"/"patient" followed by a date of the last century: the initials name the patient, the date is their birth date. */
function initialsWithBirthDate(ctx: PartContext, pos: number, reasons: string[]): Hit | null {
  const { text } = ctx;
  const m = INITIALS_DATE.exec(text.slice(pos, pos + 6));
  if (!m) return null;
  const ds = pos + m[0].length;
  const de = dateAt(text, ds);
  if (de < 0 || !/(?:^|\D)19\d\d$|\/[4-9]\d$/.test(text.slice(ds, de))) return null;
  ctx.hits.push(makeHit('DOB', 'high', ctx.where, ds, de, 'strong', [...reasons, 'pattern:date', 'date:after-initials'], `${quote(text, ds, de)} after the patient's initials: a date of birth`));
  const h = makeHit('PATIENT_NAME', 'medium', ctx.where, pos, pos + m[1].length, 'named', [...reasons, 'name:initials'], `${quote(text, pos, pos + m[1].length)} are a patient's initials`);
  return h;
}

/** "John Smith, DOB 01/02/1960" / "Re: SMITH, JOHN MRN 123": the name right before a patient identifier label. */
function addNameBefore(ctx: PartContext, m: TermMatch): void {
  const span = nameBefore(ctx, m.first);
  if (!span) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'high', ctx.where, span[0], span[1], 'strong', ['name:next-to-identifier', `label:${m.entry.term}`], `${quote(ctx.text, span[0], span[1])} stands right before ${quote(ctx.text, ctx.tokens.start[m.first], ctx.tokens.end[m.last])}: a patient's name`));
}

/** "patient acct 5540081123 (Vera Lindqvist)", "MRN 40733126 (Luis Gutierrez)": the name in brackets right after the number. */
function addNameAfter(ctx: PartContext, m: TermMatch, valueEnd: number): void {
  const { text } = ctx;
  if (text.charCodeAt(valueEnd) !== 32 || text.charCodeAt(valueEnd + 1) !== 40 /* ( */) return;
  const s = valueEnd + 2;
  const e = nameAt(ctx, s, 2);
  if (e < 0 || text.charCodeAt(e) !== 41 /* ) */ || notAPerson(text, s, e)) return;
  // A bare "account 88-41207 (Riverbend Pilsen)" may be a vendor's customer, a site: a patient's account
  // ("patient acct …") or a listed given name says it is a person.
  if (ACCOUNT_LABELS.has(m.entry.term) && !isGivenName(ctx, s) && !(m.first > 0 && PATIENT_WORDS.has(tokenText(text, ctx.tokens, m.first - 1)))) return;
  ctx.hits.push(makeHit('PATIENT_NAME', 'high', ctx.where, s, e, 'strong', ['name:next-to-identifier', `label:${m.entry.term}`], `${quote(text, s, e)} in brackets after ${quote(text, ctx.tokens.start[m.first], ctx.tokens.end[m.last])}: a patient's name`));
}

const STAFF_PT_BEFORE = new Set(['float', 'staff', 'lead', 'senior', 'travel', 'contract', 'diem', 'home', 'outpatient', 'inpatient', 'the', 'our', 'a', 'your', 'new', 'covering']);
const PATIENT_WORDS = new Set(['patient', 'pt', 'member', 'guarantor']);
const ACCOUNT_LABELS = new Set(['account', 'acct', 'account number', 'account no', 'account #']);
/** Insurance no health plan is: a business's liability, a building's property cover. */
const LIABILITY_WORDS = new Set(['liability', 'malpractice', 'umbrella', 'cyber', 'fleet', 'property']);
const BUSINESS_POLICY_WORDS = new Set(['liability', 'malpractice', 'professional', 'property', 'umbrella', 'auto', 'vehicle', 'fleet', 'cyber', 'crime', 'bond', 'fidelity', 'flood', 'fire', 'building', 'business', 'commercial', 'travel', 'privacy', 'refund', 'return', 'returns', 'cancellation', 'retention',
  // "Group policy number GRP-…, 14 enrolled employees": an employer's plan, no member's number.
  'group', 'master']);
/** One of the two words before the label ("AAPC member ID", "ASHA account") names a professional body. */
function professionalBodyBefore(ctx: PartContext, first: number): boolean {
  const { text, tokens } = ctx;
  for (let j = first - 1; j >= 0 && j >= first - 2 && tokens.line[j] === tokens.line[first]; j--) {
    if (PROFESSIONAL_BODIES.has(tokenText(text, tokens, j))) return true;
  }
  return false;
}
/** A value that opens with a professional body's name and a dash ("AGA-558201"). */
function professionalBodyPrefix(text: string, start: number): boolean {
  const m = BODY_PREFIX.exec(text.slice(start, start + 8));
  return m !== null && PROFESSIONAL_BODIES.has(m[1].toLowerCase());
}
const BODY_PREFIX = /^([A-Za-z]{3,6})-/;
/** Professional bodies and boards whose members are clinicians, coders or therapists (folded). */
const PROFESSIONAL_BODIES = new Set(['aapc', 'ahima', 'asha', 'ama', 'aanp', 'aapa', 'aota', 'apta', 'nbcot', 'nccpa', 'aana', 'acog', 'aafp', 'acp', 'abim', 'aacn', 'ncbde', 'adces', 'aade', 'nbrc', 'arrt', 'ardms', 'ptcb',
  // Specialty societies that run the congresses clinicians register for (Digestive Disease Week, ASCO's meeting).
  'aga', 'asge', 'acg', 'asco', 'aad', 'aan', 'acep', 'sgna', 'idsa', 'aaos',
  // A group purchasing organisation, whose members are hospitals and clinics ("GPO member number" on a quote).
  'gpo']);
const ORG_ID_WORDS = new Set(['payer', 'payor', 'tax', 'employer', 'provider', 'vendor', 'submitter', 'receiver', 'sender', 'clearinghouse', 'partner', 'federal', 'tin', 'ein', 'npi', 'transaction', 'batch', 'trading', 'facility', 'practice', 'group', 'plan',
  // "Meeting ID 4821 7730": a call's or a room's number.
  'meeting', 'conference', 'webinar', 'zoom', 'session', 'room', 'access',
  // "Terminal ID: TRM-55021", "Device ID" of a card reader: a machine's number.
  'terminal', 'merchant', 'store']);

// "member <name>, ID …", "subscriber …, ID …": the person a plan covers.
const INSURER_CONTEXT = new Set(['insurance', 'insurer', 'card', 'bcbs', 'cross', 'aetna', 'cigna', 'unitedhealthcare', 'humana', 'anthem', 'kaiser', 'medicaid', 'medicare', 'tricare', 'plan', 'payer',
  // State Medicaid programmes by their own names.
  'ahcccs', 'medi', 'cal', 'masshealth', 'tenncare', 'soonercare', 'husky', 'badgercare', 'chip', 'healthchoice',
  'member', 'subscriber', 'enrollee', 'beneficiary', 'afiliado', 'asegurado', 'versicherter', 'assure']);

function insurerBefore(ctx: PartContext, k: number): boolean {
  const before = wordsBefore(ctx, k, 6, 60);
  // "Payer ID 60054 (commercial), ID 87726 (Medicaid)": a list of payers' IDs goes on, no member's.
  for (let i = 1; i < before.length; i++) if (before[i - 1] === 'id' && ORG_ID_WORDS.has(before[i])) return false;
  return before.some((w) => INSURER_CONTEXT.has(w));
}
