/**
 * Health content from dictionary matches: medications (with doses), diagnoses, procedures and lab
 * results (a lab name followed by a value). Also marks content tied to a person ("my A1c",
 * "her metformin"), which the decision uses.
 */
import { isCell, isHaitianCreole, isItalian, isPolish, isPolynesian, isTagalog, isVietnamese, type PartContext, tokenIndexAt, wordsBefore } from './context.ts';
import { makeHit, quote, type Hit } from './hit.ts';
import { matchAt, PATTERNS } from './patterns.ts';
import type { TermMatch } from './terms.ts';
import { F_ALL_UPPER, F_ALPHA, F_DIGIT, F_UPPER_FIRST, tokenEquals, tokenText, type Tokens } from './tokenizer.ts';
import { hashWord } from './fold.ts';

const DIAGNOSIS_CUES = new Set(['diagnosed', 'dx', 'hx', 'history', 'diagnosis', 'suffers', 'has', 'with', 'treated', 'for', 'confirmed', 'recovering', 'diagnostico', 'diagnostiquee', 'diagnostique', 'diagnose', 'leidet', 'padece', 'tiene',
  // "pour une pneumonie", "con neumonía", "wegen einer Pneumonie": the English cues' counterparts.
  'pour', 'avec', 'souffre', 'atteint', 'atteinte', 'por', 'con', 'wegen', 'mit', 'hat',
  // "positivo para hepatitis B", "positif au VIH", "positiv auf Influenza": a test's finding (English has "positive for").
  'positivo', 'positiva', 'positif', 'positiv']);
const LAB_FILLERS = new Set(['a', 'an', 'about', 'last', 'latest', 'reads', 'foi', 'went', 'around', 'like', 'only', 'still', 'just', 'score', 'scored', 'result', 'results', 'resultado', 'resultat', 'ergebnis', 'wert', 'of', 'is', 'was', 'at', 'level', 'levels', 'result', 'value', 'came', 'back', 'now', 'today', 'de', 'est', 'ist', 'von', 'es', 'fue', 'was', 'measured', 'reading', 'count', 'read', 'up', 'down', 'to',
  // When it was drawn: "bili this am 14.2", "K this morning 5.9".
  'this', 'am', 'pm', 'morning', 'tonight', 'yesterday', 'overnight', 'earlier', 'hoy', 'ayer', 'heute', 'gestern', 'ce', 'matin',
  // Plural analytes: "triglycerides were 412", "ketones are 3+".
  'were', 'are']);
const LAB_QUALITATIVE = new Set(['positive', 'negative', 'detected', 'undetectable', 'elevated', 'abnormal', 'reactive', 'positivo', 'negativo', 'positif', 'negatif', 'positiv', 'negativ', 'grew',
  'normal', 'nonreactive', 'neg', 'pos', 'borderline', 'unremarkable', 'positiva', 'negativa', 'normale', 'auffallig', 'unauffallig',
  'indeterminate', 'equivocal', 'inconclusive']);
/** Words between a lab name and a number that make the number a goal or a threshold, not a result ("A1c goal under 7%"). */
const LAB_TARGET = new Set(['goal', 'goals', 'target', 'targets', 'under', 'below', 'above', 'over', 'less', 'more', 'greater', 'than', 'keep', 'aim', 'should', 'range', 'cutoff', 'threshold', 'if', 'when', 'meta', 'objectif', 'ziel', 'unter', 'sous', 'menos', 'debajo']);
/** Words before a test that make its result a hypothesis or a general statement. */
const HYPOTHETICAL = new Set(['if', 'when', 'whether', 'a', 'an', 'any', 'most', 'some', 'si', 'cuando', 'wenn', 'falls', 'un', 'une', 'ein', 'eine']);
/** Other words a result sentence may hold before its value ("PSA from last week was 6.8 ng/mL"); the value then needs a unit. */
const LAB_FREE_WORDS = 3;
/** Between a drug's name and its dose: a release form ("ER"), a device ("SureClick", "KwikPen"), a strength ratio. */
// A route written with its dots bridges too ("morfina s.c. 2,5 mg", "i.v.", "p.o.").
const DOSE_BRIDGE = /^[ \t]{0,2}(?:(?:[A-Za-z]{2,4}|[A-Za-z]\.[A-Za-z]\.|SureClick|Sensoready|FlexPen|FlexTouch|KwikPen|SoloStar|Respimat|Ellipta|autoinjector)[ \t]{1,2}){0,2}(?:\d+(?:[.,]\d+)? ?(?:mg|mcg|g) ?\/ ?)?$/;
/** Words that make the content about one person. */
/** First person: the writer's own health ("my", "I've", "mi", "ich"). */
const FIRST_PERSON = new Set(['my', 'meu', 'minha', 'meus', 'minhas', 'i', 'im', 'ive', 'me', 'mi', 'mis', 'yo', 'tengo', 'estoy', 'tomo', 'siento', 'sufro', 'mon', 'ma', 'mes', 'je', 'j', 'ich', 'mein', 'meine', 'meinen', 'meiner', 'meinem',
  // Cebuano "akong", Tagalog "aking", Indonesian and Malay "saya" (after the noun: "mata saya").
  'akong', 'aking', 'saya']);
/** First-person words that tie content written before them to the writer ("… I've been", "… to my neck"). */
const FIRST_AFTER = new Set(['my', 'i', 'im', 'ive', 'me', 'mi', 'mis', 'je', 'j', 'ich', 'mein', 'meine', 'saya']);
const FIRST_AFTER_HASHES = new Set([...FIRST_AFTER].map(hashWord));
const THIRD_AFTER = new Set(['he', 'she', 'his', 'her']);
const THIRD_AFTER_HASHES = new Set([...THIRD_AFTER].map(hashWord));
/** Words after the content that tie it to the writer ("the sertraline … I've been", "rash … spreading to my neck"). */
const AFTER_WORDS = 6;
const SECOND_PERSON = new Set(['your', 'youre', 'tu', 'tus', 'su', 'sus', 'votre', 'vos', 'imong', 'iyong', 'sua', 'suas', 'seu', 'seus']);
export const PERSONAL_WORDS = new Set(['tengo', 'estoy', 'tomo', 'siento', 'sufro', 'my', 'i', 'im', 'ive', 'me', 'mi', 'mis', 'yo', 'mon', 'ma', 'mes', 'je', 'j', 'ich', 'mein', 'meine', 'meinen', 'meiner', 'meinem',
  'pt', 'your', 'youre', 'tu', 'tus', 'su', 'sus', 'votre', 'vos', 'ihr', 'ihre', 'ihren', 'ihrem', 'his', 'her', 'he', 'she', 'him', 'hes', 'shes', 'son', 'sa', 'ses', 'sein', 'seine', 'er', 'sie', 'ella', 'il', 'elle',
  'akong', 'aking', 'saya', 'imong', 'iyong', 'iyang', 'kanyang', 'sua', 'suas', 'seu', 'seus', 'meu', 'minha', 'meus', 'minhas']);

export function recognizeHealth(ctx: PartContext): void {
  const addresses = addressSpans(ctx);
  for (const m of ctx.terms) {
    let hit: Hit | null = null;
    if (addresses !== null && inSpans(addresses, ctx.tokens.start[m.first])) continue;
    // Vietnamese "phụ trách" (in charge) folds to "trach": a short term written without marks is no Vietnamese word that has them.
    if (m.first === m.last && m.entry.term.length <= 5 && hasMarks(ctx.text, ctx.tokens.start[m.first], ctx.tokens.end[m.last]) && isVietnamese(ctx)) continue;
    if (m.kind === 'g' || m.kind === 'b') hit = medication(ctx, m);
    else if (m.kind === 'c') hit = diagnosis(ctx, m);
    else if (m.kind === 'p') hit = procedure(ctx, m);
    else if (m.kind === 'l') hit = labResult(ctx, m) ?? resultsInSubject(ctx, m) ?? ownedTest(ctx, m);
    // "Elevated LDL cholesterol: 12 participants (32%)": a count of people with it is a statistic, nobody's result.
    if (hit && hit.role === 'health' && (STATISTIC_AFTER.test(ctx.text.slice(ctx.tokens.end[m.last], ctx.tokens.end[m.last] + 72)) || (m.kind === 'c' && countedPeopleBefore(ctx.text, ctx.tokens.start[m.first])))) {
      hit.confidence = 'low';
      hit.reasons.push('aggregate');
    }
    // "infusion centers using ChairFlow", "dialysis clinics in the county": a kind of facility, in the plural, is a market.
    if (hit && hit.role === 'health' && (m.kind === 'c' || m.kind === 'p') && FACILITIES_AFTER.test(ctx.text.slice(ctx.tokens.end[m.last], ctx.tokens.end[m.last] + 14))) {
      hit.confidence = 'low';
      hit.reasons.push('facility-kind');
    }
    if (hit) {
      // "my diabetes group visit", "her asthma clinic": a condition naming a service or programme is the
      // clinician's work, not the person's condition; the possessive belongs to the service.
      tiePerson(hit, (m.kind === 'c' || m.kind === 'p') && serviceAfter(ctx, m.last) ? 0 : personal(ctx, m.first, m.last));
      ctx.hits.push(hit);
    }
  }
  recognizeGermanCompounds(ctx);
}

