/**
 * Mail typed without capitals ("pt giovanni russo 72yo hx copd", "can someone call mrs adebayo",
 * "thanks\nkeanu kahale"). The name recognizers rely on capitalised words; in a part written in
 * lower case they accept lower-case words instead, but only where a strong cue already says "a
 * person's name comes here" (an honorific, a patient label, an age, a given name, a sign-off line),
 * and only words that are not common English, clinical shorthand or dictionary terms.
 */
import type { PartContext } from './context.ts';
import { foldTerm, hashWord } from './fold.ts';
import { F_ALL_UPPER, F_ALPHA, F_DIGIT, F_UPPER_FIRST } from './tokenizer.ts';

/** Words that are never a name in lower-case mail (function words, chat shorthand, clinical shorthand, common verbs/nouns). */
const CASUAL_STOP = new Set((
  'a an the and or but nor so yet if then than that this these those there here what who whom whose when where why how which ' +
  'i me my mine we us our you your he him his she her it its they them their im ive id ill youre hes shes its theyre dont cant wont didnt doesnt isnt wasnt ' +
  'is are was were be been being am has have had having do does did done will would shall should can could may might must ' +
  'not no yes yeah yep nope ok okay k kk lol hey hi hello hiya thanks thank thx ty pls plz please sorry sry fyi asap eod tmrw tmr tomorrow today tonight yesterday ' +
  'now later soon again also still just only even very really too well much many more most less least some any all each every both few other another same such ' +
  'up down out in on off over under into onto from to with without about for of at by as after before since until because while during per via re vs ' +
  'one two three four five six seven eight nine ten first second third last next new old good bad better worse best worst fine great ' +
  'call called calling calls text texted email emailed msg message messages note notes chart charts lab labs result results appt appts appointment ' +
  'schedule scheduled refill refills med meds pharmacy insurance visit visits home clinic office team staff front desk doc doctor dr nurse rn np pa md ' +
  'pt pts patient patients client resident wife husband son daughter mom mum dad mother father brother sister grandma grandpa family friend kid kids child baby boy girl man woman lady guy male female ' +
  'hospital monday tuesday wednesday thursday friday saturday sunday ' +
  'yo yr yrs year years month months week weeks wk wks day days hour hours min mins am pm morning afternoon evening night ' +
  'hx dx rx sx tx fx fu f u w wo s p c o pmh hpi ros bp hr rr ed er icu or pcp ems ama dnr abt bc b r n y ur u rm bed ' +
  'got get gets getting take takes took taking give gives gave make made need needs needed want wants wanted see seen saw say says said tell told ask asked ' +
  'know knows think thinks feel feels felt feeling look looks looked keep keeps let put start started stop stopped hold held recheck check checked go goes going went ' +
  'come comes came back coming left leave leaving send sent sending try tried use used using help work works worked working' +
  ' like just someone anyone everyone somebody anybody nobody none nothing something anything everything ' +
  'sats sat ra pain worried worse better ago since still again note update quick question questions q ' +
  'meet meeting huddle lunch rounds wait waiting stay staying sleeping resting admitted moved drew drawn ' + // "drew blood cultures"
  // "is maria covering the hep b room": what a colleague is doing, after her name.
  'covering cover covers running doing seeing asking handling picking bringing ' +
  // A bed board's states: "Rm 3 occ - contact isolation", "Rm 10 hold for ED transfer".
  'occ occupied vacant dirty blocked hold ' +
  'level data list care portal record records info information form summary report room bed unit floor ward case cases group program plan plans ' +
  'population safety education experience satisfaction flow count counts volume outreach access review only ' +
  'teams word excel outlook access project forms edge windows paint powerpoint onenote sharepoint zoom webex epic ' +
  // Things in a room: "insulin fridge in rm 3 alarming".
  'fridge freezer refrigerator cart printer computer monitor tv phone sink toilet door light heater ' +
  // Spanish, French, German function words and everyday words of patient mail.
  'hola soy es el la los las un una unos unas de del al en y o u que por para con sin mi mis tu tus su sus me te se lo le les ya si muy mas pero como desde hasta ' +
  'hoy ayer manana lunes martes miercoles jueves viernes sabado domingo puedo tengo estoy tomo tomar siento dolor gracias favor doctora ' +
  'bonjour salut je suis ai le des du et ou mais avec sans pour mon ma mes ton ta ses il elle nous vous est hier demain aujourd hui lundi mardi mercredi jeudi vendredi merci ' +
  'hallo ich bin habe der die das dem den ein eine einen und oder mit ohne fur mein meine ist heute gestern morgen montag dienstag mittwoch donnerstag freitag danke bitte ' +
  // Haitian Creole function words and everyday verbs of staff chat ("eske w ka tcheke tradiksyon an?").
  'mwen m ou w li l nou yo pa pou nan ak eske ka kapab te ap va se konsa fok mesi bonjou tcheke tradiksyon ekri kreyol fliye gratis pare vandredi'
).split(' '));

const NAME_DICT_KINDS = new Set(['c', 'x', 'L', 'p', 'l', 'r', 's', 'g', 'b', 'v', 'k', 'h']);

const SAMPLE_TOKENS = 400;
const SUBJECT_PREFIX = /^[ \t]*(?:(?:re|fw|fwd|aw|rv|tr|wg|automatic reply|auto[- ]?reply|autoreply|out of office)[ \t]*:[ \t]*)+/i;

