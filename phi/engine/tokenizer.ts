/**
 * One linear pass over the text: word tokens (letters/digits after folding) with their offsets,
 * a hash of the folded token and shape flags. Recognizers work on these tokens, never on the whole
 * text with open-ended regexes, which keeps the engine linear.
 */
import { CLASS, FOLD_LIMIT, foldCode, HASH_MASK, HASH_SEED } from './fold.ts';

export const F_DIGIT = 1; // has a digit
export const F_ALPHA = 2; // has a letter
export const F_UPPER_FIRST = 4; // first char is an upper-case letter
export const F_ALL_UPPER = 8; // every letter is upper case (and there is one)
export const F_LINE_START = 16; // first token on its line
export const F_ALL_DIGIT = 32;
/** First character is kana, Han, Hangul or beyond (U+3040 and up): scripts written without spaces. */
export const F_WIDE = 64;

/** Token flags by the OR of its character classes (1 digit, 2 upper, 4 lower). */
const CLASS_FLAGS = (() => {
  const t = new Int32Array(8);
  for (let cls = 0; cls < 8; cls++) {
    let fl = 0;
    if (cls & 1) fl |= F_DIGIT;
    if (cls & 6) fl |= F_ALPHA;
    if ((cls & 2) && !(cls & 4)) fl |= F_ALL_UPPER;
    if (cls === 1) fl |= F_ALL_DIGIT;
    t[cls] = fl;
  }
  return t;
})();

export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  flags: Int32Array;
  /** Index of the line each token sits on (0-based). */
  line: Int32Array;
  /** Tokens whose hash is a key of the dictionary's first-token table: token index and list slot. */
  termCount: number;
  termToken: Int32Array;
  termList: Int32Array;
  /** Tokens holding a digit, in order (the only ones identifier recognizers start at). */
  digitCount: number;
  digitToken: Int32Array;
  /** First token of each line that has one, in order. */
  lineFirstCount: number;
  lineFirstToken: Int32Array;
}

/** What the tokenizer probes (the dictionary's first-token table, see dictionary/codec.ts). */
export interface FirstTokenKeys {
  mask: number;
  keys: Int32Array;
  slots: Int32Array;
  /** Bloom-style bit per key: hash bits from FILTER_SHIFT up, FILTER_WORDS words. */
  filter: Int32Array;
}
/** Must match dictionary/codec.ts (FILTER_SHIFT, FILTER_WORDS). */
const FILTER_SHIFT = 12;
const FILTER_MASK = 4096 - 1;

/**
 * One table for every UTF-16 code unit: the folded code in the low 16 bits (0 for a separator) and
 * the character class (1 digit, 2 upper case, 4 other letter) above, so the scan loop does one
 * load per character and no range checks (256 KB, built once at load).
 */
const CHAR = (() => {
  const t = new Int32Array(0x10000);
  for (let c = 0; c < FOLD_LIMIT; c++) {
    const f = foldCode(c);
    if (f !== 0) t[c] = f | (CLASS[c] << 16);
  }
  // Beyond Latin Extended (foldCode): Greek and Cyrillic capitals fold (class 2), other letters stay
  // (class 4), a few separators. A plain loop, cheap even uncompiled at script load in the browser.
  for (let c = FOLD_LIMIT; c < 0x10000; c++) {
    const f = foldCode(c);
    t[c] = f === 0 ? 0 : f | ((f !== c ? 2 : 4) << 16);
  }
  return t;
})();

const NO_KEYS: FirstTokenKeys = { mask: 0, keys: new Int32Array(1), slots: new Int32Array(1), filter: new Int32Array(FILTER_MASK + 1) };

function emptyTokens(cap: number): Tokens {
  return {
    count: 0, start: new Int32Array(cap), end: new Int32Array(cap), hash: new Int32Array(cap), flags: new Int32Array(cap), line: new Int32Array(cap),
    termCount: 0, termToken: new Int32Array(cap), termList: new Int32Array(cap), digitCount: 0, digitToken: new Int32Array(cap),
    lineFirstCount: 0, lineFirstToken: new Int32Array(cap),
  };
}

/** Scratch buffers reused across scans (scans never interleave: the engine is synchronous). */
let scratch: Tokens = emptyTokens(4096);

