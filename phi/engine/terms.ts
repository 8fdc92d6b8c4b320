/**
 * Dictionary look-up over the token stream: one hash probe per token, verification only on a hit,
 * multi-word terms by comparing the following tokens. No per-term regexes.
 */
import { probe, type Dictionary, type TermEntry } from '../dictionary/codec.ts';
import { KIND } from '../dictionary/kinds.ts';
import { F_ALL_UPPER, tokenEquals, type Tokens } from './tokenizer.ts';

export interface TermMatch {
  entry: TermEntry;
  kind: string;
  /** First and last token index. */
  first: number;
  last: number;
}

/** Short clinical abbreviations read as words in lower case ("cad", "tia", "aids", "gad"): only count them in capitals. */
const UPPER_ONLY_LEN = 4;
const LOWER_CASE_OK = new Set(['flu', 'gout', 'acne', 'copd', 'afib', 'asma', 'mri', 'bmi', 'inr', 'egfr', 'gfr', 'a1c', 'hba1c', 'psa', 'tsh', 'ldl', 'hdl', 'bun', 'wbc', 'dob', 'mrn', 'ssn', 'mbi', 'npi', 'dea', 'pt', 'ss', 'mr', 'mrs', 'ms', 'sr', 'sra', 'mme', 'md', 'rn', 'np', 'pa', 'geb', 'iron', 'temp', 'pulse', 'bp', 'ct', 'pet', 'chemo', 'rx', 'ekg', 'ecg', 'eeg', 'dx', 'icd', 'cpt', 'eob', 'ehr', 'emr', 'nom', 'born', 'med', 'imei', 'udi', 'hicn', 'itin', 'acct', 'best', 'mfg', 'name']);
const GAP_MAX = 3;

/** Labels that are ordinary words in lower case ("dos" is Spanish for two). */
const UPPER_ONLY_LABELS = new Set(['dos', 'sn', 'aba', 'rtn', 'nss', 'udi']);
const CONTENT_KINDS = 'clpgb';

function needsCapitals(entry: TermEntry): boolean {
  if (entry.tokens.length !== 1) return false;
  if (entry.kind === KIND.LABEL) return UPPER_ONLY_LABELS.has(entry.term);
  if (!CONTENT_KINDS.includes(entry.kind)) return false;
  const term = entry.term;
  return term.length <= UPPER_ONLY_LEN && !LOWER_CASE_OK.has(term);
}

export function matchTerms(text: string, tokens: Tokens, dict: Dictionary): TermMatch[] {
  const out: TermMatch[] = [];
  const { count, hash, start, end, flags } = tokens;
  const table = dict.firstTokenTable;
  for (let k = 0; k < count; k++) {
    const list = probe(table, hash[k]);
    if (list === null) continue;
    let kindsSeen = '';
    for (let e = 0; e < list.length; e++) {
      const entry = list[e];
      const kindKey = entry.kind === KIND.LABEL ? 'L' + entry.label : entry.kind;
      if (kindsSeen.includes('|' + kindKey + '|')) continue; // a longer term of this kind already matched here
      const n = entry.tokens.length;
      if (k + n > count) continue;
      if (!tokenEquals(text, tokens, k, entry.tokens[0])) continue;
      let ok = true;
      for (let j = 1; j < n && ok; j++) {
        ok = start[k + j] - end[k + j - 1] <= GAP_MAX && tokenEquals(text, tokens, k + j, entry.tokens[j]);
      }
      if (!ok) continue;
      if (needsCapitals(entry) && (flags[k] & F_ALL_UPPER) === 0) continue;
      kindsSeen += '|' + kindKey + '|';
      out.push({ entry, kind: entry.kind, first: k, last: k + n - 1 });
    }
  }
  return out;
}