// "the surgery center's medical staff office": or one facility by its possessive.
const FACILITIES_AFTER = /^[ \t](?:centers|centres|clinics|practices|programs|programmes|facilities|providers|(?:center|centre|clinic)['’]s)\b/i;
/** The rest of a statistic's row: words up to a colon, then a count of people, or a count and its share ("12 (32%)"). */
const STATISTIC_AFTER = /^[^\n\d:]{0,40}:[ \t]{0,3}\d[\d,]{0,6}(?:[ \t]{1,2}(?:of[ \t]\d[\d,]{0,6}[ \t])?(?:participants|patients|members|employees|people|persons|residents|clients|students|enrollees|pts)\b|[ \t]{0,2}\(\d{1,3}(?:\.\d)?[ \t]?%\))/i;

/**
 * Where words name an organisation's address, not anyone's health: mail addresses ("helpdesk@harrowgate-allergy.example")
 * and links' host names ("portal.harrowgate-allergy.example"). A link's path stays read: a shared file is named for
 * its content ("…/Moreno_Lucia_overbite_pano.pdf"). Null when the part has neither (most parts).
 */
function addressSpans(ctx: PartContext): number[] | null {
  let spans: number[] | null = null;
  for (const h of ctx.hits) {
    if (h.type === 'EMAIL_ADDRESS') (spans ??= []).push(h.start, h.end);
    else if (h.type === 'URL') {
      const scheme = ctx.text.indexOf('://', h.start);
      const hostStart = scheme >= 0 && scheme < h.end ? scheme + 3 : h.start;
      const slash = ctx.text.indexOf('/', hostStart);
      (spans ??= []).push(h.start, slash >= 0 && slash < h.end ? slash : h.end);
    }
  }
  return spans;
}
function inSpans(spans: number[], pos: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (pos >= spans[i] && pos < spans[i + 1]) return true;
  return false;
}

/**
 * German writes a diagnosis as one compound noun ("Prostatakarzinom", "Nierenerkrankung",
 * "Herzinsuffizienz"): no dictionary lists them all, but their last part says what they are.
 * Endings no English word has, on capitalised words of at least 9 letters.
 */
const GERMAN_DISEASE_ENDINGS = ['karzinom', 'karzinoms', 'karzinome', 'krebs', 'entzündung', 'erkrankung', 'insuffizienz', 'infarkt', 'stenose', 'thrombose', 'embolie', 'fraktur', 'ruptur', 'tumor', 'tumoren', 'sklerose'];
function germanEnding(text: string, s: number, e: number): string | null {
  for (const x of GERMAN_DISEASE_ENDINGS) if (e - s > x.length + 2 && text.startsWith(x, e - x.length)) return x;
  return null;
}

function recognizeGermanCompounds(ctx: PartContext): void {
  const { text, tokens } = ctx;
  // German prose has umlauts or an eszett somewhere: four native searches spare English mail the token walk.
  if (text.indexOf('ä') < 0 && text.indexOf('ö') < 0 && text.indexOf('ü') < 0 && text.indexOf('ß') < 0) return;
  for (let k = 0; k < tokens.count; k++) {
    const s = tokens.start[k];
    const e = tokens.end[k];
    if (e - s < 9 || (tokens.flags[k] & F_UPPER_FIRST) === 0) continue;
    const c = text.charCodeAt(e - 1);
    // Cheap pre-check on the last letter before comparing endings.
    if (c !== 109 && c !== 115 && c !== 101 && c !== 103 && c !== 122 && c !== 116 && c !== 114 && c !== 110) continue;
    const ending = germanEnding(text, s, e);
    if (!ending) continue;
    const cue = wordsBefore(ctx, k, 3, 40).find((w) => DIAGNOSIS_CUES.has(w));
    const h = makeHit('DIAGNOSIS', cue ? 'high' : 'medium', ctx.where, s, e, 'health', ['pattern:german-compound', `ending:${ending}`, ...(cue ? [`keyword:${cue}`] : [])], `${quote(text, s, e)} is a diagnosis (a German compound ending in '${ending}')`);
    tiePerson(h, personal(ctx, k, k));
    ctx.hits.push(h);
  }
}

/** Nouns that make a condition word the name of a service, class or programme. */
const SERVICE_NOUNS = new Set(['group', 'groups', 'class', 'classes', 'clinic', 'clinics', 'program', 'programs', 'programme', 'education', 'educator', 'educators',
  // "from the cardiology research unit", "the oncology department": a department, not anyone's condition.
  'unit', 'units', 'department', 'dept', 'research', 'ward', 'division', 'fellowship', 'residency',
  'workshop', 'workshops', 'team', 'service', 'services', 'course', 'curriculum', 'coach', 'coaches', 'coaching', 'fair', 'awareness', 'prevention', 'registry', 'panel', 'pathway', 'protocol', 'module',
  // "Your registration for the Obesity Fall Summit": a meeting, a society.
  'summit', 'conference', 'symposium', 'congress', 'society', 'association', 'foundation',
  // "I'll take it for the surgery waitlist": a list of patients, no one's care.
  'waitlist', 'waitlists',
  // "Can I borrow Room 204 for the insulin pen training": teaching staff, no one's care.
  'training', 'trainings', 'inservice', 'in-service']);
const SERVICE_HASHES = new Set([...SERVICE_NOUNS].map(hashWord));

function serviceAfter(ctx: PartContext, last: number): boolean {
  const { tokens, text } = ctx;
  const j = last + 1;
  if (j >= tokens.count || tokens.line[j] !== tokens.line[last] || tokens.start[j] - tokens.end[last] > 2) return false;
  // "Obesity Medicine", "Addiction Medicine": a specialty, capitalised; "his seizure medicine" is his drug.
  if ((tokens.flags[j] & F_UPPER_FIRST) !== 0 && tokenEquals(text, tokens, j, 'medicine')) return true;
  if (SERVICE_HASHES.has(tokens.hash[j]) && SERVICE_NOUNS.has(tokenText(text, tokens, j))) return true;
  // "the hospice and palliative care conference": a service named by two kinds of care joined by "and".
  if (!tokenEquals(text, tokens, j, 'and')) return false;
  for (let n = j + 2; n <= j + 4 && n < tokens.count && tokens.line[n] === tokens.line[last] && tokens.start[n] - tokens.end[n - 1] <= 2; n++) {
    if (SERVICE_HASHES.has(tokens.hash[n]) && SERVICE_NOUNS.has(tokenText(text, tokens, n))) return true;
  }
  return false;
}

/** A diagnosis cue among the three words before token k ("diagnosed with", "treated for"), not across the start of a list item. */
function cueBefore(ctx: PartContext, k: number): string | undefined {
  const { tokens, text } = ctx;
  const words = wordsBefore(ctx, k, 3, 40);
  for (let i = 0; i < words.length; i++) {
    const j = k - 1 - i;
    // A word on a line above: the line break lies between it and the next token, so the search back is short.
    if (tokens.line[j] !== tokens.line[k] && BULLET_START.test(text.slice(text.lastIndexOf('\n', tokens.start[j + 1]) + 1, tokens.start[k]))) return undefined;
    if (DIAGNOSIS_CUES.has(words[i])) return words[i];
  }
  return undefined;
}
/** A form's field for one person's condition: "Describe injury or illness: lumbar strain", "Chief complaint: chest pain". */
const FORM_CONDITION_LABEL = /(?:^|\n)[ \t]*(?:[A-Z][a-z]+ )?(?:injury or illness|nature of (?:the )?injury|injury type|type of injury|chief complaint|presenting (?:problem|complaint)|reason for (?:visit|referral|consult))[ \t]*:[ \t]*$/i;
/** What opens a list item: "- ", "• ", "* ", "1. ", "a) ". */
const BULLET_START = /^[ \t]*(?:[-•*·▪–]|\d{1,2}[.)]|[a-z][)])[ \t]/;

function span(ctx: PartContext, m: TermMatch): [number, number] {
  return [ctx.tokens.start[m.first], ctx.tokens.end[m.last]];
}

const CITY_AFTER = /^,?[ \t][A-Z]{2}[ \t]{1,2}\d{5}\b/;
/** "MRO verified result: POSITIVE – Amphetamine", "positive for fentanyl": a drug screen's finding. */
const POSITIVE_BEFORE = /\b(?:positive|pos|positivo|positiva)(?: for)?[ \t]{0,2}[-–:]?[ \t]{0,2}$/i;

function medication(ctx: PartContext, m: TermMatch): Hit | null {
  const { text, where } = ctx;
  const [s, e] = span(ctx, m);
  // "Doral, FL 33178": a place before a state and a ZIP code, whatever drug shares its name.
  if (CITY_AFTER.test(text.slice(e, e + 12))) return null;
  const kind = m.kind === 'g' ? 'generic' : 'brand';
  if (POSITIVE_BEFORE.test(text.slice(Math.max(0, s - 16), s))) {
    return makeHit('LAB_RESULT', 'high', where, s, e, 'health', [`dictionary:drug-${kind}`, 'result:qualitative'], `${quote(text, s, e)} found in a drug screen (positive)`);
  }
  // "fentanyl pos again", "THC neg": a drug with a screen's result after it.
  const screened = resultAfter(ctx, m.last);
  if (screened > 0) return makeHit('LAB_RESULT', 'high', where, s, screened, 'health', [`dictionary:drug-${kind}`, 'result:qualitative'], `${quote(text, s, e)} with a drug screen's result ${quote(text, ctx.tokens.start[m.last + 1], screened)}`);
  // "metformin 500 mg", "Lipitor 20mg", "metformin ER 750 mg"
  const window = text.slice(e, e + 40);
  for (let i = 0; i < window.length && i < 24; i++) {
    const c = window.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (!DOSE_BRIDGE.test(window.slice(0, i))) break;
      const de = matchAt(PATTERNS.dose, text, e + i);
      // "Jardiance 10mg samples": a dosed drug named as stock is goods, not someone's treatment; "her icatibant 30mg
      // kits" are her own.
      if (de > 0 && !ownedBefore(ctx, m.first) && (SUPPLY_AFTER.test(text.slice(de, de + 28)) || STOCK_ROW_AFTER.test(text.slice(de, de + 48)) || PACK_SIZE_AFTER.test(text.slice(de, de + 24)) || PRICE_AFTER.test(text.slice(de, de + 48)) || ordered(text, s, de))) return makeHit('MEDICATION', 'medium', where, s, de, 'health', [`dictionary:drug-${kind}`, 'pattern:dose', 'supply'], `${quote(text, s, de)} is a medication named as stock`);
      if (de > 0) return makeHit('MEDICATION', 'high', where, s, de, 'health', [`dictionary:drug-${kind}`, 'pattern:dose'], `${quote(text, s, e)} is a medication (${kind} name) with a dose`);
      break;
    }
  }
  if ((SUPPLY_AFTER.test(text.slice(e, e + 12)) && !ownedBefore(ctx, m.first)) || PRICE_AFTER.test(text.slice(e, e + 48)) || ordered(text, s, e)) return makeHit('MEDICATION', 'medium', where, s, e, 'health', [`dictionary:drug-${kind}`, 'supply'], `${quote(text, s, e)} is a medication named as stock`);
  return makeHit('MEDICATION', 'medium', where, s, e, 'health', [`dictionary:drug-${kind}`], `${quote(text, s, e)} is a medication (${kind} name)`);
}

