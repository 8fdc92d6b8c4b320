/**
 * Dictionary look-up over the token stream. The tokenizer already probed the first-token table for
 * every token (a 16 KB bit filter, then the hash table); here only the tokens it found are verified
 * against their entries, multi-word terms by comparing the following tokens (hash first, then text).
 * No per-term regexes.
 */
import type { Dictionary, TermEntry } from '../dictionary/codec.ts';
import { hashWord } from './fold.ts';
import { KIND } from '../dictionary/kinds.ts';
import { F_ALL_UPPER, F_DIGIT, tokenEquals, tokenText, type Tokens } from './tokenizer.ts';

export interface TermMatch {
  entry: TermEntry;
  kind: string;
  /** First and last token index. */
  first: number;
  last: number;
}

/** Short clinical abbreviations read as words in lower case ("cad", "tia", "aids", "gad"): only count them in capitals. */
const UPPER_ONLY_LEN = 4;
const LOWER_CASE_OK = new Set(['flu', 'gout', 'acne', 'copd', 'afib', 'asma', 'mri', 'bmi', 'inr', 'egfr', 'gfr', 'a1c', 'hba1c', 'psa', 'tsh', 'ldl', 'hdl', 'bun', 'wbc', 'dob', 'mrn', 'ssn', 'mbi', 'npi', 'dea', 'pt', 'ss', 'mr', 'mrs', 'ms', 'sr', 'sra', 'mme', 'md', 'rn', 'np', 'pa', 'geb', 'iron', 'temp', 'pulse', 'bp', 'ct', 'pet', 'chemo', 'rx', 'ekg', 'ecg', 'eeg', 'dx', 'icd', 'cpt', 'eob', 'ehr', 'emr', 'nom', 'born', 'med', 'imei', 'udi', 'hicn', 'itin', 'acct', 'best', 'mfg', 'name',
  // Common complaints and tests typed in lower case ("the rash is spreading", "positive hcg", "sats 86%").
  'rash', 'cyst', 'wart', 'hcg', 'sats', 'hcv', 'hbv', 'hiv', 'uti', 'dvm', 'vmd',
  // Clinicians' short forms that are no English word ("amox sent", "bili 11.9").
  'amox', 'bili', 'naat',
  // "hip fx", "L distal radius fx": the fracture abbreviation.
  'fx',
  // Vaccines written in mixed case ("Tdap", "DTaP").
  'tdap', 'dtap',
  // Tests typed in lower case in terse notes ("qft pos", "cxr neg", "pvr 180"): no English word.
  'qft', 'cxr', 'ppd', 'cbc', 'igra', 'pvr', 'ugi', 'xray',
  // A dentist's panoramic radiograph ("here's the pano").
  'pano',
  // Isolation organisms in terse nursing notes ("nares pcr mrsa pos", "vre +").
  'mrsa', 'vre']);
const SYSTEM_NOUNS = new Set(['portal', 'portals', 'account', 'accounts', 'feed', 'feeds', 'network', 'interface', 'interfaces', 'connection', 'connections', 'query', 'queries', 'onboarding', 'identity', 'login', 'password', 'passwords', 'user', 'users', 'platform', 'gateway', 'directory', 'api', 'participant', 'participants', 'vendor', 'server', 'servers', 'helpdesk']);
const SYSTEM_NOUN_HASHES = new Set([...SYSTEM_NOUNS].map(hashWord));
const GAP_MAX = 3;
/** A term may wrap onto the next line (plain text hard-wrapped at 76), never across a blank line ("Family Practice\n\nPatient:"). */
const MAX_LINE_STEP = 1;
/** …and only from a line as long as a wrapped one: "SIX-MINUTE WALK TEST" over "Patient:" is a heading, no "test patient". */
const WRAPPED_LINE = 40;

/** Labels that are ordinary words in lower case ("dos" is Spanish for two). */
const UPPER_ONLY_LABELS = new Set(['dos', 'sn', 'aba', 'rtn', 'nss', 'udi']);
const CONTENT_KINDS = 'clpgb';
const VALUED_KINDS = 'lgb';

