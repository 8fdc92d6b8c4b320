/**
 * Misspelled conditions and drugs ("diabetis", "metforman", "lisinipril"): one edit away (a letter
 * added, dropped, changed, or two swapped) from a single-word condition or generic drug name of seven
 * letters or more, same first letter. Looked up by symmetric deletion: every term is stored under
 * itself and each of its one-letter deletions, and a word is looked up the same way.
 *
 * A second pass, run only when a message names a person but the first pass found no health content
 * to decide on: most mail never pays for it. Words seen not to match are remembered (bounded), so a
 * long thread of prose costs one look-up per distinct word.
 */
import type { Dictionary } from '../dictionary/codec.ts';
import type { PartContext } from './context.ts';
import { hashWord } from './fold.ts';
import { personal, tiePerson } from './health.ts';
import { makeHit, quote, type Hit } from './hit.ts';
import { F_ALL_UPPER, F_ALPHA, F_DIGIT, tokenize, tokenText } from './tokenizer.ts';

const MIN_LENGTH = 7;
const MAX_LENGTH = 24;
const MISS_CACHE_LIMIT = 50_000;

interface Index {
  terms: string[];
  kinds: string[];
  byKey: Map<number, number[]>;
  misses: Set<string>;
}

const indexes = new WeakMap<Dictionary, Index>();

function isLowerWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function buildIndex(dict: Dictionary): Index {
  const idx: Index = { terms: [], kinds: [], byKey: new Map(), misses: new Set() };
  const seen = new Set<string>();
  for (const list of dict.byFirstToken.values()) {
    for (const e of list) {
      if (e.tokens.length !== 1 || (e.kind !== 'c' && e.kind !== 'g')) continue;
      const t = e.term;
      if (t.length < MIN_LENGTH || t.length > MAX_LENGTH || !isLowerWord(t) || seen.has(t)) continue;
      seen.add(t);
      const id = idx.terms.length;
      idx.terms.push(t);
      idx.kinds.push(e.kind);
      for (const key of deletionKeys(t)) {
        const l = idx.byKey.get(key);
        if (!l) idx.byKey.set(key, [id]);
        else if (l[l.length - 1] !== id) l.push(id);
      }
    }
  }
  return idx;
}

/** Hash of the word and of each of its one-letter deletions. */
function deletionKeys(w: string): number[] {
  const keys = [hashWord(w)];
  for (let i = 0; i < w.length; i++) keys.push(hashWord(w.slice(0, i) + w.slice(i + 1)));
  return keys;
}

/** Optimal string alignment distance ≤ 1? (insertion, deletion, substitution, adjacent swap) */
function withinOne(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function nearTerm(idx: Index, w: string): number {
  for (const key of deletionKeys(w)) {
    const ids = idx.byKey.get(key);
    if (!ids) continue;
    for (const id of ids) {
      const t = idx.terms[id];
      if (t.charCodeAt(0) === w.charCodeAt(0) && withinOne(w, t)) return id;
    }
  }
  return -1;
}

/** Words of their own one edit from a term, never its misspelling: Spanish "factura" (invoice) is no "fractura". */
const REAL_WORDS = new Set(['factura', 'facturas', 'facturado', 'facturada']);
const PRACTICE_AFTER = new Set(['prevention', 'control']);

/** Characters either side of a person's name that the second pass reads. */
export const FUZZY_WINDOW = 300;

/**
 * Health findings for near spellings in one part, read only within FUZZY_WINDOW characters of the
 * given positions (where a person is named): content about a named person sits near the name, and a
 * long quoted thread is not read twice.
 */
export function fuzzyHealth(dict: Dictionary, where: string, full: string, around: number[]): Hit[] {
  const out: Hit[] = [];
  const sorted = [...around].sort((a, b) => a - b);
  let ws = -1;
  let we = -1;
  for (const p of sorted) {
    const s = Math.max(0, p - FUZZY_WINDOW);
    const e = Math.min(full.length, p + FUZZY_WINDOW);
    if (s <= we) { we = Math.max(we, e); continue; }
    if (we > ws) fuzzyWindow(dict, where, full, ws, we, out);
    ws = s;
    we = e;
  }
  if (we > ws) fuzzyWindow(dict, where, full, ws, we, out);
  return out;
}

function fuzzyWindow(dict: Dictionary, where: string, full: string, ws: number, we: number, out: Hit[]): void {
  let idx = indexes.get(dict);
  if (!idx) indexes.set(dict, (idx = buildIndex(dict)));
  // Whole words only: widen the window to word boundaries.
  while (ws > 0 && isWordChar(full.charCodeAt(ws - 1))) ws--;
  while (we < full.length && isWordChar(full.charCodeAt(we))) we++;
  const text = full.slice(ws, we);
  const tokens = tokenize(text, dict.firstTokenTable);
  const ctx: PartContext = { text, where, dict, tokens, terms: [], hits: [] };
  for (let k = 0; k < tokens.count; k++) {
    const len = tokens.end[k] - tokens.start[k];
    if (len < MIN_LENGTH - 1 || len > MAX_LENGTH + 1) continue;
    const fl = tokens.flags[k];
    if ((fl & F_ALPHA) === 0 || (fl & (F_DIGIT | F_ALL_UPPER)) !== 0) continue;
    const w = tokenText(text, tokens, k);
    if (!isLowerWord(w) || idx.misses.has(w) || REAL_WORDS.has(w)) continue;
    // A word of the dictionary itself was judged by the first pass.
    const entries = dict.byFirstToken.get(tokens.hash[k]);
    if (entries && entries.some((e) => e.term === w)) continue;
    // "Infection Prevention", "infection control": an office or a practice, nobody's condition.
    if (k + 1 < tokens.count && PRACTICE_AFTER.has(tokenText(text, tokens, k + 1))) continue;
    const id = nearTerm(idx, w);
    if (id < 0) {
      if (idx.misses.size >= MISS_CACHE_LIMIT) idx.misses.clear();
      idx.misses.add(w);
      continue;
    }
    const s = tokens.start[k];
    const e = tokens.end[k];
    const drug = idx.kinds[id] === 'g';
    const h = makeHit(drug ? 'MEDICATION' : 'DIAGNOSIS', 'medium', where, ws + s, ws + e, 'health', [drug ? 'dictionary:drug-generic' : 'dictionary:condition', 'spelling:near'],
      `${quote(text, s, e)} reads as the ${drug ? 'medication' : 'condition'} '${idx.terms[id]}' (one letter off)`);
    tiePerson(h, personal(ctx, k, k));
    out.push(h);
  }
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf;
}
