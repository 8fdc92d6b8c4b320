/**
 * Health content and person cues in Arabic, Persian, Russian, Ukrainian, Chinese, Japanese and Korean, read by stems
 * (phi/data/health-stems.tsv) where the token dictionary cannot list the words:
 * - Arabic attaches "and", "with", "for", "the" to the front of a word ("بالأنسولين"), so a word is
 *   read after those prefixes, and by its start;
 * - Russian inflects the end ("фентанилом", "Волкова"): a word is read by its start;
 * - Korean attaches particles to the end ("당뇨병이"), Chinese writes no spaces ("病毒载量检测"): a stem is
 *   found anywhere in a run of their characters.
 * Stems of three letters or fewer must be the whole word (after Arabic prefixes): "вич", "узи", "ربو".
 * Runs only on parts that hold one of these scripts (one native test on the text), in linear time:
 * each character is looked up once per stem sharing its first character.
 */
import type { StemEntry } from '../dictionary/codec.ts';
import { healthBetween, type PartContext } from './context.ts';
import { normalizeArabic } from './fold.ts';
import { makeHit, quote } from './hit.ts';
import type { PhiType } from '../types.ts';

const OTHER_SCRIPTS = /[\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف', 'ك'];
const HEALTH_TYPE: Record<string, PhiType> = { condition: 'DIAGNOSIS', drug: 'MEDICATION', lab: 'LAB_RESULT', procedure: 'OTHER' };
const WHAT: Record<string, string> = { condition: 'a condition', drug: 'a medication', lab: 'a lab test', procedure: 'a clinical procedure' };
/** Arabic words that follow "the patient" or "Mrs" without being a name. */
const ARABIC_NOT_NAME = new Set(['في', 'من', 'علي', 'الي', 'عن', 'مع', 'هو', 'هي', 'لديه', 'لديها', 'يجب', 'قد', 'لا', 'لم', 'لن', 'كان', 'كانت', 'هذا', 'هذه', 'الذي', 'التي', 'ان', 'يحتاج', 'تحتاج', 'يرجي', 'اذا', 'او', 'ثم', 'عند', 'بعد', 'قبل', 'الان', 'ايضا',
  // Verbs that follow "the patient": takes, suffers, feels, must see.
  'تناول', 'يتناول', 'تتناول', 'اخذ', 'ياخذ', 'تاخذ', 'يعاني', 'تعاني', 'يشعر', 'تشعر', 'مراجعه', 'زياره']);
/** Chinese characters that end a name read backwards from a title ("我是林嘉怡的妈妈": 是 is no name). */
const CJK_NOT_NAME = new Set([...'是的给和与为您我请对向在你他她们说叫找']);

type Script = 'arabic' | 'cyrillic' | 'cjk' | 'hangul' | null;
function scriptOf(c: number): Script {
  if (c >= 0x600 && c <= 0x6ff) return 'arabic';
  if (c >= 0x400 && c <= 0x4ff) return 'cyrillic';
  // Japanese kana read like Han characters: both run together without spaces.
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff)) return 'cjk';
  if (c >= 0xac00 && c <= 0xd7af) return 'hangul';
  return null;
}