/** A test's written result right after it on its line ("trop neg", "hcg positive"). */
const RESULT_WORDS = ['neg', 'pos', 'negative', 'positive', 'detected', 'reactive', 'nonreactive'];
function resultWordAfter(text: string, tokens: Tokens, k: number): boolean {
  const j = k + 1;
  if (j >= tokens.count || tokens.line[j] !== tokens.line[k] || tokens.start[j] - tokens.end[k] > 2) return false;
  return RESULT_WORDS.some((w) => tokenEquals(text, tokens, j, w));
}

/** Does a number start right after token k (a space, ":" or "=" between)? */
function numberAfter(text: string, tokens: Tokens, k: number): boolean {
  let j = k + 1;
  // "hgb came back 7.2", "cr is 1.9": up to two report words before the number.
  for (let f = 0; f < 2 && j < tokens.count && tokens.line[j] === tokens.line[k] && (tokens.flags[j] & F_DIGIT) === 0 && REPORT_WORDS.some((w) => tokenEquals(text, tokens, j, w)); f++) { k = j; j++; }
  if (j >= tokens.count || tokens.start[j] - tokens.end[k] > 2 || tokens.line[j] !== tokens.line[k]) return false;
  const c = text.charCodeAt(tokens.start[j]);
  if (c < 48 || c > 57) return false;
  for (let i = tokens.end[k]; i < tokens.start[j]; i++) {
    const g = text.charCodeAt(i);
    if (g !== 32 && g !== 58 && g !== 61) return false;
  }
  return true;
}

const REPORT_WORDS = ['came', 'back', 'is', 'was', 'now', 'at', 'of', 'up', 'down', 'to'];

/** Screening tools named like everyday words: only in capitals ("AUDIT 22", "CAGE 3/4"). */
const CAPITALS_ONLY = new Set(['audit', 'cage', 'dast', 'crafft']);

/** 0: any case; 1: capitals, or lower case with its number after (short labs and drugs); 2: capitals only. */
function capitalsRule(entry: TermEntry): number {
  if (entry.tokens.length !== 1) return 0;
  if (CAPITALS_ONLY.has(entry.term)) return 2;
  if (entry.kind === KIND.LABEL) return UPPER_ONLY_LABELS.has(entry.term) ? 2 : 0;
  if (!CONTENT_KINDS.includes(entry.kind)) return 0;
  const term = entry.term;
  // Scripts without letter case (Korean "당뇨", Chinese): the length rule for abbreviations does not apply.
  if (term.charCodeAt(0) >= 0x2e80) return 0;
  return term.length <= UPPER_ONLY_LEN && !LOWER_CASE_OK.has(term) ? 1 : 0;
}