/**
 * Tokens of `text`, and (given the dictionary's first-token table) the tokens that may start a
 * dictionary term, probed while the hash is at hand. The arrays are shared scratch space, valid
 * until the next call: callers finish with one part before tokenizing the next.
 */
export function tokenize(text: string, table: FirstTokenKeys = NO_KEYS): Tokens {
  const len = text.length;
  let t0 = scratch;
  let { start, end, hash, flags, line, termToken, termList, digitToken, lineFirstToken } = t0;
  let cap = start.length;
  const { mask, keys, slots, filter } = table;
  let n = 0;
  let terms = 0;
  let digits = 0;
  let lineFirsts = 0;
  let lineNo = 0;
  let lineStart = F_LINE_START; // F_LINE_START until the line has a token
  let i = 0;
  for (;;) {
    // Separators: only a newline matters.
    let c = 0;
    let t = 0;
    while (i < len) {
      c = text.charCodeAt(i);
      t = CHAR[c];
      if (t !== 0) break;
      if (c === 10) { lineNo++; lineStart = F_LINE_START; }
      i++;
    }
    if (i >= len) break;
    const s = i;
    const first = t;
    let cls = t;
    let h = Math.imul(HASH_SEED ^ (t & 0xffff), 16777619);
    while (++i < len) {
      // Lower-case ASCII letters, most of any text, fold to themselves: no table load.
      const c = text.charCodeAt(i);
      if (c - 97 >>> 0 < 26) { h = Math.imul(h ^ c, 16777619); cls |= 0x40000; continue; }
      t = CHAR[c];
      if (t === 0) break;
      h = Math.imul(h ^ (t & 0xffff), 16777619);
      cls |= t;
    }
    h &= HASH_MASK;
    if (n === cap) {
      t0 = scratch = grown(t0);
      ({ start, end, hash, flags, line, termToken, termList, digitToken, lineFirstToken } = t0);
      cap = start.length;
    }
    start[n] = s; end[n] = i; hash[n] = h; line[n] = lineNo;
    const fl = CLASS_FLAGS[cls >>> 16] | ((first >>> 16) === 2 ? F_UPPER_FIRST : 0) | lineStart | (c >= 0x3040 ? F_WIDE : 0);
    flags[n] = fl;
    if ((fl & F_DIGIT) !== 0) digitToken[digits++] = n;
    if (lineStart !== 0) lineFirstToken[lineFirsts++] = n;
    const f = h >>> FILTER_SHIFT;
    if ((filter[(f >>> 5) & FILTER_MASK] & (1 << (f & 31))) !== 0) {
      // Open addressing, keys stored +1 (0 is empty): dictionary/codec.ts buildHashTable.
      let p = h & mask;
      for (let k = keys[p]; k !== 0; k = keys[p]) {
        if (k === h + 1) { termToken[terms] = n; termList[terms] = slots[p]; terms++; break; }
        p = (p + 1) & mask;
      }
    }
    lineStart = 0;
    n++;
  }
  t0.count = n;
  t0.termCount = terms;
  t0.digitCount = digits;
  t0.lineFirstCount = lineFirsts;
  return t0;
}

/** The scratch space at twice its size, its content kept. */
function grown(t: Tokens): Tokens {
  const g = emptyTokens(t.start.length * 2);
  g.start.set(t.start); g.end.set(t.end); g.hash.set(t.hash); g.flags.set(t.flags); g.line.set(t.line);
  g.termToken.set(t.termToken); g.termList.set(t.termList); g.digitToken.set(t.digitToken); g.lineFirstToken.set(t.lineFirstToken);
  return g;
}

/** Folded text of token k (allocates; only on the rare paths). */
export function tokenText(text: string, t: Tokens, k: number): string {
  let out = '';
  for (let i = t.start[k]; i < t.end[k]; i++) out += String.fromCharCode(CHAR[text.charCodeAt(i)] & 0xffff);
  return out;
}

/** Does token k, folded, equal the given folded word? No allocation. */
export function tokenEquals(text: string, t: Tokens, k: number, word: string): boolean {
  const s = t.start[k];
  if (t.end[k] - s !== word.length) return false;
  for (let j = 0; j < word.length; j++) {
    if ((CHAR[text.charCodeAt(s + j)] & 0xffff) !== word.charCodeAt(j)) return false;
  }
  return true;
}