/** Is this part typed in lower case? Few mixed-case words ("Thursday"), and it opens in lower case. */
export function isCasual(ctx: PartContext): boolean {
  if (ctx.casual !== undefined) return ctx.casual;
  const { tokens } = ctx;
  let alpha = 0;
  let capitalised = 0;
  let firstAlpha = -1;
  // Most mail opens with a capital: decided at the first word. Otherwise a sample of the opening
  // (a long quoted thread below says nothing about how this message was typed).
  const limit = Math.min(tokens.count, SAMPLE_TOKENS);
  // "Automatic reply: thiago lacerda - keppra …": a mail client's prefix before a subject typed in lower case.
  let from = 0;
  if (ctx.where.endsWith('subject')) {
    const prefix = SUBJECT_PREFIX.exec(ctx.text);
    if (prefix) while (from < limit && tokens.start[from] < prefix[0].length) from++;
  }
  for (let k = from; k < limit; k++) {
    const fl = tokens.flags[k];
    if ((fl & F_ALPHA) === 0 || (fl & F_DIGIT) !== 0) continue;
    if ((fl & F_UPPER_FIRST) !== 0 && (fl & F_ALL_UPPER) === 0) return (ctx.casual = false);
    break;
  }
  for (let k = from; k < limit; k++) {
    const fl = tokens.flags[k];
    if ((fl & F_ALPHA) === 0 || (fl & F_DIGIT) !== 0) continue;
    if (firstAlpha < 0) firstAlpha = k;
    alpha++;
    if ((fl & F_UPPER_FIRST) !== 0 && (fl & F_ALL_UPPER) === 0) capitalised++;
  }
  // Sentence starts (first word of a line, or after ". " "! " "? "): in lower-case mail they are lower case.
  let lowerStarts = 0;
  let upperStarts = 0;
  const { text } = ctx;
  for (let k = from; k < limit; k++) {
    const fl = tokens.flags[k];
    if ((fl & F_ALPHA) === 0 || (fl & F_DIGIT) !== 0) continue;
    let start = k === from || tokens.line[k - 1] !== tokens.line[k];
    if (!start) {
      const p = tokens.start[k] - 2;
      const c = p >= 0 ? text.charCodeAt(p) : 0;
      start = (c === 46 || c === 33 || c === 63) && text.charCodeAt(p + 1) === 32;
    }
    if (!start) continue;
    if ((fl & F_UPPER_FIRST) === 0) lowerStarts++;
    else if ((fl & F_ALL_UPPER) === 0) upperStarts++;
  }
  // One capitalised word (a colleague's name: "f/u 2 wks w/ Priya") does not make a short note typed with capitals.
  ctx.casual = alpha >= 3 && firstAlpha >= 0 && (tokens.flags[firstAlpha] & F_UPPER_FIRST) === 0 && (capitalised * 10 <= alpha || (capitalised === 1 && alpha >= 6)) && lowerStarts > 0 && upperStarts * 3 <= lowerStarts;
  return ctx.casual;
}

/** A lower-case word that can be part of a name: letters only, 2–24 long, not common, not a dictionary term. */
export function isCasualNameWord(ctx: PartContext, word: string): boolean {
  if (word.length < 2 || word.length > 24) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f) || c === 45;
    if (!letter) return false;
  }
  const folded = foldTerm(word);
  if (CASUAL_STOP.has(folded)) return false;
  const entries = ctx.dict.byFirstToken.get(hashWord(folded));
  if (entries) for (const e of entries) if (e.tokens.length === 1 && e.term === folded && NAME_DICT_KINDS.has(e.kind)) return false;
  return true;
}

/** End of a lower-case name of minWords..3 words starting at pos (single spaces between), or -1. */
export function casualNameAt(ctx: PartContext, pos: number, minWords: number): number {
  const { text } = ctx;
  // "1 admit from st brendan expected": after "st"/"saint" a given name is a hospital's or a parish's.
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, pos - 9), pos));
  if (before && SAINT_WORDS.has(before[1].toLowerCase())) return -1;
  let p = pos;
  let words = 0;
  let end = -1;
  while (words < 3) {
    let e = p;
    while (e < text.length && e - p <= 24) {
      const c = text.charCodeAt(e);
      if (!((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f) || c === 45)) break;
      e++;
    }
    if (e === p || !isCasualNameWord(ctx, text.slice(p, e))) break;
    words++;
    end = e;
    if (text.charCodeAt(e) !== 32 || e + 1 >= text.length) break;
    p = e + 1;
  }
  return words >= minWords ? end : -1;
}

/** A saint's title before a given name makes a place ("San Miguel Cuevas", "St. Brendan", "São João"): folded words. */
export const SAINT_WORDS = new Set(['san', 'santa', 'santo', 'sao', 'saint', 'sainte', 'sankt', 'st', 'ste']);
const WORD_BEFORE = /(?:^|[^\p{L}])(\p{L}+)\.?[ \t]$/u;

/** Two or three lower-case name words right before token k on its line (single spaces): [start, end] or null. */
export function casualNameBefore(ctx: PartContext, k: number): [number, number] | null {
  const { text, tokens } = ctx;
  let j = k - 1;
  let first = -1;
  let words = 0;
  while (j >= 0 && words < 3 && tokens.line[j] === tokens.line[k]) {
    const gapEnd = j + 1 < tokens.count ? tokens.start[j + 1] : tokens.end[j];
    const gap = gapEnd - tokens.end[j];
    if (gap < 1 || gap > 2) break;
    const g = text.charCodeAt(tokens.end[j]);
    if (g !== 32 && g !== 44) break;
    if ((tokens.flags[j] & (F_UPPER_FIRST | F_DIGIT)) !== 0) break;
    if (!isCasualNameWord(ctx, text.slice(tokens.start[j], tokens.end[j]))) break;
    first = j;
    words++;
    j--;
  }
  if (words < 2) return null;
  return [tokens.start[first], tokens.end[k - 1]];
}
