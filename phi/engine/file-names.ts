/**
 * Identifiers written into a file name: "Villarreal_Ernesto_DOB1958-07-22_PET-CT.pdf", "…_MRN7781234_….pdf".
 * Read in attachment names (names.ts) and in the last path segment of a link (identifiers.ts), since a
 * share link to a report is named like the report.
 */
import type { PartContext } from './context.ts';
import { foldTerm, hashWord } from './fold.ts';
import { makeHit, quote } from './hit.ts';

const FILE_NAME_MRN = /(?:^|[_\- .])MRN[_\- #]?(\d{5,12})(?=[_\- .]|$)/i;
const FILE_NAME_DOB = /(?:^|[_\- .])(?:dob|birth|geb|fdn|fn|ddn|nac)[_\- ]?((?:19|20)\d\d[-_]?[01]\d[-_]?[0-3]\d|[0-3]?\d[-_][0-3]?\d[-_](?:19|20)?\d\d|[01]\d[0-3]\d(?:19|20)\d\d)(?=[_\- .]|$)/i;
/** "NGUYEN_THI_LAN_1958-11-03_…": a full date from the last century right after a name part is a birth date (scans and reports carry this century's dates). */
const FILE_NAME_OLD_DATE = /(?:^|[_\- .])[A-Za-zÀ-ÿ]{2,}[_\- ](19\d\d[-_]?[01]\d[-_]?[0-3]\d)(?=[_\- .]|$)/;

/** "SC-0042287_ECT_consent_signed.pdf": a clinical document filed under a chart number (its name's first part). */
const FILE_NAME_CHART_FIRST = /^([A-Z]{1,4}-?\d{5,10})[_\- ]/;
/** "Arreola_Consuelo_HV5518204_UFE_consent_signed.pdf": or right after the surname and given name it is filed under. */
const FILE_NAME_CHART_AFTER_NAME = /^[A-Za-zÀ-ÿ'’-]{2,30}_[A-Za-zÀ-ÿ'’-]{2,30}_([A-Z]{1,4}-?\d{5,10})(?=[_\- .])/;
/** "OpNote_CH-1799240_L-TKA_2025-04-21.pdf": or right after the kind of document that opens the name. */
export const DOCUMENT_FIRST = /^(?:scan|op[_\- ]?note|operative[_\- ]note|consent|labs?|results|referral|discharge|progress[_\- ]?notes?|h&p|pathology|path|imaging|mri|ct|xray|x-ray|ekg|ecg|eeg|echo|intake|assessment|audiogram)[_\- ]/i;
/** A camera's own numbering ("IMG1234", "DSC01234", "PXL2025…"), no chart's. */
export const CAMERA_PREFIX = /^(?:img|dsc|dscn|dscf|pxl|vid|mvimg|photo|pic|scan|sam|gopr|dji|p)\d/i;
/** A career document (a CV, a cover letter): its holder's work, no one's care. */
export const CAREER_FILE = /(?:^|[_\-. ])(?:cv|resume|r[ée]sum[ée]|cover[_\- ]?letter)(?:[_\-. ]|$)/i;
/** An invoice's, order's, quote's or ticket's number ("INV-2024118", "PO-55120", "INC-0412"), no chart's. */
export const ORDER_PREFIX = /^(?:inv|po|so|rma|ord|qt|sku|tkt|inc|req|chg|wo|case)-?\d/i;
// A transport's or a supplier's paperwork for one patient counts: "…_PCS_stretcher.pdf" (a physician certification
// statement), a certificate of medical necessity (CMN), a plan of care (POC), an authorization.
const CLINICAL_DOCUMENT = /(?:^|[_\- ])(?:consent|consents|labs?|results|referral|discharge|chart|progress|notes?|h&p|operative|op[_\- ]?note|pathology|path|imaging|mri|ct|xray|x-ray|ekg|ecg|eeg|echo|ect|sedation|anesthesia|prescription|rx|mar|intake|assessment|audiogram|spirometry|pft|dxa|dexa|pcs|cmn|poc|eval|evaluation|auth|authorization|certification|orders|post-?op|pre-?op|wound|hst|psg|holter|polysomnography|duplex|ultrasound|nst|bpp|mbs|vfss|swallow)(?=[_\- .]|$)/i;

/** A clinical document's kind among the name's parts, or two such words joined in CamelCase ("…_DischargeSummary_…"). */
export function clinicalDocument(name: string): boolean {
  return CLINICAL_DOCUMENT.test(name) || CLINICAL_DOCUMENT_JOINED.test(name);
}
const CLINICAL_DOCUMENT_JOINED = /(?:Discharge|Progress|Operative|Pathology|Path|Consult|Referral|Imaging|Radiology|Surgical|Admission|Echo|Holter|Lab|Labs|Sleep|Stress|Biopsy|Audiology)(?:Summary|Notes?|Reports?|Results?|Letter)|(?:Psych|Neuropsych|Psychiatric|Speech|Feeding|Developmental|Cognitive|OT|PT)(?:Eval|Evaluation|Assessment)|(?:Civil|Involuntary)Commitment|(?:Venous|Arterial|Carotid|Renal)Duplex/;

/** "…_BIRADS4_…", "…_A1c9.2_…", "…_LVEF30_…": a result glued to its test's name, as file names write them (the text's tokens see one word). */
// A cognitive screen's score too ("…_MoCA14.pdf", "MMSE22", "SLUMS19"), and a bone scan's T-score ("Tscore-3.1").
const FILE_NAME_RESULT = /(?:^|[_\- .])(bi-?rads|hba1c|a1c|inr|egfr|psa|tsh|ldl|lvef|ef|bnp|hgb|moca|mmse|slums|tscore|zscore)[_\-]?(\d{1,3}(?:\.\d{1,2})?[a-c]?)(?=[_\- ]|\.[a-z]{2,4}$|$)/i;

/** "…_sacral_PI_stage4_…", "…_stageIIIA_…", "…_CKD4_…", "…_GOLD3_…": a disease's or a wound's stage, glued to the word as file names write it. */
const FILE_NAME_STAGE = /(?:^|[_\- .])(?:stage|ckd|gold|nyha)[_\-]?(?:[1-5]|iv|i{1,3})[a-c]?(?=[_\- ]|\.[a-z]{2,4}$|$)/i;

/** The last path segment of a link when it is named like a file ("…/share/Katz_Avital_PGT-M.pdf"): its bounds in the link, or null. */
export function linkFileSegment(url: string): { start: number; end: number } | null {
  const end = url.search(/[?#]|$/);
  const start = url.lastIndexOf('/', end - 1) + 1;
  return /\.[A-Za-z]{2,4}$/.test(url.slice(start, end)) ? { start, end } : null;
}

/** Pushes the date of birth, the record number, a stage and a glued result written into `name`, which starts at `offset` in the part. */
export function fileNameIdentifiers(ctx: PartContext, name: string, offset: number): void {
  const { text, where } = ctx;
  const dob = FILE_NAME_DOB.exec(name) ?? FILE_NAME_OLD_DATE.exec(name);
  if (dob) {
    const ds = offset + dob.index + dob[0].length - dob[1].length;
    const ls = offset + dob.index + (/^[_\- .]/.test(dob[0]) ? 1 : 0);
    ctx.hits.push(makeHit('DOB', 'high', where, ds, ds + dob[1].length, 'strong', ['label:dob', 'pattern:date', 'file-name'], `${quote(text, ls, ds + dob[1].length)} in a file name: a date of birth`));
  }
  // A number labelled "MRN" in the name is read as such below; only an unlabelled one is a chart number by its place.
  const mrn = FILE_NAME_MRN.exec(name);
  const first = mrn ? null : FILE_NAME_CHART_FIRST.exec(name);
  const afterName = first || mrn ? null : FILE_NAME_CHART_AFTER_NAME.exec(name);
  const document = first || afterName || mrn ? null : DOCUMENT_FIRST.exec(name);
  const afterDocument = document ? FILE_NAME_CHART_FIRST.exec(name.slice(document[0].length)) : null;
  const chart = first ?? afterName ?? afterDocument;
  if (chart && !CAMERA_PREFIX.test(chart[1]) && !ORDER_PREFIX.test(chart[1]) && (afterDocument || clinicalDocument(name))) {
    const cs = offset + (afterDocument ? document![0].length : 0) + chart.index + chart[0].indexOf(chart[1]);
    // Filed under a patient's name, a number that happens to pass the DEA check ("HV5518204") is still their chart's.
    if (afterName) ctx.hits = ctx.hits.filter((h) => !(h.type === 'DEA' && h.start === cs));
    ctx.hits.push(makeHit('MRN', 'medium', where, cs, cs + chart[1].length, 'high-risk', ['pattern:chart-number-file', 'file-name'], `${quote(text, cs, cs + chart[1].length)} in the name of a clinical document: the chart number it is filed under`));
  }
  const result = FILE_NAME_RESULT.exec(name);
  if (result) {
    const rs = offset + result.index + (/^[_\- .]/.test(result[0]) ? 1 : 0);
    const re = offset + result.index + result[0].length;
    ctx.hits.push(makeHit('LAB_RESULT', 'medium', where, rs, re, 'health', ['dictionary:lab', 'pattern:lab-value', 'file-name'], `${quote(text, rs, re)} in a file name: a test and its result`));
  }
  const stage = FILE_NAME_STAGE.exec(name);
  if (stage) {
    const ss = offset + stage.index + (/^[_\- .]/.test(stage[0]) ? 1 : 0);
    const se = offset + stage.index + stage[0].length;
    ctx.hits.push(makeHit('DIAGNOSIS', 'medium', where, ss, se, 'health', ['pattern:stage', 'file-name'], `${quote(text, ss, se)} in a file name: a disease's or a wound's stage`));
  }
  camelCaseConditions(ctx, name, offset);
  if (mrn) {
    const ms = offset + mrn.index + mrn[0].length - mrn[1].length;
    ctx.hits.push(makeHit('MRN', 'high', where, ms, ms + mrn[1].length, 'high-risk', ['label:mrn', 'pattern:labelled-id', 'file-name'], `${quote(text, ms, ms + mrn[1].length)} after "MRN" in a file name: a medical record number`));
  }
}

/** A part of a file name written in CamelCase ("MelanomaPathReport", "AsthmaActionPlan"): two capitalised words or more. */
const CAMEL_CASE_PART = /(?:^|[_\- .])((?:[A-Z][a-z]{2,20}){2,6})(?=[_\- .]|$)/g;
const CAMEL_WORD = /[A-Z][a-z]{2,20}/g;
/** "Thibodeaux_Marcel_MelanomaPathReport_2025-02-11.pdf": a condition glued into a CamelCase part of the name is one. */
function camelCaseConditions(ctx: PartContext, name: string, offset: number): void {
  for (const part of name.matchAll(CAMEL_CASE_PART)) {
    const ps = part.index + part[0].length - part[1].length;
    for (const w of part[1].matchAll(CAMEL_WORD)) {
      const term = foldTerm(w[0].toLowerCase());
      if (term.length < 4 || !ctx.dict.byFirstToken.get(hashWord(term))?.some((e) => e.kind === 'c' && e.term === term)) continue;
      const s = offset + ps + w.index;
      ctx.hits.push(makeHit('DIAGNOSIS', 'medium', ctx.where, s, s + w[0].length, 'health', ['dictionary:condition', 'file-name', 'camel-case'], `${quote(ctx.text, s, s + w[0].length)} in a file name: a diagnosis or condition`));
    }
  }
}