/** "FX-200", "CT-4100": a short abbreviation joined to a number of three digits or more names a product model. */
function modelNumberAfter(text: string, e: number): boolean {
  if (text.charCodeAt(e) !== 45) return false;
  for (let i = e + 1; i <= e + 3; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Does a word run on after position e, joined by a hyphen ("case-level")? */
function hyphenatedOn(text: string, e: number): boolean {
  if (text.charCodeAt(e) !== 45) return false;
  const c = text.charCodeAt(e + 1) | 32;
  return c >= 97 && c <= 122;
}

/** "OCPs", "UTIs": an abbreviation in capitals with a plural "s". */
function capitalsPlural(text: string, s: number, e: number): boolean {
  if (e - s < 3 || text.charCodeAt(e - 1) !== 115) return false;
  for (let i = s; i < e - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

function restHashesOf(words: string[]): Int32Array {
  const out = new Int32Array(words.length);
  for (let j = 1; j < words.length; j++) out[j] = hashWord(words[j]);
  return out;
}

/**
 * Does a sentence end after token k ("… glucose test. Patient: …")? A period after a word of four
 * letters or more, or "!", "?", ":" — not the period of an abbreviation ("St. John's wort").
 */
function sentenceEnd(text: string, start: Int32Array, end: Int32Array, k: number): boolean {
  const c = text.charCodeAt(end[k]);
  if (c === 33 || c === 63 || c === 58) return true;
  return c === 46 && end[k] - start[k] >= 4;
}

export function matchTerms(text: string, tokens: Tokens, dict: Dictionary): TermMatch[] {
  const out: TermMatch[] = [];
  const { count, hash, start, end, flags, line, termCount, termToken, termList } = tokens;
  const table = dict.firstTokenTable;
  // The tokenizer probed the first-token table already: visit only the tokens it found there.
  for (let q = 0; q < termCount; q++) {
    const k = termToken[q];
    const list = table.list(termList[q]);
    // One bit per kind (labels per type): a longer term of this kind already matched here.
    let seen = 0;
    let lastFirst = '';
    let lastFirstOk = false;
    for (let e = 0; e < list.length; e++) {
      const entry = list[e];
      const bit = 1 << entry.slot;
      if ((seen & bit) !== 0) continue;
      const words = entry.tokens;
      const n = words.length;
      if (k + n > count) continue;
      // The following words' hashes first: most multi-word entries fail there, before any character is compared.
      if (n > 1) {
        const rest = entry.restHashes ?? (entry.restHashes = restHashesOf(words));
        let ok = true;
        for (let j = 1; j < n && ok; j++) ok = hash[k + j] === rest[j];
        if (!ok) continue;
      }
      // Entries of one list mostly share their first word: compare it once.
      if (words[0] !== lastFirst) {
        lastFirst = words[0];
        lastFirstOk = tokenEquals(text, tokens, k, lastFirst);
      }
      if (!lastFirstOk) continue;
      if (n > 1) {
        let ok = true;
        for (let j = 1; j < n && ok; j++) {
          ok = start[k + j] - end[k + j - 1] <= GAP_MAX && line[k + j] - line[k + j - 1] <= MAX_LINE_STEP && tokenEquals(text, tokens, k + j, words[j]) && !sentenceEnd(text, start, end, k + j - 1) &&
            (line[k + j] === line[k + j - 1] || end[k + j - 1] - text.lastIndexOf('\n', end[k + j - 1] - 1) > WRAPPED_LINE);
        }
        if (!ok) continue;
      }
      let caps = entry.caps;
      if (caps < 0) caps = entry.caps = capitalsRule(entry);
      // In lower case a short lab or drug name counts only with its number right after ("cr 1.4", "doxy 100 mg").
      // Or, for a test, with its result written out: "trop neg", "hcg pos".
      if (caps !== 0 && (flags[k] & F_ALL_UPPER) === 0 && !capitalsPlural(text, start[k], end[k]) && (caps === 2 || !(VALUED_KINDS.includes(entry.kind) && (numberAfter(text, tokens, k + n - 1) || (entry.kind === 'l' && resultWordAfter(text, tokens, k + n - 1)))))) continue;
      if (n === 1 && end[k] - start[k] <= UPPER_ONLY_LEN && modelNumberAfter(text, end[k])) continue;
      // "HIE portal", "ED Identity Services": a condition's abbreviation in capitals before a system's noun names the system.
      if (n === 1 && entry.kind === 'c' && (flags[k] & F_ALL_UPPER) !== 0 && k + 1 < count && line[k + 1] === line[k] && SYSTEM_NOUN_HASHES.has(hash[k + 1]) && SYSTEM_NOUNS.has(tokenText(text, tokens, k + 1))) continue;
      // "the de-identified case-level detail": a phrase that voids evidence must end where its last word ends.
      if ((entry.kind === 'z' || entry.kind === 'q') && hyphenatedOn(text, end[k + n - 1])) continue;
      seen |= bit;
      out.push({ entry, kind: entry.kind, first: k, last: k + n - 1 });
    }
  }
  return out;
}
