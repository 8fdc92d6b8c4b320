/** What every recognizer of one message part can see. */
import type { Dictionary } from '../dictionary/codec.ts';
import { CLINICAL_KINDS } from '../dictionary/kinds.ts';
import type { Hit } from './hit.ts';
import type { TermMatch } from './terms.ts';
import { tokenText, type Tokens } from './tokenizer.ts';

export interface PartContext {
  text: string;
  where: string;
  dict: Dictionary;
  tokens: Tokens;
  terms: TermMatch[];
  hits: Hit[];
  /** Typed in lower case (casual.ts isCasual), computed on first use. */
  casual?: boolean;
  /** Whether the part is a rota with Polish weekdays ("pt:" is then Friday): labels.ts, computed at the first "pt". */
  polishRota?: boolean;
  /** Hiragana or katakana somewhere in the part (stems.ts), found once. */
  kana?: boolean;
  /** Whether the part has Polish letters ("i" is then "and"): health.ts, computed at the first "i". */
  polish?: boolean;
  /** Does the part read as Tagalog ("ng", "mga", "ang")? Cached: health.ts asks per finding. */
  tagalog?: boolean;
  serviceDesk?: boolean;
  haitianCreole?: boolean;
  /** Whether the part tells of an equipment service visit (its serials are equipment's): labels.ts, at the first serial. */
  equipmentService?: boolean;
  /** Does the part write the glottal stop ʻ (Tongan, Samoan: "he" is then "the")? Cached: health.ts asks per finding. */
  polynesian?: boolean;
  /** Does the part have Nordic letters (a lower-case "i" is then "in")? health.ts, computed at the first "i". */
  nordic?: boolean;
  /** Whether the part has Czech, Slovak or South Slavic letters (č, š, ž, đ, ř…): health.ts, where "je" is "is", not French "I". */
  slavic?: boolean;
  /** First labels of the mail domains in the part (health.ts: "SCC" beside "@scc.example" is the organisation). */
  mailDomains?: Set<string>;
  /** Spans that sign like a sign-off block: a colleague's contact card (cards.ts). */
  staffBlocks?: Array<[number, number]>;
  /** Names on those cards, as personKey gives them: the same name elsewhere in the message is the colleague's. */
  staffNames?: string[];
  /** Whether the part is Italian (isItalian), computed at the first "il" or "i" read as a pronoun. */
  italian?: boolean;
  vietnamese?: boolean;
  /** Sorted starts of the health findings above "low" among the first `healthSeen` hits (healthBetween). */
  healthStarts?: Int32Array;
  healthSeen?: number;
}

/**
 * [start, end) of the line holding [s, e), but no further than `reach` characters either side (a megabyte-long line
 * stays linear); the native searches run over bounded slices.
 */
export function lineNear(text: string, s: number, e: number, reach: number): [number, number] {
  const from = Math.max(0, s - reach);
  const before = text.slice(from, s).lastIndexOf('\n');
  const after = text.slice(e, e + reach).indexOf('\n');
  return [from + before + 1, after < 0 ? Math.min(text.length, e + reach) : e + after];
}

/**
 * Tongan or Samoan text, where "he" is "the" ("ʻi he loki", in the room): the glottal stop ʻ, or the apostrophe typed for
 * it before the particles "ʻoku", "ʻi", "ʻa" ("'oku hoko ia 'i he uike"). English writes neither.
 */
export function isPolynesian(ctx: PartContext): boolean {
  return (ctx.polynesian ??= ctx.text.includes('ʻ') || POLYNESIAN_APOSTROPHE.test(ctx.text));
}
const POLYNESIAN_APOSTROPHE = /(?:^|\s)'(?:oku|i|a) [a-z]/;

/** Whether the part has Polish letters, read once. */
export function isPolish(ctx: PartContext): boolean {
  return (ctx.polish ??= POLISH_LETTERS.test(ctx.text));
}
const POLISH_LETTERS = /[ąęłńśźżĄĘŁŃŚŹŻ]/;

/** A service desk's ticket or incident (whose callers, requesters and resolvers are colleagues). */
export function isServiceDesk(ctx: PartContext): boolean {
  return (ctx.serviceDesk ??= SERVICE_DESK.test(ctx.text));
}
const SERVICE_DESK = /\b(?:ticket|incident|service ?desk|help ?desk)\b|\bINC-?\d/i;

