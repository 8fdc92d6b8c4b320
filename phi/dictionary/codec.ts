/**
 * The compiled dictionary: one text blob (fast to embed in a bundle and to split at load), decoded
 * into hash-keyed term lists and a lazily expanded ICD-10-CM table.
 *
 * Format (lines):
 *   PHIDICT 1 <stamp>
 *   @T            then  <kind>\t<folded term>       (kinds: see kinds.ts)
 *   @I            then  <category>\t<packed suffixes> (comma list; "stem:ABC" = stem+A, stem+B, stem+C)
 *   @N            then  <category>\t<title>
 *   @W            then  one line of folded given names of the wide list, space-separated
 */
import { hashSpan, hashWord } from '../engine/fold.ts';
import { decodeWording, type WordingModel } from '../engine/wording.ts';
import type { PhiType } from '../types.ts';

export interface TermEntry {
  /** Folded tokens of the term. */
  tokens: string[];
  kind: string;
  /** For identifier labels: the type the following value has. */
  label: PhiType | null;
  /** The term as written in the dictionary (folded), for explanations. */
  term: string;
  /** Hashes of the tokens after the first (multi-word terms; filled by the scan loop on first use): a cheap reject before comparing text. */
  restHashes: Int32Array | null;
  /** Small index of kind + label (one bit of a mask in the scan loop). */
  slot: number;
  /** Scan-loop cache (engine/terms.ts capitalsRule): 0 any case, 1 capitals or a number after, 2 capitals only, -1 unknown. */
  caps: number;
}

export interface Dictionary {
  stamp: string;
  /** Hash of the first folded token → entries starting with it, longest first. */
  byFirstToken: TermIndex;
  /** The same keys in an open-addressing table: the per-token probe of the scan loop. */
  firstTokenTable: HashTable;
  icd: IcdTable;
  /** Given names of the wide list (folded): asked only where a name is likely (engine/names.ts). */
  wideGivenNames: Set<string>;
  /** Their token hashes: the scan asks these first, without building the word's text. */
  wideGivenNameHashes: Set<number>;
  /** Health stems of Arabic, Persian, Urdu, Hebrew, Greek, Russian, Ukrainian, Hindi, Nepali, Bengali, Punjabi, Tamil, Amharic, Chinese, Japanese, Korean and Khmer, by their first character (engine/stems.ts). */
  stems: Map<string, StemEntry[]>;
  /** The wording model (engine/wording.ts); null in a dictionary compiled without one. */
  wording: WordingModel | null;
}

export interface StemEntry {
  kind: 'condition' | 'drug' | 'lab' | 'procedure' | 'context' | 'person' | 'title';
  /** Folded stem; words of a multi-word stem split on spaces. */
  stem: string;
  words: string[];
}

/**
 * Term lists by the hash of their first folded token. Decoding records only which dictionary lines start with
 * which hash; a list's entries are made the first time it is asked for. A scan touches a few hundred of the
 * ~12,000 lists, and the add-ins pay at load for every object made there (phi/README.md, dictionary load).
 */
export class TermIndex {
  private readonly built = new Map<number, TermEntry[]>();
  private readonly slots = new Map<string, number>();
  /** One string object per distinct first word, so the scan loop compares entries' first words by identity. */
  private readonly firstWords = new Map<string, string>();
  private readonly lines: string[];
  private readonly byHash: Map<number, number[]>;
  /** lines: the dictionary's lines; byHash: first-word hash → indexes of the term lines starting with that word. */
  constructor(lines: string[], byHash: Map<number, number[]>) {
    this.lines = lines;
    this.byHash = byHash;
  }

  get size(): number {
    return this.byHash.size;
  }

  keys(): IterableIterator<number> {
    return this.byHash.keys();
  }

  get(h: number): TermEntry[] | undefined {
    const done = this.built.get(h);
    if (done !== undefined) return done;
    const at = this.byHash.get(h);
    if (at === undefined) return undefined;
    const list = at.map((i) => this.entry(this.lines[i]));
    // Longest first (a stable sort keeps the dictionary's order among equals).
    if (list.length > 1) list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.built.set(h, list);
    return list;
  }

  *values(): IterableIterator<TermEntry[]> {
    for (const h of this.byHash.keys()) yield this.get(h)!;
  }

  private entry(line: string): TermEntry {
    const tab = line.indexOf('\t');
    const kind = line.slice(0, tab);
    const term = line.slice(tab + 1);
    const tokens = term.split(' ');
    const shared = this.firstWords.get(tokens[0]);
    if (shared === undefined) this.firstWords.set(tokens[0], tokens[0]);
    else tokens[0] = shared;
    const label = kind.charCodeAt(0) === 76 /* L */ ? (kind.slice(1) as PhiType) : null;
    let slot = this.slots.get(kind);
    if (slot === undefined) {
      slot = this.slots.size;
      if (slot > 30) throw new Error('phi: too many term kinds for the scan mask');
      this.slots.set(kind, slot);
    }
    return { tokens, kind: label ? 'L' : kind, label, term, restHashes: null, slot, caps: -1 };
  }
}

/** Int keys → entry lists, linear probing in typed arrays (much cheaper per probe than a Map). */
export interface HashTable {
  mask: number;
  keys: Int32Array;
  slots: Int32Array;
  /** The entry list of a slot (built on first use). */
  list(slot: number): TermEntry[];
  /**
   * One bit per key, indexed by hash bits 12-28 (16 KB, stays in L1 cache): a clear bit means the
   * key is absent, so most words of ordinary prose never touch the larger keys array.
   */
  filter: Int32Array;
}

