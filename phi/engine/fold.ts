/**
 * Character classes and accent/case folding used by the tokenizer and the dictionary alike, so
 * "Diagnóstico", "DIAGNOSTICO" and "diagnostico" are one key. One table lookup per character.
 */

/** FOLD[c] = folded lower-case code of a word character, 0 for a separator (for c < FOLD_LIMIT). */
export const FOLD_LIMIT = 0x250;
export const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(FOLD_LIMIT);
  for (let c = 0x30; c <= 0x39; c++) table[c] = c;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 32;
  for (let c = 0xc0; c < FOLD_LIMIT; c++) {
    if (c === 0xd7 || c === 0xf7) continue; // × ÷
    const base = String.fromCharCode(c).normalize('NFD').charAt(0).toLowerCase();
    const b = base.charCodeAt(0);
    table[c] = b >= 0x61 && b <= 0x7a ? b : String.fromCharCode(c).toLowerCase().charCodeAt(0);
  }
  table[0xdf] = 0x73; // ß → s (approximation; both sides fold alike)
  return table;
}

/**
 * Folded code of c, or 0 when c separates words. Beyond Latin Extended, Greek and Cyrillic capitals
 * fold to their small letters ("Дата рождения" = "дата рождения"); other letters stay as they are.
 */
export function foldCode(c: number): number {
  if (c < FOLD_LIMIT) return FOLD[c];
  if (c >= 0x2000 && c <= 0x206f) return 0; // general punctuation (’ “ ” – —)
  if (c === 0x3000 || c === 0xfeff || c === 0x00a0) return 0;
  // CJK punctuation and full-width forms' punctuation ("（出生日期：1949年…）"): separators, as in ASCII.
  if ((c >= 0x3001 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65)) return 0;
  // Arabic comma, semicolon, question mark, percent and decimal signs, full stop: separators.
  if (c === 0x60c || c === 0x61b || c === 0x61f || (c >= 0x66a && c <= 0x66d) || c === 0x6d4) return 0;
  // Hebrew maqaf, paseq, sof pasuq, nun hafukha, geresh and gershayim ("ת״ז" = "ת\"ז"), Greek question mark and
  // ano teleia, Devanagari danda, double danda and abbreviation sign ("है।"): separators, as their ASCII look-alikes.
  if (c === 0x5be || c === 0x5c0 || c === 0x5c3 || c === 0x5c6 || c === 0x5f3 || c === 0x5f4 || c === 0x37e || c === 0x387 || c === 0x964 || c === 0x965 || c === 0x970) return 0;
  // Ethiopic section mark, wordspace, full stop, comma, semicolon, colons, question mark ("በሽታ።", "ሰላም፣"): separators.
  if (c >= 0x1360 && c <= 0x1368) return 0;
  if (c >= 0x410 && c <= 0x42f) return c + 0x20; // А–Я
  if (c >= 0x400 && c <= 0x40f) return c + 0x50; // Ѐ–Џ
  if (c >= 0x391 && c <= 0x3a9 && c !== 0x3a2) return c + 0x20; // Α–Ω
  return c;
}

/** Fold a whole string to its dictionary form: tokens joined by one space. */
export function foldTerm(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const f = foldCode(text.charCodeAt(i));
    if (f === 0) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(f);
  }
  return out;
}

/** FNV-1a over folded codes; the tokenizer inlines the same steps. */
export const HASH_SEED = 2166136261 | 0;
/** Final mask keeps keys to 30 bits so V8 stores them as small integers. */
export const HASH_MASK = 0x3fffffff;

export function hashWord(word: string): number {
  return hashSpan(word, 0, word.length);
}

/** hashWord of text.slice(from, to), without making the string. */
export function hashSpan(text: string, from: number, to: number): number {
  let h = HASH_SEED;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h & HASH_MASK;
}

/** CLASS[c]: 1 digit, 2 upper-case letter, 4 other letter, 0 separator (for c < FOLD_LIMIT). */
export const CLASS = buildClassTable();
function buildClassTable(): Uint8Array {
  const t = new Uint8Array(FOLD_LIMIT);
  for (let c = 0; c < FOLD_LIMIT; c++) {
    if (FOLD[c] === 0) continue;
    if (c >= 0x30 && c <= 0x39) t[c] = 1;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) t[c] = 2;
    else t[c] = 4;
  }
  return t;
}