/** Haitian Creole text: two different function words of its own ("pou", "yon", "mwen", "konnen"…), which French spells otherwise. */
export function isHaitianCreole(ctx: PartContext): boolean {
  if (ctx.haitianCreole !== undefined) return ctx.haitianCreole;
  const seen = new Set<string>();
  for (const m of ctx.text.matchAll(CREOLE_WORDS)) if (seen.add(m[1].toLowerCase()).size >= 2) return (ctx.haitianCreole = true);
  return (ctx.haitianCreole = false);
}
const CREOLE_WORDS = /(?:^|[\s(])(pou|yon|mwen|konnen|tanpri|kounye|bezwen|rele|gen|fè|lè)(?=[\s,.!?:])/gi;

/** Tagalog text, where "sa" is "in" and "si", "ni", "kay" mark a person's name (Spanish "si" is "if", "ni" "nor"). */
export function isTagalog(ctx: PartContext): boolean {
  return (ctx.tagalog ??= TAGALOG_WORDS.test(ctx.text));
}
const TAGALOG_WORDS = /(?:^|\s)(?:ng|mga|ang|ay|po|kung|hindi|naman|lang|bagong|paalala|salamat)[\s:,.!]/i;

/**
 * Italian text, where "il" and "i" are articles ("per il gruppo", "i turni"), not French "he" or English "I": two
 * different Italian function words that neither French nor Spanish writes.
 */
/** Vietnamese text: letters no other language writes (ơ, ư, đ and the tone marks under and over vowels). */
const VIETNAMESE_LETTERS = /[ơưđƠƯĐ\u1ea0-\u1ef9]/;
export function isVietnamese(ctx: PartContext): boolean {
  return (ctx.vietnamese ??= VIETNAMESE_LETTERS.test(ctx.text));
}

export function isItalian(ctx: PartContext): boolean {
  if (ctx.italian !== undefined) return ctx.italian;
  const seen = new Set<string>();
  for (const m of ctx.text.matchAll(ITALIAN_WORDS)) {
    seen.add(m[1].toLowerCase());
    if (seen.size >= 2) break;
  }
  return (ctx.italian = seen.size >= 2);
}
const ITALIAN_WORDS = /(?:^|\s)(della|delle|degli|gli|sono|ciao|grazie|allegato|anche|perché|il|che|di)(?=[\s,.!])/gi;

/**
 * Is there health content (a finding above "low") starting in [from, to)? A binary search over the
 * health findings' starts, so recognizers that ask it per line stay linear.
 */
export function healthBetween(ctx: PartContext, from: number, to: number): boolean {
  // Findings added since the last call (a later recognizer's) are read once, not on every call.
  const seen = ctx.healthSeen ?? 0;
  let starts = ctx.healthStarts;
  if (!starts || seen < ctx.hits.length) {
    const added: number[] = [];
    for (let i = seen; i < ctx.hits.length; i++) {
      const h = ctx.hits[i];
      if (h.role === 'health' && h.confidence !== 'low') added.push(h.start);
    }
    if (!starts || added.length > 0) {
      const all = new Int32Array((starts?.length ?? 0) + added.length);
      if (starts) all.set(starts);
      all.set(added, starts?.length ?? 0);
      starts = all.sort();
    }
    ctx.healthStarts = starts;
    ctx.healthSeen = ctx.hits.length;
  }
  const lo = lowerBound(starts, from);
  return lo < starts.length && starts[lo] < to;
}

/** Index of the first of the first `length` sorted values that is >= value (binary search). */
export function lowerBound(sorted: ArrayLike<number>, value: number, length = sorted.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * "Does [s, e) overlap a finding?" asked at many places in text order (a census of thousands of rows): the
 * findings present when it is built, sorted once with the running maximum of their ends, and those added
 * since through `add` (at or before the place asked about, as a reader moving forward adds them).
 */
export function overlapIndex(hits: Hit[], keep: (h: Hit) => boolean): { overlaps: (s: number, e: number) => boolean; add: (h: Hit) => void } {
  const list = hits.filter(keep).sort((a, b) => a.start - b.start);
  const starts = Int32Array.from(list, (h) => h.start);
  const maxEnd = new Int32Array(list.length);
  for (let i = 0, m = -1; i < list.length; i++) maxEnd[i] = m = Math.max(m, list[i].end);
  let addedEnd = -1;
  return {
    overlaps(s, e) {
      if (s < addedEnd) return true;
      const i = lowerBound(starts, e) - 1;
      return i >= 0 && maxEnd[i] > s;
    },
    add(h) {
      if (keep(h)) addedEnd = Math.max(addedEnd, h.end);
    },
  };
}

/**
 * Calls visit(k, lineEnd) for every token k with health content after it on its line, in text order:
 * the only places a name "at clinical content" can start. Lines without health content are skipped
 * whole, so recognizers that ask this cost nothing on ordinary prose.
 */
export function tokensBeforeHealth(ctx: PartContext, visit: (k: number, lineEnd: number) => void): void {
  healthBetween(ctx, 0, 0); // brings ctx.healthStarts up to date
  const starts = ctx.healthStarts!;
  const { text, tokens } = ctx;
  let next = 0;
  for (let i = 0; i < starts.length; ) {
    let lineStart = text.lastIndexOf('\n', starts[i] - 1) + 1;
    if (lineStart > 0) lineStart = wrappedLineStart(text, lineStart);
    let lineEnd = text.indexOf('\n', starts[i]);
    if (lineEnd < 0) lineEnd = text.length;
    let j = i;
    while (j + 1 < starts.length && starts[j + 1] < lineEnd) j++;
    const lastHealth = starts[j];
    let k = Math.max(next, tokenIndexAt(tokens, lineStart));
    for (; k < tokens.count && tokens.start[k] < lastHealth; k++) visit(k, lineEnd);
    next = k;
    i = j + 1;
  }
}

/** Length from which a line that stops mid-sentence was wrapped by the mailer (plain text wraps at 72–78). */
const WRAP_MIN = 60;

/**
 * Start of the line before `lineStart` when the sentence runs on from it ("…the code on Dale Whitford in
 * rm 6 tonight\n>> (cardiac arrest, …"): a long line ending without a stop. Otherwise lineStart.
 */
function wrappedLineStart(text: string, lineStart: number): number {
  let e = lineStart - 1;
  if (e > 0 && text.charCodeAt(e - 1) === 13) e--;
  const prevStart = text.lastIndexOf('\n', e - 1) + 1;
  if (e - prevStart < WRAP_MIN) return lineStart;
  const last = text.charCodeAt(e - 1);
  // Letters, digits, a comma or a closing bracket: the sentence goes on.
  const runsOn = (last >= 48 && last <= 57) || (last >= 65 && last <= 90) || (last >= 97 && last <= 122) || last === 44 || last === 41 || last > 0xbf;
  return runsOn ? prevStart : lineStart;
}

/** Index of the first token starting at or after pos (binary search). */
export function tokenIndexAt(t: Tokens, pos: number): number {
  return lowerBound(t.start, pos, t.count);
}

/** Folded words of up to n tokens before token k (nearest first), staying within `maxChars`. */
export function wordsBefore(ctx: PartContext, k: number, n: number, maxChars = 80): string[] {
  const out: string[] = [];
  const limit = ctx.tokens.start[k] - maxChars;
  for (let j = k - 1; j >= 0 && out.length < n && ctx.tokens.start[j] >= limit; j--) out.push(tokenText(ctx.text, ctx.tokens, j));
  return out;
}

export function wordsAfter(ctx: PartContext, k: number, n: number, maxChars = 60): string[] {
  const out: string[] = [];
  const limit = ctx.tokens.end[k] + maxChars;
  for (let j = k + 1; j < ctx.tokens.count && out.length < n && ctx.tokens.start[j] <= limit; j++) out.push(tokenText(ctx.text, ctx.tokens, j));
  return out;
}

/**
 * Is text[s, e) a whole cell of a delimited row: a comma, tab, semicolon or bar on one side at least, and that or the
 * line's edge on the other (spaces and quotes around the cell allowed)? Column names ("case_no,last,first"), and
 * "je" in "rabies_pre,je,cholera_oral", which is Japanese encephalitis there, not a pronoun.
 */
export function isCell(text: string, s: number, e: number): boolean {
  let i = s - 1;
  // "intake_a1c": a prefix joined by "_" belongs to the same cell.
  if (i >= 0 && text.charCodeAt(i) === 95) {
    i--;
    while (i >= 0 && s - i < 24 && /[A-Za-z0-9_]/.test(text[i])) i--;
  }
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 34)) i--;
  let j = e;
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 34 || text.charCodeAt(j) === 41 || text.charCodeAt(j) === 37)) j++;
  const sep = (c: number): boolean => c === 9 || c === 44 || c === 59 || c === 124;
  const before = i < 0 ? 10 : text.charCodeAt(i);
  const after = j >= text.length ? 10 : text.charCodeAt(j);
  return (sep(before) || before === 10) && (sep(after) || after === 10 || after === 13) && (sep(before) || sep(after));
}

/** A dictionary term of a clinical kind in text[a, b), with or without a finding of its own ("Comprehensive metabolic panel"). */
export function clinicalTermBetween(ctx: PartContext, a: number, b: number): boolean {
  const { terms, tokens } = ctx;
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens.start[terms[mid].first] < a) lo = mid + 1; else hi = mid; }
  for (let i = lo; i < terms.length && tokens.start[terms[i].first] < b; i++) if (CLINICAL_KINDS.has(terms[i].kind)) return true;
  return false;
}