/** A possessive right before token k ("her icatibant kits", "su Humira"): what follows is that person's. */
const POSSESSIVES = new Set(['her', 'his', 'my', 'your', 'their', 'su', 'sus', 'mi', 'mis']);
/** A possessive among the five tokens before k on its line ("her 03/04/2025 EGD": a date is three). */
function possessiveNear(ctx: PartContext, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 5 && ctx.tokens.line[j] === ctx.tokens.line[k]; j--) if (POSSESSIVES.has(tokenText(ctx.text, ctx.tokens, j))) return true;
  return false;
}
function ownedBefore(ctx: PartContext, k: number): boolean {
  if (k === 0 || ctx.tokens.line[k - 1] !== ctx.tokens.line[k]) return false;
  const w = tokenText(ctx.text, ctx.tokens, k - 1);
  // "my daughter's scoliosis brace": a person's possessive "'s" as well as a pronoun.
  return POSSESSIVES.has(w) || (w === 's' && /['’]$/.test(ctx.text.slice(ctx.tokens.start[k - 1] - 1, ctx.tokens.start[k - 1])));
}

function diagnosis(ctx: PartContext, m: TermMatch): Hit | null {
  const [s, e] = span(ctx, m);
  // "on file with SCC" beside "akessler@scc.example": an abbreviation that is a mail domain here names the organisation.
  if (e - s <= 5 && (ctx.tokens.flags[m.first] & F_ALL_UPPER) !== 0 && mailDomainLabels(ctx).has(ctx.text.slice(s, e).toLowerCase())) return null;
  // "Rev. Samuel Otieno, BCC" closing its line: letters after a name and a comma are a credential (a board-certified chaplain).
  if (e - s <= 5 && m.first === m.last && (ctx.tokens.flags[m.first] & F_ALL_UPPER) !== 0 && credentialPlace(ctx, m.first)) return null;
  // "National Latinx AIDS Awareness Day", "Breast Cancer Awareness Month": an observance's name, nobody's condition;
  // so is an event's or a society's ("Eating Disorders Conference", "Cancer Society").
  // One look at what follows serves the four readings below (most conditions end a clause).
  const after = ctx.text.charCodeAt(e) === 32 || ctx.text.charCodeAt(e) === 9 ? ctx.text.slice(e, e + 24) : '';
  if (after && (AWARENESS_AFTER.test(after) || EVENT_OR_SOCIETY_AFTER.test(after))) return null;
  // "removed from ALS assignments", "an ALS unit": advanced life support, an ambulance crew's level, no one's sclerosis.
  if (after && LIFE_SUPPORT_AFTER.test(after) && ctx.text.startsWith('ALS', s) && e - s === 3) return null;
  // "carpal tunnel night splint", "trigger finger MCP block" in a catalogue: a product line named for a condition.
  if (after && PRODUCT_AFTER.test(after) && !ownedBefore(ctx, m.first)) return makeHit('DIAGNOSIS', 'medium', ctx.where, s, e, 'health', ['dictionary:condition', 'supply'], `${quote(ctx.text, s, e)} names a product, not someone's condition`);
  // "the flu clinic", "flu season", "asthma workshop": a service or an event named for a condition, unless
  // someone's visit to it is told ("he's scheduled at the fracture clinic").
  // "your psoriasis trial": a study of the reader's condition is theirs; "your flu clinic" stays a service.
  // "Liam Hargrove attended the concussion clinic on 9/3": someone's visits to a clinic named for the condition are their care.
  if (after && SERVICE_AFTER.test(after) && !ownedStudy(personal(ctx, m.first, m.last), after) && !clinicAttended(ctx, m.first, after)) return makeHit('DIAGNOSIS', 'medium', ctx.where, s, e, 'health', ['dictionary:condition', 'supply'], `${quote(ctx.text, s, e)} names a service or an event, not someone's condition`);
  // "C diff POSITIVE", "COVID neg": a condition with a test result after it is one person's result.
  const result = resultAfter(ctx, m.last);
  if (result > 0) return makeHit('LAB_RESULT', 'high', ctx.where, s, result, 'health', ['dictionary:condition', 'result:qualitative'], `${quote(ctx.text, s, e)} with a test result ${quote(ctx.text, ctx.tokens.start[m.last + 1], result)}`);
  // "uninsured wound patients", "COPD patients": a group named by its condition, no one person's, so no cue before it
  // ("for") makes it definite.
  if (after && POPULATION_AFTER.test(after)) return makeHit('DIAGNOSIS', 'medium', ctx.where, s, e, 'health', ['dictionary:condition', 'population'], `${quote(ctx.text, s, e)} names a group of patients by their condition`);
  let cue = cueBefore(ctx, m.first) ?? (FORM_CONDITION_LABEL.test(ctx.text.slice(Math.max(0, s - 48), s)) ? 'form-label' : undefined);
  // "a special interest in haploidentical transplant for sickle cell disease": the cue belongs to a clinician's field.
  if (cue && professionalField(wordsBefore(ctx, m.first, 8, 70), 7)) cue = undefined;
  return makeHit('DIAGNOSIS', cue ? 'high' : 'medium', ctx.where, s, e, 'health', ['dictionary:condition', ...(cue ? [`keyword:${cue}`] : [])], `${quote(ctx.text, s, e)} is a diagnosis or condition`);
}

/** Token k right after a capitalised name word (or a credential) and ", ", closing its line or followed by another credential. */
function credentialPlace(ctx: PartContext, k: number): boolean {
  const { text, tokens } = ctx;
  const s = tokens.start[k];
  if (k === 0 || text.charCodeAt(s - 1) !== 32 || text.charCodeAt(s - 2) !== 44 || tokens.end[k - 1] !== s - 2 || tokens.line[k - 1] !== tokens.line[k]) return false;
  if ((tokens.flags[k - 1] & F_UPPER_FIRST) === 0 || (tokens.flags[k - 1] & F_DIGIT) !== 0) return false;
  const after = text.slice(tokens.end[k], tokens.end[k] + 3);
  return after === '' || /^(?:\r?\n|,[ \t][A-Z]|[ \t]?\|)/.test(after);
}

/** The first labels of the mail domains written in the part ("scc" of "akessler@scc.example"), read once. */
function mailDomainLabels(ctx: PartContext): Set<string> {
  if (ctx.mailDomains) return ctx.mailDomains;
  const labels = new Set<string>();
  for (const m of ctx.text.matchAll(MAIL_DOMAIN)) labels.add(m[1].toLowerCase());
  return (ctx.mailDomains = labels);
}
const MAIL_DOMAIN = /@([A-Za-z0-9-]{2,10})\./g;
const AWARENESS_AFTER = /^[ \t]{1,2}awareness\b/i;
const POPULATION_AFTER = /^[ \t]{1,2}(?:patients|clients|residents|survivors|populations?)\b/i;
/** Capitalised, as in a proper name, perhaps a word on ("Preemie Power 5K", "Allergy & Immunology Associates"), or a specialty's ("Allergy & Immunology"). */
const EVENT_OR_SOCIETY_AFTER = /^[ \t]{1,2}(?:&|and)[ \t]{1,2}[A-Z][a-z]{2,14}(?:ology|iatrics|iatry)\b|^[ \t]{1,2}(?:(?:&|and)[ \t]{1,2})?(?:[A-Z][a-z]{1,12}[ \t]{1,2})?(?:Conference|Symposium|Summit|Congress|Society|Association|Associates|Specialists|Institute|Foundation|Alliance|Coalition|Program|Programme|Course|Center|Centre|Pavilion|Hospital|Walk|Gala|5K|10K|Fun Run|Marathon|Telethon|Study|Meeting|Annual Meeting)\b/;
const LIFE_SUPPORT_AFTER = /^[ \t]{1,2}(?:assignments?|crews?|units?|providers?|ambulances?|rigs?|transports?|intercepts?|coverage|shifts?|level|medics?|paramedics?|protocols?)\b/i;
const thirdOrFirstPerson = (p: number): boolean => p === 1 || p === 2;
const STUDY_AFTER = /^[ \t]{1,2}(?:cohorts?|registry|registries|trials?)\b/i;
function clinicAttended(ctx: PartContext, first: number, after: string): boolean {
  return CLINIC_AFTER.test(after) && wordsBefore(ctx, first, 3, 30).some((w) => ATTENDED.has(w));
}
const CLINIC_AFTER = /^[ \t]{1,2}clinics?\b/i;
const ATTENDED = new Set(['attended', 'attends', 'attending', 'visited', 'visits', 'seen']);
const ownedStudy = (p: number, after: string): boolean => thirdOrFirstPerson(p) || (p === 3 && STUDY_AFTER.test(after));
/** Procedure words that are also phrasal verbs, by the particle that makes them verbs. */
const VERB_SENSES = new Map<string, RegExp>([['filling', /^[ \t]+(?:out|in|up|her|his|their|your|my|our|the|these|those|prescriptions?|orders?|scripts?|rx)\b/i]]);
const JOB_AFTER = /^[ \t]{1,2}(?:scheduling|therapists?|nurses?|coordinators?|coders?|billers?|auditors?|managers?|directors?|supervisors?|pharmacists?|physicians?|clinicians?|counselors?|schedulers?|receptionists?|technicians?|techs?|social workers?|case managers?|liaisons?|navigators?|educators?|specialists?)\b/i;
/** "técnico de diálisis", "enfermera de hemodiálisis", "technicienne en dialyse": Romance languages name the job first. */
const JOB_BEFORE = /(?:^|[^\p{L}])(?:t[ée]cnic[oa]s?|enfermer[oa]s?|coordinador(?:a|es|as)?|especialistas?|terapeutas?|auxiliar(?:es)?|jef[ea]s?|director(?:a|es|as)?|t[ée]cnico\(a\)|technicien(?:ne)?s?|infirmi[eè]re?s?|coordinat(?:eur|rice)s?)[ \t]+(?:de|en|da|do)(?:[ \t]+(?:la|el|los|las))?[ \t]+$/iu;
// …or a document's layout: "a 1-page VNG summary format", "the echo report template".
const GEAR_AFTER = /^[ \t]{1,2}(?:gym|gyms|kit|kits|suites?|wings?|pavilion|lobby|cart|carts|tray|trays|bench|benches|recliners?|(?:(?:summary|report|note|order) )?(?:format|formats|template|templates))\b/i;
// "the breast cancer walk raised $18,400": a fundraiser named for a condition, written in lower case too.
const SERVICE_AFTER = /^[ \t]{1,2}(?:clinics?|class|classes|season|workshops?|drive|campaign|cohorts?|registry|registries|trials?|walk|walkathon|fundraiser|gala|telethon|fun run|5k|10k)\b/i;
const PRODUCT_AFTER = /^[ \t]{1,2}(?:(?:night|wrist|thumb|knee|ankle|back)[ \t])?(?:splints?|braces?|kits?|cups?|cup set|sleeves?|supports?|mcp block)\b/i;

/** End of "positive" / "neg" / "detected" right after token `last` (a space, ":" or "-" between), or -1. */
function resultAfter(ctx: PartContext, last: number): number {
  const { text, tokens } = ctx;
  const e = tokens.end[last];
  if (text.charCodeAt(e) === 32 && text.charCodeAt(e + 1) === 43) return plusSignAt(text, e + 1);
  let j = last + 1;
  if (j >= tokens.count || tokens.line[j] !== tokens.line[last] || !/^[ \t]{0,2}[:\-–]?[ \t]{0,2}$/.test(text.slice(tokens.end[last], tokens.start[j])) || tokens.start[j] === tokens.end[last]) return -1;
  // "C. diff toxin positive", "COVID PCR neg": the test's name may stand between.
  if (j + 1 < tokens.count && tokens.line[j + 1] === tokens.line[j] && tokens.end[j] - tokens.start[j] <= 8 && TEST_WORDS.has(tokenText(text, tokens, j)) && tokens.start[j + 1] - tokens.end[j] <= 2) j++;
  if (tokens.end[j] - tokens.start[j] > 12 || !CONDITION_RESULTS.has(tokenText(text, tokens, j))) return -1;
  return tokens.end[j];
}
const TEST_WORDS = new Set(['toxin', 'pcr', 'antigen', 'ag', 'ab', 'culture', 'test', 'screen', 'swab', 'igg', 'igm', 'naat', 'rapid']);
/** "UDS + fentanyl": a "+" then a drug named: positive for it (end of the drug's name), or -1. */
function plusDrug(ctx: PartContext, pos: number): number {
  const { text, tokens } = ctx;
  if (text.charCodeAt(pos) !== 43 || text.charCodeAt(pos + 1) !== 32) return -1;
  const k = tokenIndexAt(tokens, pos + 2);
  if (k >= tokens.count || tokens.start[k] !== pos + 2) return -1;
  for (const m of ctx.terms) if (m.first === k && (m.kind === 'g' || m.kind === 'b')) return tokens.end[m.last];
  return -1;
}

/** End of a "+" or "(+)" that reads as "positive" ("strep +,", "NAAT came back (+)"), not "1+", "+2" or "A + B": or -1. */
function plusSignAt(text: string, pos: number): number {
  let p = pos;
  if (text.charCodeAt(p) === 40 /* ( */ && text.charCodeAt(p + 1) === 43 && text.charCodeAt(p + 2) === 41) return p + 3;
  if (text.charCodeAt(p) !== 43 /* + */) return -1;
  p++;
  // The sign closes its clause ("strep +, amox sent", "came back +."); "flu + COVID shots" joins two words.
  const c = p < text.length ? text.charCodeAt(p) : 10;
  if (c === 32) {
    // "screen + for passive ideation": positive for what follows.
    if (text.startsWith('for ', p + 1)) return p;
    // "+ -> contact iso": a space, then no word.
    const d = p + 1 < text.length ? text.charCodeAt(p + 1) : 10;
    return (d >= 48 && d <= 57) || ((d | 32) >= 97 && (d | 32) <= 122) || d > 127 || d === 43 ? -1 : p;
  }
  return c === 10 || c === 13 || c === 44 || c === 46 || c === 59 || c === 41 || c === 33 ? p : -1;
}
const CONDITION_RESULTS = new Set(['positive', 'negative', 'pos', 'neg', 'detected', 'positivo', 'positiva', 'negativo', 'negativa', 'positif', 'positive', 'negatif', 'positiv', 'negativ']);

/** A count of items before or after a term ("24 x rollator", "40 cs  Sodium chloride", "kits (qty 24)"), or stock words ("Backordered: amoxicillin …"). */
const QUANTITY_BEFORE = /(?:\b\d{1,5} ?(?:[x×]|cs|bx|pk|ea|cases?|boxes?|packs?|cartons?|kits?)\.?(?: of)?|\bqty:? ?\d{1,5} ?[x×]?|\b(?:backordered|back-ordered|out of stock|on backorder):?)[ \t]{0,3}$/i;
// "furosemide 40 mg tab NDC 00054-…": a product code after the drug names a package on a wholesaler's list.
const QUANTITY_AFTER = /^[ \t]{0,2}[(,-]?[ \t]?(?:qty|quantity|(?:[A-Za-z]{2,8}\.?[ \t]{1,2}){0,2}NDC(?=[ #:]))\b/i;
function ordered(text: string, s: number, e: number): boolean {
  return QUANTITY_BEFORE.test(text.slice(Math.max(0, s - 20), s)) || QUANTITY_AFTER.test(text.slice(e, e + 14));
}

function procedure(ctx: PartContext, m: TermMatch): Hit | null {
  const [s, e] = span(ctx, m);
  // "filling out the form": the verb, not a dental filling.
  const verb = VERB_SENSES.get(m.entry.term);
  if ((verb && verb.test(ctx.text.slice(e, e + 16))) || objectBefore(ctx, m)) return null;
  // "the Clinical TMS Society regional meeting", "Cardiac Rehab Association": a society or an event named for the care.
  if ((ctx.text.charCodeAt(e) === 32 || ctx.text.charCodeAt(e) === 9) && EVENT_OR_SOCIETY_AFTER.test(ctx.text.slice(e, e + 24))) return null;
  // "Statement for: Cedar Hollow Hospice, Bereavement Office": capitalised words before the care's name, the name
  // closing there, make an organisation's name.
  if (isUpperAt(ctx.text, s) && ORG_NAME_BEFORE.test(ctx.text.slice(Math.max(0, s - 48), s)) && ORG_NAME_END.test(ctx.text.slice(e, e + 3))) return makeHit('OTHER', 'low', ctx.where, s, e, 'health', ['dictionary:procedure', 'organisation'], `${quote(ctx.text, s, e)} ends an organisation's name`);
  // Equipment ordered by the dozen is stock, not someone's care.
  if (ordered(ctx.text, s, e)) return makeHit('OTHER', 'medium', ctx.where, s, e, 'health', ['dictionary:procedure', 'supply'], `${quote(ctx.text, s, e)} is equipment named as stock`);
  // "DOT physical: $95", "Audiogram - $30": a fee schedule's line prices the service, no one's care.
  // "overpaid for her 03/04/2025 EGD - $180.00": a price after someone's own procedure is their bill, no price list's.
  if (FEE_AFTER.test(ctx.text.slice(e, e + 12)) && !possessiveNear(ctx, m.first)) return makeHit('OTHER', 'medium', ctx.where, s, e, 'health', ['dictionary:procedure', 'supply'], `${quote(ctx.text, s, e)} is a service on a price list`);
  // "Outpatient Therapist", "Dialysis Nurse Coordinator": a job or an office named for the care, no one's care.
  if (JOB_AFTER.test(ctx.text.slice(e, e + 24)) || JOB_BEFORE.test(ctx.text.slice(Math.max(0, s - 32), s))) return makeHit('OTHER', 'low', ctx.where, s, e, 'health', ['dictionary:procedure', 'job-title'], `${quote(ctx.text, s, e)} names a job or an office`);
  // "the rehab gym", "the new nerve block kits": a room or a kit named for the care, no one's care.
  if (GEAR_AFTER.test(ctx.text.slice(e, e + 20))) return makeHit('OTHER', 'low', ctx.where, s, e, 'health', ['dictionary:procedure', 'gear'], `${quote(ctx.text, s, e)} names a room, a kit or a document's layout`);
  const cue = procedureCue(ctx, m.first);
  return makeHit('OTHER', cue ? 'high' : 'medium', ctx.where, s, e, 'health', ['dictionary:procedure', ...(cue ? [`keyword:${cue}`] : [])], `${quote(ctx.text, s, e)} is a clinical procedure or service`);
}

const ORG_NAME_BEFORE = /(?:^|\n|:[ \t]?|\b(?:at|from|for|to|with|of)[ \t])(?:[A-Z][a-z]+[ \t]){2,3}$/;
const ORG_NAME_END = /^(?:,|\.?$|\.?\r?\n|[ \t]\()/;
/** Does the text between s and e hold a letter with a diacritic (anything past ASCII)? */
function hasMarks(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** "s/p right total knee replacement", "status post left carpal tunnel release", "underwent a colonoscopy". */
function procedureCue(ctx: PartContext, k: number): string | null {
  const words = wordsBefore(ctx, k, 5, 50);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'underwent' || w === 'undergoing' || w === 'undergone') return w;
    const prev = i + 1 < words.length ? words[i + 1] : '';
    if (w === 'p' && prev === 's') return 's/p';
    if (w === 'post' && prev === 'status') return 'status post';
    if (w === 'n' && prev === 'z') return 'z. n.';
  }
  return null;
}

/** Things a whole number may count ("300 words", "12 slides"): a count, no lab value. */
const COUNTED_AFTER = /^[ \t](?:words?|characters?|pages?|slides?|lines?|seats?|spots?|copies|attendees|participants|people|palabras|páginas|mots)\b/i;

const LOAD_BEFORE_WEIGHT = new Set(['total', 'gross', 'net', 'tare', 'shipping', 'shipment', 'package', 'parcel', 'box', 'container', 'cargo', 'freight', 'load', 'pallet']);
/** "depo fridge temp log 2-8c", "room temp 22c", a log's "COIL_TEMP 41.2C": an appliance's or a room's temperature, no one's. */
const PLACE_BEFORE_TEMP = new Set(['fridge', 'freezer', 'refrigerator', 'cooler', 'room', 'storage', 'ambient', 'incubator', 'oven', 'water', 'warmer', 'vaccine', 'unit', 'autoclave', 'sterilizer', 'cabinet', 'coil', 'chamber', 'tank', 'battery', 'cpu', 'engine', 'motor']);
/**
 * Words read before a term that make it a thing's, not anyone's care: term -> words. A measurement then is the
 * object's; "merge fields in double braces" are typed characters, no orthodontics.
 */
const OBJECT_BEFORE: Record<string, Set<string>> = { weight: LOAD_BEFORE_WEIGHT, temp: PLACE_BEFORE_TEMP, temperature: PLACE_BEFORE_TEMP, temps: PLACE_BEFORE_TEMP, braces: new Set(['double', 'curly', 'square', 'angle', 'triple']) };
/** Is the word right before the term, on its line, one that makes the term a thing's (OBJECT_BEFORE)? */
function objectBefore(ctx: PartContext, m: TermMatch): boolean {
  const { text, tokens } = ctx;
  return m.first > 0 && tokens.line[m.first - 1] === tokens.line[m.first] && OBJECT_BEFORE[m.entry.term]?.has(tokenText(text, tokens, m.first - 1)) === true;
}

const CONTROL_BEFORE = /\b(?:level[ \t]?\d|lvl[ \t]?\d|high|low|normal|abnormal|QC)[ \t]controls?:?[ \t]$/i;
/** Words that head the value's line in a form or portal layout ("Test: A1c" / "Result: 7.9 %"). */
const RESULT_LINE_WORDS = new Set(['result', 'results', 'value', 'resultado', 'resultat', 'ergebnis', 'wert']);

/**
 * "Re: resultados TSH – Fabiola Ríos", "TSH results - Nowak": a subject naming a test's results speaks of someone's
 * results, whatever the value (the body may hold it, or an attachment). In a body, "TSH results take two days" explains.
 */
const RESULTS_WORDS = new Set(['results', 'result', 'resultados', 'resultado', 'resultats', 'resultat', 'ergebnisse', 'ergebnis']);
function resultsInSubject(ctx: PartContext, m: TermMatch): Hit | null {
  const { text, tokens, where } = ctx;
  if (where !== 'subject' && !where.endsWith(':subject')) return null;
  const near = (k: number): boolean => k >= 0 && k < tokens.count && tokens.line[k] === tokens.line[m.first] && RESULTS_WORDS.has(tokenText(text, tokens, k));
  if (!near(m.first - 1) && !near(m.last + 1)) return null;
  const [s, e] = span(ctx, m);
  return makeHit('LAB_RESULT', 'medium', where, s, e, 'health', ['dictionary:lab', 'result:named'], `${quote(text, s, e)} results named in the subject: someone's test results`);
}

/** "will send eight children with diabetes to camp", "120 patients with CHF": a count of people who have it, unless it is one's own ("my two kids with asthma"). */
const COUNTED_PEOPLE_BEFORE = /(?:^|[^\p{L}'’])((?:my|our|his|her|their)[ \t]+)?(?:\d{1,6}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozens of|hundreds of|several|many)[ \t]+(?:children|kids|patients|people|adults|teens|teenagers|families|women|men|veterans|residents|students|campers|members|clients)[ \t]+(?:with|who have|living with)[ \t]+$/iu;
function countedPeopleBefore(text: string, s: number): boolean {
  const m = COUNTED_PEOPLE_BEFORE.exec(text.slice(Math.max(0, s - 64), s));
  return m !== null && m[1] === undefined;
}

/**
 * A test named as someone's, without its result: "irene castellanos' thyroid panel", "Mr. Ruiz's A1c": a test that
 * person had or will have. Pronouns are left to the result ("what does my AMH level mean?" heads a newsletter).
 */
function ownedTest(ctx: PartContext, m: TermMatch): Hit | null {
  const { text, tokens, where } = ctx;
  const [s, e] = span(ctx, m);
  const k = m.first - 1;
  if (k < 0 || tokens.line[k] !== tokens.line[m.first] || s - tokens.end[k] > 3) return null;
  const gap = text.slice(tokens.end[k], s);
  if (!/^['’]s? $/.test(gap) || text.charCodeAt(e) === 45 || ordered(text, s, e)) return null;
  return makeHit('OTHER', 'medium', where, s, e, 'health', ['dictionary:lab', 'owned-test'], `${quote(text, s, e)} is a test someone had`);
}

const SODIUM_VALUE = /^1\d\d(?:[.,]\d)?(?:[ \t]?m(?:mol|eq)\/l)?$/i;
function labResult(ctx: PartContext, m: TermMatch): Hit | null {
  const { text, tokens, where } = ctx;
  const [s, e] = span(ctx, m);
  // "40 cs  Sodium chloride 0.9%": a product ordered by the case, no one's sodium.
  if (ordered(text, s, e)) return null;
  // "Total weight: 41 lb", "shipping weight": a load's weight, no one's; "fridge temp 2-8c" an appliance's.
  if (objectBefore(ctx, m)) return null;
  // "Level 1 control INR 1.1 (range 0.9-1.3) pass": a meter's quality-control reading, nobody's blood.
  // (Only a word ending in "l" or "s", or a colon, can close "control(s)" before the test: checked by character first.)
  if (text.charCodeAt(s - 1) === 32 && s >= 2 && ((text.charCodeAt(s - 2) | 32) === 108 || (text.charCodeAt(s - 2) | 32) === 115 || text.charCodeAt(s - 2) === 58) && CONTROL_BEFORE.test(text.slice(Math.max(0, s - 24), s))) return null;
  // "positive TB skin test", "negative PPD": the qualitative result written first.
  if (m.first > 0 && tokens.line[m.first - 1] === tokens.line[m.first] && s - tokens.end[m.first - 1] <= 2) {
    const before = tokens.end[m.first - 1] - tokens.start[m.first - 1] <= 14 ? tokenText(text, tokens, m.first - 1) : '';
    if (LAB_QUALITATIVE.has(before)) {
      const bs = tokens.start[m.first - 1];
      // "one reactive HCV Ab" reports a test; "a positive TB test means…" explains one.
      const hypothetical = wordsBefore(ctx, m.first - 1, 2, 24).some((w) => HYPOTHETICAL.has(w));
      return makeHit('LAB_RESULT', hypothetical ? 'medium' : 'high', where, bs, e, 'health', ['dictionary:lab', 'result:qualitative'], `${quote(text, s, e)} with a result ${quote(text, bs, tokens.end[m.first - 1])}`);
    }
  }
  // "Levesque_Roger_PHQ9_GAD7.pdf": a test named in a file name is the file's content, the report of it.
  if (where === 'attachment-name' || where.endsWith(':attachment-name')) {
    return makeHit('LAB_RESULT', 'medium', where, s, e, 'health', ['dictionary:lab', 'file-name'], `${quote(text, s, e)} in a file name: a test report`);
  }
  let pos = e;
  let free = 0;
  for (let round = 0; round < 4 + LAB_FREE_WORDS; round++) {
    // "~400 mL": about; "glucose (162)"; "quantiferon - came back positive": a spaced dash before the result.
    while (pos < text.length && pos - e < 30 && (/[ \t:=~(]/.test(text[pos]) || ((text[pos] === '-' || text[pos] === '–') && text[pos + 1] === ' '))) pos++;
    // The value on the next line, under a "Result:" heading.
    if (round === 0 && (text.charCodeAt(pos) === 10 || text.charCodeAt(pos) === 13)) {
      let q = pos;
      while (q < text.length && q - pos < 4 && /[\r\n \t]/.test(text[q])) q++;
      const k = tokenIndexAt(tokens, q);
      if (k < tokens.count && tokens.start[k] === q && tokens.end[k] - q <= 14 && RESULT_LINE_WORDS.has(tokenText(text, tokens, k))) pos = q;
    }
    let plus = plusSignAt(text, pos);
    if (plus < 0) plus = plusDrug(ctx, pos);
    if (plus > 0) {
      const hypothetical = wordsBefore(ctx, m.first, 3, 30).some((w) => HYPOTHETICAL.has(w));
      return makeHit('LAB_RESULT', hypothetical ? 'medium' : 'high', where, s, plus, 'health', ['dictionary:lab', 'result:qualitative'], `${quote(text, s, e)} with a result ${quote(text, pos, plus)}`);
    }
    const k = tokenIndexAt(tokens, pos);
    if (k >= tokens.count || tokens.start[k] !== pos) break;
    const c = text.charCodeAt(pos);
    if (c >= 48 && c <= 57) break;
    // "Albumin ≥ 4.0 g/dL", "A1c ≤ 7%": a bound is a target, like "<" and ">".
    if (c === 0x2264 || c === 0x2265) return null;
    const word = tokens.end[k] - pos <= 14 ? tokenText(text, tokens, k) : '';
    if (LAB_QUALITATIVE.has(word)) {
      // "GC/CT positive", "HPV test was negative" report one person's test; "if your Pap is abnormal" is a hypothesis.
      const hypothetical = wordsBefore(ctx, m.first, 3, 30).some((w) => HYPOTHETICAL.has(w));
      return makeHit('LAB_RESULT', hypothetical ? 'medium' : 'high', where, s, tokens.end[k], 'health', ['dictionary:lab', 'result:qualitative'], `${quote(text, s, e)} with a result ${quote(text, pos, tokens.end[k])}`);
    }
    if (!LAB_FILLERS.has(word)) {
      if (word === '' || LAB_TARGET.has(word) || (tokens.flags[k] & F_UPPER_FIRST) !== 0 || ++free > LAB_FREE_WORDS) return null;
    }
    pos = tokens.end[k];
  }
  const c = text.charCodeAt(pos);
  if (!(c >= 48 && c <= 57) && c !== 60 && c !== 62) return null;
  let ve = matchAt(PATTERNS.labValue, text, pos);
  if (ve < 0) return null;
  // A range carries its unit on its upper end: "LVEF 30-35%".
  const dash = text.charCodeAt(ve);
  if ((dash === 45 || dash === 0x2013) && text.charCodeAt(ve + 1) >= 48 && text.charCodeAt(ve + 1) <= 57) {
    // "Potassium: 3.5-5.1 mmol/L", "TSH 0.45-4.12": a test's range of decimals is its reference range, no one's result.
    // An ejection fraction is estimated as a range of whole numbers ("LVEF 30-35%") and stays one.
    if (/\d[.,]\d/.test(text.slice(pos, Math.min(text.length, ve + 8)))) return null;
    const upper = matchAt(PATTERNS.labValue, text, ve + 1);
    if (upper > 0 && /[%a-zµ°\/]/i.test(text.slice(ve + 1, upper))) ve = upper;
  }
  const value = text.slice(pos, ve);
  // "na 4. piętrze" (Polish: on the 4th floor): sodium is read only in its range ("Na 128").
  if (m.entry.term === 'na' && !SODIUM_VALUE.test(value)) return null;
  if (/^[<>]/.test(value)) return null; // "A1c < 7%" is a target, not a result
  if (/^(?:19|20)\d\d$/.test(value)) return null; // a year
  const unit = /[%a-zµ°\/]/i.test(value);
  if (free > 0 && !unit) return null;
  // "Ammonia release drill 11/04": after other words, a day and a month are a date, no result.
  if (free > 0 && /^[01]?\d\/[0-3]?\d$/.test(value)) return null;
  // A measured value has a unit or decimals ("A1c 8.2", "bili 14.2"); a whole number alone may be a count.
  const measured = unit || /\d[.,]\d/.test(value);
  // "trimmed the methods to fit 300 words": a whole number that counts the words after it measures nothing.
  if (!measured && COUNTED_AFTER.test(text.slice(ve, ve + 16))) return null;
  // "CMP      96     $9.50     $912.00": a whole number with prices after it on its line is a quantity billed.
  if (!measured && PRICE_ON_LINE.test(text.slice(ve, ve + 40))) return null;
  return makeHit('LAB_RESULT', measured ? 'high' : 'medium', where, s, ve, 'health', ['dictionary:lab', 'pattern:lab-value', ...(unit ? ['unit'] : measured ? ['decimal'] : [])], `${quote(text, s, e)} with a value ${quote(text, pos, ve)}: a lab result`);
}

/** Stock words right after the dose, or after a second strength ("mirabegron 25 mg and 50 mg samples"), or a count of boxes ("10 mg - 6 cajas"). */
const SUPPLY_AFTER = /^[ \t]{0,2}(?:(?:and|&|,)[ \t]{1,2}\d{1,4}(?:\.\d{1,3})?[ \t]?(?:mg|mcg|g)[ \t]{1,2})?(?:samples?|sample packs?|starter packs?|packs|cartons|boxes|cases|kits|in stock|pricing|price list|muestras)\b|^[ \t]{0,2}[-–,:][ \t]{0,2}\d{1,4}[ \t]{1,2}(?:cajas|boxes|cases|cartons|packs|bx|cs)\b/i;
/** A line of a distributor's order after the dose: "100 mg vial        qty 20  lot FJ4471". */
const STOCK_ROW_AFTER = /^[^\n]{0,32}\bqty[ \t:]{0,3}\d{1,5}[ \t]{1,4}lot\b/i;
/** A bottle size after the dose ("10 mg tab 100s x3", "20 mg cap 1000s"): a wholesaler's or a pharmacy's stock. */
// "40 mg 90ct", "500 mg cap 500ct": a count written with "ct" too.
const PACK_SIZE_AFTER = /^[ \t]{1,2}(?:[A-Za-z]{2,8}[ \t]{1,2}){0,2}\d{2,4}(?:s|ct)\b/;
/** A price right after a service ("DOT physical: $95"): a fee schedule's line. */
const FEE_AFTER = /^[ \t]{0,2}[:–-][ \t]{0,2}\$\d/;
/** A price per unit after the drug ("nasal spray 2-pk $44.00/kit", "brand $61.50/kit"): a quote for stock. */
// So is a price list's row: the product's NDC, then a price ("infliximab-dyyb 100 mg  0069-0813-11  Q5103  $426.48").
const PRICE_AFTER = /^[^\n$]{0,24}\$\d{1,6}(?:[.,]\d{2})? ?(?:\/|per )(?:kit|box|pack|pk|case|cs|ea|each|unit|vial|bottle|carton)\b|^[^\n$]{0,16}[ \t]\d{4,5}-\d{3,4}-\d{1,2}[ \t][^\n$]{0,24}\$\d/i;
/** Stock and delivery words between a person word and a drug: the drug is goods, not someone's treatment. */
const SUPPLY_WORDS = new Set(['sample', 'samples', 'packs', 'cartons', 'cases', 'boxes', 'inventory', 'stock', 'restock', 'shipment', 'shipped', 'delivered', 'drop', 'dropped', 'lot', 'muestras', 'echantillons', 'muster',
  // "I'll bring the naloxone distribution numbers": the writer carries figures or kits, takes nothing.
  'bring', 'brought', 'distribute', 'distributed', 'distribution',
  // "Your donation helps cover postpartum doula visits": the reader gave money, the care is others'.
  'gift', 'donation', 'donations', 'contribution',
  // "I moved the Vaxelis and Prevnar into fridge #1": the writer handles the stock.
  'moved', 'restocked', 'stocked', 'shelved', 'quarantined', 'discarded', 'wasted', 'counted', 'relabeled', 'relabelled', 'unpacked', 'fridge', 'freezer',
  // "He'll pick up the expired naloxone for disposal": stock past its date, nobody's dose.
  'expired', 'expiring', 'recalled',
  // "I'll update the standing order to allow torsemide substitution": the writer changes an order set or a formulary.
  'formulary', 'standing']);

/** Works with a title: a book, a talk, a film ("her memoir", "his podcast"). */
// "Mon  OR1 Ibarra (…)": a schedule's column gap after the day too (French "Mon fils" takes one blank).
const PRICE_ON_LINE = /^[ \t]{1,24}\$\d/;
const WEEKDAY_MARK_AFTER = /^(?:[,:\/)]|[ \t]?[-\u2013\u2014]|\t| {2})/;
const CARE_VERBS = new Set(['treating', 'treats', 'managing', 'manages']);
const QUESTION_WORDS = new Set(['questions', 'question', 'faqs', 'queries', 'query', 'inquiries', 'enquiries']);
// "Skills stations: PPV, intubation", "sim drill: shoulder dystocia": what a class practises is a skill, nobody's care.
const SKILL_BEFORE = new Set(['skills', 'stations', 'station', 'simulation', 'sim', 'drill', 'drills']);
// Reading on a topic ("he asked for the literature on hip fracture") is nobody's condition either.
const WORK_TITLE_WORDS = new Set(['book', 'books', 'memoir', 'novel', 'essay', 'article', 'articles', 'film', 'documentary', 'podcast', 'blog', 'column', 'chapter', 'poem', 'literature', 'papers', 'guidelines',
  // "she'll run a short session on ESRD billing": a talk she gives.
  'session', 'sessions', 'talk', 'lecture', 'presentation', 'webinar', 'inservice', 'workshop']);

/** "questions go to her", "route them to him": where questions are sent, a colleague. */
const ROUTED_TO = new Set(['go', 'goes', 'questions', 'route', 'routed', 'forward', 'forwarded', 'directed', 'escalate', 'escalated']);
const CONTACT_VERBS = new Set(['text', 'call', 'email', 'e-mail', 'page', 'ping', 'let', 'tell', 'ask', 'contact', 'message', 'phone', 'see', 'find']);
/** "RSVP to me", "send them to me", "reply to me": the writer collects answers, not their health. */
function replyToMe(text: string, tokens: Tokens, j: number): boolean {
  return j >= 2 && tokenEquals(text, tokens, j - 1, 'to') && BEFORE_TO_ME.has(tokenText(text, tokens, j - 2));
}
const BEFORE_TO_ME = new Set(['rsvp', 'reply', 'respond', 'send', 'sent', 'email', 'forward', 'return', 'report', 'submit', 'talk', 'speak', 'write', 'them', 'it', 'forms']);
const ASKED_VERBS = new Set(['ask', 'asks', 'asked', 'asking']);

/** Nouns of a clinician's work after a health word: "caseload", "census", "patients", "calls". */
const WORK_AFTER = new Set(['prescribing', 'caseload', 'caseloads', 'census', 'patients', 'panel', 'rounds', 'consults', 'referrals', 'coverage', 'calls', 'shift', 'shifts', 'list', 'worklist', 'worklists', 'queue', 'queues', 'experience', 'nursing', 'rotation', 'rotations', 'certification', 'career',
  // "joins us as a sepsis abstractor", "our stroke coordinator": a post named for the condition it tracks.
  'abstractor', 'abstractors', 'abstraction', 'coordinator', 'coordinators', 'educator', 'educators', 'committee',
  // "her VNG slots are blocked", "my CI mapping schedule": a clinician's bookings.
  'slots', 'schedule', 'template', 'templates']);
/** A skill a nurse is signed off on, a word or two after the care ("your ostomy pouching competency"). */
const SKILL_AFTER = new Set(['competency', 'competencies', 'checkoff', 'validation']);
const WORK_AFTER_HASHES = new Set([...WORK_AFTER].map(hashWord));

/** 0 none, 1 tied to a person ("her A1c", "your metformin"), 2 to the writer ("my A1c", "… I've been"). */
/** French "j'ai" is the writer; a "J" without its apostrophe is an initial ("J. Whitaker"). */
function initialJ(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return c !== 39 && c !== 0x2019;
}

/** Does a sentence end (".", "?", "!") between offsets a and b (the gap between two tokens)? */
function sentenceEndBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) { const c = text.charCodeAt(i); if (c === 63 || c === 46 || c === 33) return true; }
  return false;
}

const ORGANISATION_OWNED = new Set(['agency', 'clinic', 'practice', 'team', 'organization', 'organisation', 'facility', 'office', 'hospital', 'program', 'programme', 'unit', 'department', 'site', 'pharmacy']);
const COVER_VERBS = new Set(['cover', 'covering', 'covers', 'covered', 'swap']);

/** Does a quotation open between offsets a and b (a double quote, or a single one after a space)? */
function quoteBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 0x201c || c === 0x2018 || (c === 39 && i > a && text.charCodeAt(i - 1) === 32)) return true;
  }
  return false;
}

/** Is token k a lone letter opening its line with a dash, colon or bracket after it ("I - Infection", "I: …")? */
function listLetter(ctx: PartContext, k: number): boolean {
  const { tokens, text } = ctx;
  if (tokens.end[k] - tokens.start[k] !== 1 || (k > 0 && tokens.line[k - 1] === tokens.line[k])) return false;
  return /^[ \t]{0,2}[-–—:)]/.test(text.slice(tokens.end[k], tokens.end[k] + 4));
}

/** Does a word next to token k on its line have lower-case letters? */
function amidLowerCase(ctx: PartContext, k: number): boolean {
  const { tokens } = ctx;
  for (const j of [k - 1, k + 1]) if (j >= 0 && j < tokens.count && tokens.line[j] === tokens.line[k] && (tokens.flags[j] & F_ALPHA) !== 0 && (tokens.flags[j] & F_ALL_UPPER) === 0) return true;
  return false;
}

/** Records what personal() found on a health finding. */
export function tiePerson(h: Hit, p: number): void {
  h.personal = p > 0;
  h.personalFirst = p === 2;
  h.personalSecond = p === 3;
}

/** Is the word at [s, e) joined to another by a hyphen ("mis-shelved", "Type-I")? */
function hyphenated(text: string, s: number, e: number): boolean {
  return text.charCodeAt(s - 1) === 45 || (text.charCodeAt(e) === 45 && /[\p{L}\d]/u.test(text.charAt(e + 1)));
}

/** "a special interest in", "fellowship-trained in": the words that make a health word a clinician's field. */
const FIELD_NOUNS = new Set(['privileges', 'credentialed', 'interest', 'interests', 'specializes', 'specialises', 'specializing', 'specialty', 'speciality', 'expertise', 'experience', 'trained', 'training', 'fellowship', 'focus', 'focuses', 'background', 'certified', 'certification', 'passion', 'research']);
function professionalField(before: string[], reach = 2): boolean {
  for (let i = 0; i < reach && i + 1 < before.length; i++) {
    const w = before[i];
    if ((w === 'in' || w === 'on' || w === 'with') && FIELD_NOUNS.has(before[i + 1])) return true;
  }
  return false;
}

/** An age written as one token ("4yo", "67yoM"), and the words that make it a range of ages. */
const AGE_WORD = /^\d{1,3}yo[mf]?$/;
const AGE_RANGE_WORDS = new Set(['under', 'over', 'than', 'older', 'younger', 'aged', 'ages', 'from', 'to', 'and', 'or', 'all', 'most', 'many', 'every']);
/** English third-person and second-person words, which count in capitals too ("HIS", "PT" is handled apart). */
const ENGLISH_THIRD = new Set(['his', 'her', 'he', 'she', 'him', 'hes', 'shes', 'your', 'youre', 'pt']);

/** Where the double quote that p sits inside opened, on p's own line, or -1 ("the nurse was kind to my dad"). */
function quoteOpening(text: string, p: number): number {
  let open = -1;
  // A quotation is a sentence or two: looking further back would make a long line quadratic.
  for (let i = p - 1; i >= 0 && i >= p - 300; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if (c === 34 || c === 0x201c || c === 0x201d) open = open < 0 ? i : -1;
  }
  return open;
}

/** Does the part have Swedish, Norwegian or Danish letters (å, ä, ö, ø, æ)? */
function isNordic(ctx: PartContext): boolean {
  return (ctx.nordic ??= NORDIC_LETTERS.test(ctx.text));
}
const NORDIC_LETTERS = /[åäöøæÅÄÖØÆ]/;
function isSlavic(ctx: PartContext): boolean {
  return (ctx.slavic ??= SLAVIC_LETTERS.test(ctx.text));
}
const SLAVIC_LETTERS = /[čćšžđřěůČĆŠŽĐŘĚŮ]/;

/**
 * First-person words of one language that are other words in another: Hmong "me nyuam" is a child and "pub mis"
 * is breastfeeding, Portuguese "mês" a month, Polish "i" and "ma" are "and" and "has", while Spanish "mis" (my)
 * always has its noun right after it ("mis pastillas").
 */
function notTheWriter(ctx: PartContext, k: number, w: string): boolean {
  const { text, tokens } = ctx;
  // "38.4 mi": miles after a number. Polish "i" is "and", "ma" "has".
  if (w === 'mi') return k > 0 && (tokens.flags[k - 1] & F_DIGIT) !== 0 && tokens.line[k - 1] === tokens.line[k];
  // Swedish, Norwegian and Danish "i" is "in" ("symposium i Göteborg"); the English pronoun is a capital.
  if (w === 'i' && text.charCodeAt(tokens.start[k]) === 105 && isNordic(ctx)) return true;
  // "I am at a conference and will respond when I return. For urgent wound issues…": an out-of-office reply's absence.
  if (w === 'i' && k + 1 < tokens.count && (tokenEquals(text, tokens, k + 1, 'return') || tokenEquals(text, tokens, k + 1, 'returning'))) return true;
  if (w === 'i' || w === 'ma') return isPolish(ctx);
  // Tagalog "sa" is "in", "to", "for" ("para sa lahat ng outpatient MRI"); French "sa" is "his"/"her".
  // Haitian Creole "sa" is "that" ("Sa pou w konnen sou tibèkiloz", what you should know about TB).
  if (w === 'sa') return isTagalog(ctx) || isHaitianCreole(ctx);
  // Serbian, Croatian, Slovene, Czech and Slovak "je" is "is" ("sastanak tima je u četvrtak"); French "je" is "I".
  if (w === 'je') return isSlavic(ctx);
  // Tongan "he" is "the" ("ʻi he loki", in the room); Tongan and Samoan write the glottal stop ʻ, English never does.
  if (w === 'he') return isPolynesian(ctx);
  if (w === 'me') return k + 1 < tokens.count && tokenEquals(text, tokens, k + 1, 'nyuam');
  // Portuguese "por mês" (a month) folds to French "mes" (my); Spanish "este mes", "al mes" is a month too.
  if (w === 'mes') return text.charCodeAt(tokens.start[k] + 1) === 0xea || (k > 0 && tokens.line[k - 1] === tokens.line[k] && SPANISH_MONTH_BEFORE.has(tokenText(text, tokens, k - 1)));
  if (w === 'mis') return text.charCodeAt(tokens.end[k]) !== 32 || k + 1 >= tokens.count || tokens.start[k + 1] !== tokens.end[k] + 1;
  return false;
}

const SPANISH_MONTH_BEFORE = new Set(['este', 'el', 'cada', 'por', 'al', 'un', 'del', 'proximo', 'pasado', 'mismo', 'medio', 'ultimo', 'primer']);
/** "five years of ICSI and vitrification experience": the word "experience" a few words on, in the same clause. */
const EXPERIENCE_HASH = hashWord('experience');
function experienceAfter(ctx: PartContext, last: number): boolean {
  const { tokens, text } = ctx;
  for (let k = last + 2; k < tokens.count && k <= last + 4 && tokens.line[k] === tokens.line[last]; k++) {
    if (/[.;:!?]/.test(text.slice(tokens.end[k - 1], tokens.start[k]))) return false;
    if (tokens.hash[k] === EXPERIENCE_HASH && tokenText(text, tokens, k) === 'experience') return true;
  }
  return false;
}

/**
 * Whose health a finding is, from the pronouns and possessives around it: 0 nobody's, 1 a person's
 * ("her metformin"), 2 the writer's ("my A1c"), 3 only the reader's ("your A1c", "sus medicamentos").
 */
export function personal(ctx: PartContext, first: number, last: number): number {
  // "my inpatient caseload", "my post-op calls": the writer's work, not anyone's health.
  if (last + 1 < ctx.tokens.count && WORK_AFTER_HASHES.has(ctx.tokens.hash[last + 1]) && WORK_AFTER.has(tokenText(ctx.text, ctx.tokens, last + 1))) return 0;
  if (experienceAfter(ctx, last)) return 0;
  for (let j = last + 1; j <= last + 2 && j < ctx.tokens.count && ctx.tokens.line[j] === ctx.tokens.line[last]; j++) if (SKILL_AFTER.has(tokenText(ctx.text, ctx.tokens, j))) return 0;
  let found = 0;
  const before = wordsBefore(ctx, first, 8, 70);
  // "a special interest in home dialysis", "fellowship-trained in spine surgery": a clinician's field, nobody's health.
  if (professionalField(before, 4)) return 0;
  // Inside quotation marks the pronouns are a quoted voice (survey comments, a write-up of a case): they tie the
  // content to no one the message names. Words before the quote on its line still count ("pt states \"I stopped my…\"").
  const quote = quoteOpening(ctx.text, ctx.tokens.start[first]);
  for (let i = 0; i < before.length; i++) {
    const w = before[i];
    // "I dropped off 24 sample packs of Jardiance": the writer handles the drug, nobody takes it. A list item
    // above ("- new chore chart on the fridge") says nothing of the line below.
    if (SUPPLY_WORDS.has(w) && ctx.tokens.line[first - 1 - i] === ctx.tokens.line[first]) return found;
    // "a talk on her book 'Sitting with ALS'": the pronoun owns a work whose title names the condition.
    if (WORK_TITLE_WORDS.has(w) && ctx.tokens.line[first - 1 - i] === ctx.tokens.line[first]) return found;
    // "send her your questions about dialysis claims": a question's topic, before any pronoun owns it.
    if (w === 'about' && QUESTION_WORDS.has(before[i + 1] ?? '')) return found;
    // "a clinic treating low back pain": what a clinician treats is their patients', whoever writes of it.
    if ((CARE_VERBS.has(w) || SKILL_BEFORE.has(w)) && ctx.tokens.line[first - 1 - i] === ctx.tokens.line[first]) return found;
    // "CBT-I", "Type-I", "mis-shelved": a word joined by a hyphen is no pronoun.
    if (hyphenated(ctx.text, ctx.tokens.start[first - 1 - i], ctx.tokens.end[first - 1 - i])) continue;
    if (quote >= 0 && (ctx.tokens.start[first - 1 - i] > quote || ctx.tokens.line[first - 1 - i] !== ctx.tokens.line[first])) continue;
    // "ich biete eine Fortbildung an: "Demenz verstehen"": the writer offers a titled talk; a third person before a
    // quote still owns it ("pt states "…"").
    if (quote >= 0 && FIRST_PERSON.has(w)) continue;
    // "PT/OT, audiology": in capitals, PT is physical therapy; "pt", "Pt" is the patient.
    if (w === 'pt' && (ctx.tokens.flags[first - 1 - i] & F_ALL_UPPER) !== 0) continue;
    if (w === 'j' && initialJ(ctx.text, ctx.tokens.end[first - 1 - i])) continue;
    // "On Mon, Nov 11", "Mon - Dr. Osei on sedation", "Mon/Tue vestibular clinic": capitalised before a comma, a dash,
    // a colon or a slash, "Mon" is Monday, not French "my".
    if (w === 'mon' && (ctx.tokens.flags[first - 1 - i] & F_UPPER_FIRST) !== 0 && WEEKDAY_MARK_AFTER.test(ctx.text.slice(ctx.tokens.end[first - 1 - i], ctx.tokens.end[first - 1 - i] + 3))) continue;
    // "…,rabies_pre,je,cholera_oral": a cell of a delimited row is a column's name (Japanese encephalitis), no pronoun.
    if (isCell(ctx.text, ctx.tokens.start[first - 1 - i], ctx.tokens.end[first - 1 - i])) continue;
    // "most MA plans", "MI Medicaid": in capitals, a pronoun of two letters or more is an abbreviation.
    if (FIRST_PERSON.has(w) && w.length >= 2 && (ctx.tokens.flags[first - 1 - i] & F_ALL_UPPER) !== 0) continue;
    // "Coding reminder from HIM:", "the HIS downtime": in capitals amid lower case, health information management's or
    // a hospital information system's abbreviation (a message typed all in capitals keeps its pronouns).
    if ((w === 'him' || w === 'his') && (ctx.tokens.flags[first - 1 - i] & F_ALL_UPPER) !== 0 && amidLowerCase(ctx, first - 1 - i)) continue;
    // "methylphenidate ER 36 mg", "SA node": in capitals, another language's pronoun is an abbreviation too.
    if (!ENGLISH_THIRD.has(w) && w.length >= 2 && PERSONAL_WORDS.has(w) && (ctx.tokens.flags[first - 1 - i] & F_ALL_UPPER) !== 0) continue;
    // "people keep asking me: does Medicare pay for hospice": the writer is asked, the question is not about their health.
    if (w === 'me' && ASKED_VERBS.has(before[i + 1] ?? '')) continue;
    // "Let me know if you'd like to add audiograms": the writer asks to be told, their health is not in it.
    // (The verb is read from the text: "me" may be the last of the words gathered.)
    if (w === 'me' && first - 2 - i >= 0 && CONTACT_VERBS.has(tokenText(ctx.text, ctx.tokens, first - 2 - i))) continue;
    // "Covering for me:\n- diabetes education visits: Megan": an object pronoun on a line above is no owner of a list item.
    if (w === 'me' && ctx.tokens.line[first - 1 - i] !== ctx.tokens.line[first]) continue;
    if (notTheWriter(ctx, first - 1 - i, w)) continue;
    // "your agency's escalation protocol for heart failure": the pronoun owns an organisation, whose work the health is.
    if (i > 0 && ORGANISATION_OWNED.has(before[i - 1]) && PERSONAL_WORDS.has(w)) continue;
    // "T - Temperature\nI - Infection": a list's letter (a mnemonic's) opening its line is no pronoun.
    if (w === 'i' && listLetter(ctx, first - 1 - i)) continue;
    // "in allegato i turni … per il gruppo PICC": in Italian "il" and "i" are articles, not French "he" or English "I".
    if ((w === 'il' || w === 'i') && isItalian(ctx)) continue;
    // "Sam can cover my PICC days": the writer's shifts covered, not their care.
    if (w === 'my' && COVER_VERBS.has(before[i + 1] ?? '')) return found;
    // "I started him on metformin": the nearer third person is whose drug it is.
    if (FIRST_PERSON.has(w)) return found === 1 ? 1 : 2;
    if (PERSONAL_WORDS.has(w)) found = SECOND_PERSON.has(w) && found !== 1 ? 3 : 1;
    // "Client is a 4yo with ASD", "67yoM w/ CHF": one person of that age, unless a range of ages ("kids under 5yo").
    else if (found === 0 && AGE_WORD.test(w) && !AGE_RANGE_WORDS.has(before[i + 1] ?? '')) found = 1;
  }
  // First-person words just after, in the same sentence-ish window (same line).
  const { tokens, text } = ctx;
  if (quote >= 0) return found;
  for (let j = last + 1; j < tokens.count && j <= last + AFTER_WORDS && tokens.line[j] === tokens.line[last]; j++) {
    // "…when a parent calls about fever and sore throat? I couldn't find it": the sentence closes; the next one's "I"
    // is not the health's owner.
    if (sentenceEndBetween(text, tokens.end[j - 1], tokens.start[j])) break;
    // "…with a cancer diagnosis, asked 'Is God punishing me?'": the quote's voice, not the writer.
    if (quoteBetween(text, tokens.end[j - 1], tokens.start[j])) break;
    if (tokens.end[j] - tokens.start[j] > 4 || !FIRST_AFTER_HASHES.has(tokens.hash[j]) || hyphenated(text, tokens.start[j], tokens.end[j]) || isCell(text, tokens.start[j], tokens.end[j])) continue;
    // "ceftriaxone 500 mg IM once": in capitals, "IM" is intramuscular, as "MI" before the content is an infarction.
    if (tokens.end[j] - tokens.start[j] >= 2 && (tokens.flags[j] & F_ALL_UPPER) !== 0) continue;
    const w = tokenText(text, tokens, j);
    // "…flu shots. Text me if you're sick", "let me know": the writer asked to be reached, not their health.
    if ((w === 'me' && (CONTACT_VERBS.has(tokenText(text, tokens, j - 1)) || replyToMe(text, tokens, j))) || notTheWriter(ctx, j, w)) continue;
    if (w === 'j' && initialJ(text, tokens.end[j])) continue;
    if (FIRST_AFTER.has(w)) return 2;
  }
  // "… R heel ulcer, looks like green drainage + he says it smells": a third person right after, on the line.
  if (found === 0) {
    for (let j = last + 1; j < tokens.count && j <= last + AFTER_WORDS && tokens.line[j] === tokens.line[last]; j++) {
      if (tokens.end[j] - tokens.start[j] <= 3 && THIRD_AFTER_HASHES.has(tokens.hash[j]) && THIRD_AFTER.has(tokenText(text, tokens, j))) {
        // "…doxycycline questions go to her on 541-…": whom questions go to is a colleague, not the health's owner.
        if (j > 1 && tokenEquals(text, tokens, j - 1, 'to') && ROUTED_TO.has(tokenText(text, tokens, j - 2))) continue;
        return 1;
      }
    }
  }
  return found;
}