/**
 * Arabic spelling variants folded to one form: short vowels and tatweel dropped, alef with hamza or madda
 * as bare alef, alef maqsura as ya, ta marbuta as ha ("أنسولين" = "انسولين", "عيادة" = "عياده").
 */
export function normalizeArabic(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x64b && c <= 0x652) || c === 0x640) continue;
    // Persian and Urdu write ی and ک where Arabic writes ي and ك: one reading serves all three. Urdu's ہ ھ ے and
    // retroflex letters stay its own, so Urdu stems do not read Arabic words ("حاملہ", pregnant; Arabic "حاملة", a holder).
    out += c === 0x623 || c === 0x625 || c === 0x622 ? '\u0627' : c === 0x649 || c === 0x6cc ? '\u064a' : c === 0x629 ? '\u0647' : c === 0x6a9 ? '\u0643' : word.charAt(i);
  }
  return out;
}

/**
 * Greek, Hebrew, Devanagari, Gurmukhi, Bengali and Ethiopic spelling variants folded to one form (engine/stems.ts):
 * Greek lower case without accents or breathings, final sigma as σ ("Διαβήτης" = "διαβητησ"); Hebrew without niqqud or
 * cantillation, final letters as their ordinary forms ("סרטן" = "סרטנ", so "סרטני" starts with it); Devanagari without
 * nukta ("मरीज़" = "मरीज"), chandrabindu as anusvara ("हूँ" = "हूं"); Gurmukhi without nukta ("ਮਰੀਜ਼" = "ਮਰੀਜ");
 * Bengali without nukta, so precomposed and decomposed য় ড় ঢ় (NFC decomposes them) read alike, khanda ta as ত্
 * ("চিকিৎসা" = "চিকিত্সা"); Ethiopic with the letters Amharic pronounces alike as one (ሐ ኀ as ሀ, ሠ as ሰ, ዐ as አ, ፀ as
 * ጸ; ሃ as ሀ, ኣ as አ: "ሐኪም" = "ሃኪም" = "ሀኪም"). Other characters stay as they are.
 */