/** Number of context stems found (healthcare-setting words), for the part's context count. */
export function recognizeStems(ctx: PartContext): number {
  const { text, tokens, dict } = ctx;
  if (dict.stems.size === 0 || !OTHER_SCRIPTS.test(text)) return 0;
  let context = 0;
  const persons: Array<[k: number, script: Script, end: number]> = [];
  const titles: Array<[k: number, script: Script, start: number]> = [];
  // Words of the script-dependent readings, built once per token (Arabic: the word after each prefix).
  const word = (k: number): string => text.slice(tokens.start[k], tokens.end[k]);
  const forms = (k: number, script: Script): string[] => (script === 'cyrillic' ? [word(k).toLowerCase()] : arabicForms(word(k)));
  const found = (e: StemEntry, s: number, end: number, k: number, script: Script): void => {
    if (e.kind === 'context') { context++; return; }
    if (e.kind === 'person') { persons.push([k, script, end]); return; }
    if (e.kind === 'title') { titles.push([k, script, s]); return; }
    // A dose or a value after a drug or a test ("ريتالين ١٠ ملغ", "фентанилом 25 мкг", "血糖12"): definite.
    const valued = (e.kind === 'drug' || e.kind === 'lab') && digitSoon(text, end);
    ctx.hits.push(makeHit(HEALTH_TYPE[e.kind], valued ? 'high' : 'medium', ctx.where, s, end, 'health', [`dictionary:${e.kind === 'drug' ? 'drug-stem' : e.kind}`, 'stem'], `${quote(text, s, end)} is ${WHAT[e.kind]} (${scriptName(text.charCodeAt(s))})`));
  };
  for (let k = 0; k < tokens.count; k++) {
    const s = tokens.start[k];
    const script = scriptOf(text.charCodeAt(s));
    if (script === null) continue;
    if (script === 'cjk' || script === 'hangul') {
      // Anywhere in the run: at each character, the stems that start with it.
      const e0 = tokens.end[k];
      for (let i = s; i < e0; i++) {
        const list = dict.stems.get(text.charAt(i));
        if (!list) continue;
        for (const e of list) {
          if (e.words.length === 1 ? text.startsWith(e.stem, i) : multiWordAt(text, tokens, k, i, e)) {
            const end = e.words.length === 1 ? i + e.stem.length : tokens.end[k + e.words.length - 1];
            found(e, i, end, k, script);
            if (e.kind !== 'title' && e.kind !== 'person') i = Math.min(end, e0) - 1;
            break;
          }
        }
      }
      continue;
    }
    const candidates = forms(k, script);
    outer: for (const form of candidates) {
      const list = dict.stems.get(form.charAt(0));
      if (!list) continue;
      for (const e of list) {
        if (!fits(form, e.words[0])) continue;
        let last = k;
        for (let j = 1; j < e.words.length; j++) {
          const n = k + j;
          if (n >= tokens.count || tokens.line[n] !== tokens.line[k] || !forms(n, script).some((f) => fits(f, e.words[j]))) { last = -1; break; }
          last = n;
        }
        if (last < 0) continue;
        found(e, s, tokens.end[last], last, script);
        break outer;
      }
    }
  }
  // Names in text order, none overlapping another (the other name readings run after this one).
  const names: Array<[s: number, e: number, cue: string]> = [];
  for (const [k, script, end] of persons) nameAfterCue(ctx, k, script, end, names);
  for (const [k, script, start] of titles) nameBeforeTitle(ctx, k, script, start, names);
  names.sort((a, b) => a[0] - b[0]);
  let lastEnd = -1;
  for (const [s, e, cue] of names) {
    if (s < lastEnd) continue;
    pushName(ctx, s, e, cue);
    lastEnd = e;
  }
  return context;
}

/** Korean multi-word stems ("언어 지연"): the first word starts at i, the next tokens start with the rest. */
function multiWordAt(text: string, tokens: PartContext['tokens'], k: number, i: number, e: StemEntry): boolean {
  if (!text.startsWith(e.words[0], i)) return false;
  for (let j = 1; j < e.words.length; j++) {
    const n = k + j;
    if (n >= tokens.count || tokens.line[n] !== tokens.line[k] || !text.startsWith(e.words[j], tokens.start[n])) return false;
  }
  return true;
}

/** A digit (ASCII, Arabic-Indic or full-width) within the next 12 characters on the line. */
function digitSoon(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + 12);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if ((c >= 48 && c <= 57) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

function scriptName(c: number): string {
  const s = scriptOf(c);
  if (s === 'cjk') return c >= 0x3040 && c <= 0x30ff ? 'Japanese' : 'Chinese or Japanese';
  return s === 'arabic' ? 'Arabic script' : s === 'cyrillic' ? 'Cyrillic' : 'Korean';
}

const NAME_REACH = 300;
function pushName(ctx: PartContext, s: number, e: number, cue: string): void {
  const { text } = ctx;
  // Health content on the name's line, within a bounded reach (a megabyte-long line stays linear).
  let lineStart = Math.max(0, s - NAME_REACH);
  for (let i = s - 1; i >= lineStart; i--) if (text.charCodeAt(i) === 10) { lineStart = i + 1; break; }
  let lineEnd = Math.min(text.length, e + NAME_REACH);
  for (let i = e; i < lineEnd; i++) if (text.charCodeAt(i) === 10) { lineEnd = i; break; }
  const reasons = healthBetween(ctx, lineStart, lineEnd) ? ['name:cue', 'stem', 'name:next-to-health'] : ['name:cue', 'stem'];
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, e, 'named', reasons, `${quote(text, s, e)} ${cue}: a person's name`));
}

/**
 * "المريضة فاطمة الزهراني", "дочь Антонины Петровны Кравец", "患者王秀英，": the words after "the patient", "Mrs",
 * "son of"… Arabic: two words that are no function words or stems; Russian: two or three capitalised words;
 * Chinese: the next two or three characters, ending there; Korean (no cue listed today: 환자 is read as a
 * title, since Korean writes the name first): the next word of two to four syllables.
 */