/** Word and bit of a hash in HashTable.filter. */
export const FILTER_SHIFT = 12;
export const FILTER_WORDS = 4096;

export function buildHashTable(index: TermIndex): HashTable {
  let size = 1024;
  while (size < index.size * 3) size <<= 1;
  const mask = size - 1;
  const keys = new Int32Array(size);
  const slots = new Int32Array(size);
  const hashes = new Int32Array(index.size);
  const lists: Array<TermEntry[] | undefined> = new Array(index.size);
  const filter = new Int32Array(FILTER_WORDS);
  let n = 0;
  for (const h of index.keys()) {
    const f = h >>> FILTER_SHIFT;
    filter[(f >>> 5) & (FILTER_WORDS - 1)] |= 1 << (f & 31);
    let i = h & mask;
    while (keys[i] !== 0) i = (i + 1) & mask;
    keys[i] = h + 1;
    slots[i] = n;
    hashes[n++] = h;
  }
  return { mask, keys, slots, list: (slot) => (lists[slot] ??= index.get(hashes[slot])!), filter };
}

/** Entry list for a token hash, or null. */
export function probe(t: HashTable, h: number): TermEntry[] | null {
  const key = h + 1;
  let i = h & t.mask;
  for (;;) {
    const k = t.keys[i];
    if (k === key) return t.list(t.slots[i]);
    if (k === 0) return null;
    i = (i + 1) & t.mask;
  }
}

export interface IcdTable {
  /** Is this (dot-less, upper-case) string a valid ICD-10-CM code, category or header? */
  isValid(code: string): boolean;
  /** Title of the three-character category, for explanations. */
  title(category: string): string | undefined;
}

export const DICT_MAGIC = 'PHIDICT 1';

export function decodeDictionary(blob: string): Dictionary {
  const lines = blob.split('\n');
  if (!lines[0].startsWith(DICT_MAGIC)) throw new Error('phi: not a compiled PHI dictionary');
  const stamp = lines[0].slice(DICT_MAGIC.length + 1);
  const termLines = new Map<number, number[]>();
  const packed = new Map<string, string>();
  const titles = new Map<string, string>();
  let section = '';
  let wideGivenNames = new Set<string>();
  const stems = new Map<string, StemEntry[]>();
  let wordingHeader: string | null = null;
  let wording: WordingModel | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.length === 0) continue;
    if (line.charCodeAt(0) === 64 /* @ */) { section = line; continue; }
    if (section === '@W') { wideGivenNames = new Set(line.split(' ')); continue; }
    // Two lines: "bits bias scale", then one character per weight.
    if (section === '@M') {
      if (wordingHeader === null) wordingHeader = line;
      else wording = decodeWording(wordingHeader, line);
      continue;
    }
    const tab = line.indexOf('\t');
    if (section === '@T') {
      // The line's list: the hash of its term's first word, read in place.
      const space = line.indexOf(' ', tab + 1);
      const h = hashSpan(line, tab + 1, space < 0 ? line.length : space);
      const at = termLines.get(h);
      if (at) at.push(i);
      else termLines.set(h, [i]);
      continue;
    }
    const key = line.slice(0, tab);
    const value = line.slice(tab + 1);
    if (section === '@I') packed.set(key, value);
    else if (section === '@N') titles.set(key, value);
    else if (section === '@S') {
      const list = stems.get(value.charAt(0));
      const entry: StemEntry = { kind: key as StemEntry['kind'], stem: value, words: value.split(' ') };
      if (list) list.push(entry);
      else stems.set(value.charAt(0), [entry]);
    }
  }
  const byFirstToken = new TermIndex(lines, termLines);
  const wideGivenNameHashes = new Set<number>();
  for (const name of wideGivenNames) wideGivenNameHashes.add(hashWord(name));
  return { stamp, byFirstToken, firstTokenTable: buildHashTable(byFirstToken), icd: createIcdTable(packed, titles), wideGivenNames, wideGivenNameHashes, stems, wording };
}

function createIcdTable(packed: Map<string, string>, titles: Map<string, string>): IcdTable {
  const expanded = new Map<string, Set<string>>();
  return {
    isValid(code: string): boolean {
      const category = code.slice(0, 3);
      const raw = packed.get(category);
      if (raw === undefined) return false;
      if (code.length === 3) return true;
      let set = expanded.get(category);
      if (!set) {
        set = expandSuffixes(raw);
        expanded.set(category, set);
      }
      return set.has(code.slice(3));
    },
    title: (category) => titles.get(category),
  };
}

function expandSuffixes(raw: string): Set<string> {
  const set = new Set<string>();
  if (raw.length === 0) return set;
  for (const item of raw.split(',')) {
    const colon = item.indexOf(':');
    if (colon < 0) { set.add(item); continue; }
    const stem = item.slice(0, colon);
    for (let j = colon + 1; j < item.length; j++) set.add(stem + item[j]);
  }
  return set;
}

/** Pack a category's suffixes: group 4-char suffixes (7-char codes) sharing a 3-char stem. */
export function packSuffixes(suffixes: string[]): string {
  const groups = new Map<string, string[]>();
  const plain: string[] = [];
  for (const s of suffixes) {
    if (s.length === 4) {
      const stem = s.slice(0, 3);
      const g = groups.get(stem);
      if (g) g.push(s[3]);
      else groups.set(stem, [s[3]]);
    } else plain.push(s);
  }
  const items = [...plain];
  for (const [stem, letters] of groups) items.push(letters.length === 1 ? stem + letters[0] : `${stem}:${letters.join('')}`);
  return items.join(',');
}