export function normalizeScripts(word: string): string {
  // Most words need no change (or only from their last letter on: a Hebrew final letter): copy nothing before the first.
  let first = 0;
  while (first < word.length && !changes(word.charCodeAt(first))) first++;
  if (first === word.length) return word;
  let out = word.slice(0, first);
  for (let i = first; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x300) { out += word.charAt(i); continue; }
    if (c <= 0x36f) continue; // combining accents (decomposed Greek)
    if (c >= 0x370 && c <= 0x3ff) { const g = GREEK[c - 0x370]; if (g !== 0) out += String.fromCharCode(g); continue; }
    if (c >= 0x1f00 && c <= 0x1fff) { const g = GREEK_EXTENDED[c - 0x1f00]; if (g !== 0) out += String.fromCharCode(g); continue; }
    if (c >= 0x591 && c <= 0x5c7 && c !== 0x5be && c !== 0x5c0 && c !== 0x5c3 && c !== 0x5c6) continue; // niqqud, cantillation
    if (c === 0x5da || c === 0x5dd || c === 0x5df || c === 0x5e3 || c === 0x5e5) { out += String.fromCharCode(c + 1); continue; } // ך ם ן ף ץ
    if (c === 0x93c || c === 0x9bc || c === 0xa3c || c === 0xabc) continue; // nukta (Devanagari, Bengali, Gurmukhi, Gujarati)
    if (c >= 0xa00 && c <= 0xa7f) { const g = GURMUKHI_NUKTA.get(c); out += g === undefined ? word.charAt(i) : String.fromCharCode(g); continue; }
    if (c >= 0x958 && c <= 0x95f) { out += DEVANAGARI_NUKTA.charAt(c - 0x958); continue; }
    if (c === 0x9dc || c === 0x9dd || c === 0x9df) { out += c === 0x9dc ? '\u09a1' : c === 0x9dd ? '\u09a2' : '\u09af'; continue; } // ড় ঢ় য়
    if (c === 0x9ce) { out += '\u09a4\u09cd'; continue; } // ৎ as ত্
    if (c >= 0x1200 && c <= 0x1347) { out += String.fromCharCode(ethiopicFold(c)); continue; }
    out += c === 0x901 ? '\u0902' : word.charAt(i);
  }
  return out;
}
/** An Ethiopic syllable with its row (consonant) read as the row Amharic pronounces alike, and ሃ, ኣ as ሀ, አ. */
function ethiopicFold(c: number): number {
  // Rows of eight (one consonant, seven vowels and a labialised form): ሐ and ኀ as ሀ, ሠ as ሰ, ዐ as አ, ፀ as ጸ.
  const row = c & ~7;
  const f = row === 0x1210 ? c - 0x10 : row === 0x1280 ? c - 0x80 : row === 0x1220 ? c + 0x10 : row === 0x12d0 ? c - 0x30 : row === 0x1340 ? c - 0x08 : c;
  return f === 0x1203 ? 0x1200 : f === 0x12a3 ? 0x12a0 : f;
}
/** Whether normalizeScripts changes or drops the character (a conservative test: Greek letters always). */
function changes(c: number): boolean {
  if (c < 0x300) return false;
  if (c >= 0x5d0 && c <= 0x5ea) return c === 0x5da || c === 0x5dd || c === 0x5df || c === 0x5e3 || c === 0x5e5;
  if (c >= 0x900 && c <= 0x97f) return c === 0x93c || c === 0x901 || (c >= 0x958 && c <= 0x95f);
  if (c >= 0x980 && c <= 0x9ff) return c === 0x9bc || c === 0x9ce || c === 0x9dc || c === 0x9dd || c === 0x9df;
  if (c >= 0xa00 && c <= 0xa7f) return c === 0xa3c || GURMUKHI_NUKTA.has(c);
  if (c >= 0xa80 && c <= 0xaff) return c === 0xabc;
  if (c >= 0x1200 && c <= 0x1347) return ethiopicFold(c) !== c;
  return c <= 0x5c7 || (c >= 0x1f00 && c <= 0x1fff);
}
/** ਲ਼ ਸ਼ ਖ਼ ਗ਼ ਜ਼ ਫ਼ (precomposed) as their letters without nukta. */
const GURMUKHI_NUKTA = new Map([[0xa33, 0xa32], [0xa36, 0xa38], [0xa59, 0xa16], [0xa5a, 0xa17], [0xa5b, 0xa1c], [0xa5e, 0xa2b]]);
/** क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ (precomposed) as their letters without nukta. */
const DEVANAGARI_NUKTA = '\u0915\u0916\u0917\u091c\u0921\u0922\u092b\u092f';
/** Greek letters as their lower-case base letter (0 for a mark), ς as σ; built once from Unicode decompositions. */
const GREEK = greekTable(0x370, 0x3ff);
const GREEK_EXTENDED = greekTable(0x1f00, 0x1fff);
function greekTable(from: number, to: number): Uint16Array {
  const t = new Uint16Array(to - from + 1);
  for (let c = from; c <= to; c++) {
    const base = String.fromCharCode(c).normalize('NFD').charAt(0).toLowerCase();
    const b = base.charCodeAt(0);
    t[c - from] = b === 0x3c2 ? 0x3c3 : b < 0x370 || (b >= 0x1fbd && b !== 0x1fbe) ? 0 : b;
  }
  return t;
}

/** A stem's dictionary form: folded like a term, Arabic, Greek, Hebrew, Devanagari, Bengali and Ethiopic normalised (engine/stems.ts reads words the same way). */
export function foldStem(text: string): string {
  return normalizeScripts(normalizeArabic(foldTerm(text)));
}

/** A written name as a comparable key: folded words, in order, one space apart ("Mei  Chen" and "MEI CHEN" alike). */
export function personKey(written: string): string {
  return foldTerm(written).split(/[^\p{L}]+/u).filter(Boolean).join(' ');
}