function nameAfterCue(ctx: PartContext, k: number, script: Script, end: number, names: Array<[number, number, string]>): void {
  const { text, tokens } = ctx;
  const cue = `after ${quote(text, tokens.start[k], end)}`;
  if (script === 'cjk') {
    let n = 0;
    while (n < 3 && end + n < text.length && isHan(text.charCodeAt(end + n)) && !CJK_NOT_NAME.has(text.charAt(end + n))) n++;
    // A name is a short run of its own ("患者王秀英，女"), or closed by a title; "糖尿病患者每年应…" goes on.
    const closed = end + n >= text.length || scriptOf(text.charCodeAt(end + n)) !== 'cjk' || titleAt(ctx, end + n);
    if (n >= 2 && closed) names.push([end, end + n, cue]);
    return;
  }
  const next = (j: number): boolean => j < tokens.count && tokens.line[j] === tokens.line[k] && scriptOf(text.charCodeAt(tokens.start[j])) === script && /^\s*$/.test(text.slice(tokens.end[j - 1], tokens.start[j]));
  if (script === 'hangul') {
    if (next(k + 1) && tokens.end[k + 1] - tokens.start[k + 1] >= 2 && tokens.end[k + 1] - tokens.start[k + 1] <= 4) names.push([tokens.start[k + 1], tokens.end[k + 1], cue]);
    return;
  }
  if (script === 'cyrillic') {
    let j = k + 1;
    while (j < tokens.count && j <= k + 3 && next(j) && isCapital(text.charCodeAt(tokens.start[j]))) j++;
    if (j - k - 1 >= 2) names.push([tokens.start[k + 1], tokens.end[j - 1], cue]);
    return;
  }
  // Arabic: two words, neither a function word nor a known stem.
  if (!next(k + 1) || !next(k + 2)) return;
  for (const j of [k + 1, k + 2]) {
    const w = normalizeArabic(text.slice(tokens.start[j], tokens.end[j]));
    if (w.length < 2 || ARABIC_NOT_NAME.has(w) || isStem(ctx, w)) return;
  }
  names.push([tokens.start[k + 1], tokens.end[k + 2], cue]);
}

/** "王伟先生", "我是林嘉怡的妈妈", "박서연 엄마입니다", "김민수 환자": the name before "Mr", "Ms", "'s mother", "patient". */
function nameBeforeTitle(ctx: PartContext, k: number, script: Script, start: number, names: Array<[number, number, string]>): void {
  const { text, tokens } = ctx;
  const cue = `before ${quote(text, start, Math.min(text.length, start + 3))}`;
  if (script === 'cjk') {
    let n = 0;
    while (n < 3 && start - n - 1 >= tokens.start[k] && !CJK_NOT_NAME.has(text.charAt(start - n - 1)) && isHan(text.charCodeAt(start - n - 1))) n++;
    if (n >= 2) names.push([start - n, start, cue]);
    return;
  }
  if (script === 'hangul' && start === tokens.start[k] && k > 0 && tokens.line[k - 1] === tokens.line[k]) {
    const len = tokens.end[k - 1] - tokens.start[k - 1];
    if (len >= 2 && len <= 4 && scriptOf(text.charCodeAt(tokens.start[k - 1])) === 'hangul' && !isStem(ctx, text.slice(tokens.start[k - 1], tokens.end[k - 1]))) names.push([tokens.start[k - 1], tokens.end[k - 1], cue]);
  }
}

/** Chinese and Japanese names are written in Han characters; kana before "さん" is a word ("みなさん", everyone). */
function isHan(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

function titleAt(ctx: PartContext, i: number): boolean {
  const list = ctx.dict.stems.get(ctx.text.charAt(i));
  return list !== undefined && list.some((e) => e.kind === 'title' && ctx.text.startsWith(e.stem, i));
}

function isCapital(c: number): boolean {
  return c >= 0x400 && c <= 0x42f;
}

/** An Arabic word normalised, and the same word after each prefix it may carry ("والأنسولين" → "انسولين"). */
function arabicForms(word: string): string[] {
  const w = normalizeArabic(word);
  const out = [w];
  for (const p of ARABIC_PREFIXES) if (w.length > p.length + 2 && w.startsWith(p)) out.push(w.slice(p.length));
  return out;
}

/** A stem of three letters or fewer is the whole word; a longer one starts it. */
function fits(form: string, stem: string): boolean {
  return stem.length <= 3 ? form === stem : form.startsWith(stem);
}

/** Whether a word is health or setting vocabulary; not person cues: "السيد" (Mr) is also a family name (El-Sayed). */
function isStem(ctx: PartContext, word: string): boolean {
  // Arabic by its forms and the whole-word rule; Korean by the stem its word starts with ("치매", "매독").
  const arabic = scriptOf(word.charCodeAt(0)) === 'arabic';
  const match = (form: string, stem: string): boolean => (arabic ? fits(form, stem) : form.startsWith(stem));
  return (arabic ? arabicForms(word) : [word]).some((form) => ctx.dict.stems.get(form.charAt(0))?.some((e) => e.kind !== 'person' && e.kind !== 'title' && match(form, e.words[0])) ?? false);
}

