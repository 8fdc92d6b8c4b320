/**
 * One linear pass over the text: word tokens (letters/digits after folding) with their offsets,
 * a hash of the folded token and shape flags. Recognizers work on these tokens, never on the whole
 * text with open-ended regexes, which keeps the engine linear.
 */
import { CLASS, FOLD, FOLD_LIMIT, foldCode, HASH_MASK, HASH_SEED } from './fold.ts';

export const F_DIGIT = 1; // has a digit
export const F_ALPHA = 2; // has a letter
export const F_UPPER_FIRST = 4; // first char is an upper-case letter
export const F_ALL_UPPER = 8; // every letter is upper case (and there is one)
export const F_LINE_START = 16; // first token on its line
export const F_ALL_DIGIT = 32;

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
}

/** Scratch buffers reused across scans (scans never interleave: the engine is synchronous). */
let scratch: Tokens = { count: 0, start: new Int32Array(4096), end: new Int32Array(4096), hash: new Int32Array(4096), flags: new Int32Array(4096), line: new Int32Array(4096) };

/**
 * Tokens of `text`. The arrays are shared scratch space, valid until the next call: callers finish
 * with one part before tokenizing the next.
 */
export function tokenize(text: string): Tokens {
  let cap = scratch.start.length;
  let { start, end, hash, flags, line } = scratch;
  let n = 0;
  let lineNo = 0;
  let lineHasToken = false;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    let f = c < FOLD_LIMIT ? FOLD[c] : foldCode(c);
    if (f === 0) {
      if (c === 10) { lineNo++; lineHasToken = false; }
      i++;
      continue;
    }
    const s = i;
    let h = HASH_SEED;
    const firstCls = c < FOLD_LIMIT ? CLASS[c] : 4;
    let cls = 0;
    do {
      h = Math.imul(h ^ f, 16777619);
      cls |= c < FOLD_LIMIT ? CLASS[c] : 4;
      if (++i >= len) break;
      c = text.charCodeAt(i);
      f = c < FOLD_LIMIT ? FOLD[c] : foldCode(c);
    } while (f !== 0);
    if (n === cap) {
      cap *= 2;
      start = grow(start, cap); end = grow(end, cap); hash = grow(hash, cap);
      flags = grow(flags, cap); line = grow(line, cap);
    }
    let fl = CLASS_FLAGS[cls] | (firstCls === 2 ? F_UPPER_FIRST : 0);
    if (!lineHasToken) { fl |= F_LINE_START; lineHasToken = true; }
    start[n] = s; end[n] = i; hash[n] = h & HASH_MASK; flags[n] = fl; line[n] = lineNo;
    n++;
  }
  scratch = { count: n, start, end, hash, flags, line };
  return scratch;
}

function grow(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** Folded text of token k (allocates; only on the rare paths). */
export function tokenText(text: string, t: Tokens, k: number): string {
  let out = '';
  for (let i = t.start[k]; i < t.end[k]; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

/** Does token k, folded, equal the given folded word? No allocation. */
export function tokenEquals(text: string, t: Tokens, k: number, word: string): boolean {
  const s = t.start[k];
  if (t.end[k] - s !== word.length) return false;
  for (let j = 0; j < word.length; j++) {
    if (foldCode(text.charCodeAt(s + j)) !== word.charCodeAt(j)) return false;
  }
  return true;
}
