/**
 * Health content and person cues in Arabic, Persian, Urdu, Hebrew, Greek, Russian, Ukrainian, Hindi, Nepali, Bengali,
 * Punjabi (Gurmukhi), Tamil, Amharic, Chinese, Japanese, Korean and Khmer, read by stems (phi/data/health-stems.tsv) where the
 * token dictionary cannot list the words:
 * - Arabic attaches "and", "with", "for", "the" to the front of a word ("بالأنسولين"), Hebrew "and", "the", "in",
 *   "to", "from", "that" ("והכימותרפיה", "לבדיקת"): a word is read after those prefixes, and by its start;
 * - Russian and Greek inflect the end ("фентанилом", "Волкова", "διαβήτη"), Hindi adds plural and oblique endings
 *   ("मरीज़ों"): a word is read by its start (Greek without accents, final ς as σ; Hebrew without niqqud, final
 *   letters as ordinary ones; Devanagari without nukta);
 * - Korean attaches particles to the end ("당뇨병이"), Chinese and Khmer write no spaces between words
 *   ("病毒载量检测", "មានជំងឺខ្សោយបេះដូង"): a stem is found anywhere in a run of their characters;
 * - Bengali, Punjabi and Tamil add case endings ("জ্বরে", "ਮਰੀਜ਼ਾਂ", "சிகிச்சைக்கு"): a word is read by its start,
 *   nukta dropped; Amharic attaches "of", "in", "for", "from" as a first syllable ("የስኳር", "በሆስፒታል") and endings that change the vowel of a last
 *   consonant ("ሐኪም" → "ሐኪሙ", "ሐኪሞች"): a word is read after those prefixes, a stem's last consonant with any vowel,
 *   and a stem of three syllables may take a short ending ("በሽታው", "ሐኪሞች").
 * Stems of three letters or fewer must be the whole word (after Arabic or Hebrew prefixes): "вич", "узи", "ربو",
 * "दमा"; Hebrew, Greek, Devanagari, Bengali, Gurmukhi, Tamil and Amharic person cues are whole words ("מטופלת" but not "מטופלים",
 * "κυρία" but not "Κυριακή"). Where several stems fit a word, the longest is read. An Israeli ID after "ת.ז." counts
 * when its check digit holds.
 * Runs only on parts that hold one of these scripts (one native test on the text), in linear time:
 * each character of a Chinese, Japanese or Korean run is looked up once per stem sharing its first character,
 * each form of another word once per stem sharing its first two.
 */
import type { StemEntry } from '../dictionary/codec.ts';
import { healthBetween, lineNear, type PartContext } from './context.ts';
import { normalizeArabic, normalizeScripts } from './fold.ts';
import { F_ALL_DIGIT, F_ALPHA } from './tokenizer.ts';
import { makeHit, quote } from './hit.ts';
import { cyrillicSurname } from './names.ts';
import type { PhiType } from '../types.ts';

const OTHER_SCRIPTS = /[\u0370-\u04ff\u0590-\u06ff\u0900-\u09ff\u0a00-\u0aff\u0b80-\u0bff\u1200-\u137f\u1f00-\u1fff\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف', 'ك'];
/** Amharic prepositions written as the first syllable(s) of a word: "of", "in/with", "for", "from", "like", "about", "to". */
const ETHIOPIC_PREFIXES = ['እንደ', 'ስለ', 'ወደ', 'የ', 'በ', 'ለ', 'ከ'];
/** Short Amharic endings a stem of three syllables may take: the article, object, "also", "and", plurals, possessives. */
const ETHIOPIC_ENDINGS = new Set(['', 'ው', 'ዋ', 'ን', 'ም', 'ና', 'ች', 'ቹ', 'ዎች', 'ዎቹ', 'ውን', 'ዋን', 'ህ', 'ሽ', 'ዬ', 'ቱ', 'ችን', 'ቻችን']);
/** Amharic titles after which one or two words are a name ("አቶ ገብረመስቀል ታደሰ", "ወ/ሮ ትዕግስት"); other cues need punctuation after the name. */
const ETHIOPIC_TITLES = new Set(['አቶ', 'ወ ሮ', 'ወይዘሮ', 'ወይዘሪት', 'ወ ሪት'].map((w) => normalizeScripts(w)));
/** Amharic words that follow a cue without being a name: the copula, function words, time words. */
const ETHIOPIC_NOT_NAME = new Set(('ነው ነኝ ናት ናቸው ነበር ነበረች ነበሩ እና ወይም ግን ደግሞ አሁን ዛሬ ነገ ትናንት በጣም ትንሽ አንድ ሁለት ሶስት ' +
  'ይህ ያ እሱ እሷ እነሱ እኔ እኛ አለ አለች አለበት አለባት የለም አይደለም ዓመት ዓመቱ ዓመቷ ገና እንደገና ጋር ላይ ውስጥ').split(' ').map((w) => normalizeScripts(w)));
/** "ስሜ … ነው" (my name is …), closed by the copula or "is called". */
const ETHIOPIC_MY_NAME = normalizeScripts('ስሜ');
const ETHIOPIC_NAME_CLOSERS = new Set(['ነው', 'ይባላል', 'እባላለሁ'].map((w) => normalizeScripts(w)));
/** Bengali words that follow "the patient", "Mrs" or "my name is" without being a name. */
const BENGALI_NOT_NAME = new Set(('এবং ও আর কিন্তু এখন আজ কাল গতকাল খুব একটু সে তিনি উনি তার তাঁর ওর আমি আমার আমাদের আপনি আপনার এই সেই যে ' +
  'কি কী না নেই আছে আছেন ছিল ছিলেন হয় হয়েছে হয়েছেন বছর বয়স ভালো এক দুই তিন জন্য থেকে সাথে সঙ্গে নিয়ে কোন কোনো সব অনেক আবার এখনও শুধু ' +
  'এসেছে এসেছেন গেছে গেছেন করে করছে করছেন বলেছে বলেছেন').split(' ').map((w) => normalizeScripts(w)));
/** "আমার নাম …" (my name is …): Bengali writes no copula, so the danda closes the name as punctuation does. */
const BENGALI_MY_NAME = normalizeScripts('আমার নাম');
/** Hebrew's one-letter prefixes ו ה ב ל מ ש כ and their usual combinations ("וה", "שה", "כש"…), longest first. */
const HEBREW_PREFIXES = ['וכש', 'כשה', 'ושה', 'ומה', 'וה', 'וב', 'ול', 'ומ', 'וש', 'וכ', 'שה', 'שב', 'מה', 'כש', 'ו', 'ה', 'ב', 'ל', 'מ', 'ש', 'כ'];
/** A word of two letters is read after these prefixes only ("ומר", "הדם"; "שמר", guarded, is no "מר"). */
const HEBREW_SHORT_PREFIXES = new Set(['ו', 'ה', 'ל', 'וה', 'ול']);
/** Hebrew cues that are abbreviations, read only with their geresh: "גב'" (Mrs), where "גב" alone is "back". */
const HEBREW_ABBREVIATIONS = new Set(['גב']);
/**
 * Hebrew cues after which one word is a surname ("משפחת לוי", "מר כהן"); after "the patient", "my daughter" or "גברת"
 * (also any lady: "הגברת בקבלה") a name must end at punctuation.
 */
const HEBREW_TITLES = new Set(['גב', 'מר', 'משפחת'].map((w) => normalizeScripts(w)));
/** Hebrew words that follow "the patient", "Mr" or "my son" without being a name: function words, common verbs and adjectives, ages. */
const HEBREW_NOT_NAME = new Set(('של את עם על אל לא כי גם רק כבר עוד היא הוא הם הן זה זו זאת יש אין אם או אבל כל מאוד מה מי איך למה אשר ' +
  'שלה שלו שלי שלנו שלכם לה לו לי אותה אותו אותי היום מחר אתמול עכשיו כרגע שוב תמיד אחרי לפני בגלל כמו ' +
  'צריך צריכה צריכים יכול יכולה יכולים חייב חייבת הגיע הגיעה הגיעו סובל סובלת קיבל קיבלה מקבל מקבלת עבר עברה נמצא נמצאת אמר אמרה ' +
  'מרגיש מרגישה חולה זקוק זקוקה יקר יקרה יקרים יקרות מתבקש מתבקשת יגיע תגיע נוטל נוטלת לוקח לוקחת ממשיך ממשיכה החלים החלימה ' +
  'שוחרר שוחררה מתלונן מתלוננת החדש החדשה חדש חדשה הזה הזאת הבא הבאה בן בת ילד ילדה הנל טופל טופלה מטופל מטופלת נבדק נבדקה ' +
  'התקשר התקשרה ביקש ביקשה רוצה רוצים מבקש מבקשת עדיין הייתה היה היו תהיה יהיה אובחן אובחנה קצת מעט הרבה גדול גדולה קטן קטנה').split(' ').map((w) => normalizeScripts(w)));
/** Hindi and Nepali words that follow "the patient", "Mrs" or "my name is" without being a name. */
const HINDI_NOT_NAME = new Set(('को का की के ने से में पर है हैं था थी थे हो और भी ही बहुत अभी आज कल अब एक दो तीन यह वह ये वो जो कि नहीं ना मुझे उसे उसको ' +
  'उसकी उसका उसके उनकी उनका उनके हम मैं आप साल वर्ष उम्र जी कुछ सब लिए तो फिर अपनी अपने अपना बीमार ठीक काफी थोड़ा पिछले पिछली ' +
  'कई हमेशा इस उस इन उन रहा रही रहे गया गई गए ' +
  // Nepali: the copula, postpositions, pronouns, time words.
  'छ छन् छु छैन हुन् थियो थिए भयो भएको भएकाले लाई मा ले बाट सँग र पनि धेरै अहिले भोलि हिजो मेरो मेरी हाम्रो उनको उहाँ उहाँको यो त्यो वर्षको बर्ष उमेर ' +
  // "अंतर्राष्ट्रीय मरीज़ सेवा" (international patient services): an office named for patients.
  'सेवा सेवाएं सेवाएँ विभाग कक्ष').split(' ').map((w) => normalizeScripts(w)));
/** Words that close a Hindi or Nepali name: the copula and the postpositions written after a name ("सुनीता शर्मा को", "अर्जुन है", "सीता हुन्"). */
const HINDI_CLOSERS = new Set(['है', 'हैं', 'था', 'थी', 'थे', 'का', 'की', 'के', 'को', 'ने', 'जी', 'हो', 'हुन्', 'छ', 'छन्', 'हुनुहुन्छ', 'हुनुहुन्थ्यो', 'हुनुभयो'].map((w) => normalizeScripts(w)));
/**
 * "मेरा नाम … है", Nepali "मेरो नाम … हो" (my name is …), "मरीज़ का नाम … है" (the patient's name is …): closed by the
 * copula only ("मेरा नाम लिस्ट में है" names nobody).
 */
const MY_NAME_COPULA = new Map<string, string>([['मेरा नाम', 'है'], ['मेरो नाम', 'हो'], ['मरीज़ का नाम', 'है'], ['मरीज को नाम', 'हो']].map(([cue, copula]): [string, string] => [normalizeScripts(cue), copula]));
const HEALTH_TYPE: Record<string, PhiType> = { condition: 'DIAGNOSIS', drug: 'MEDICATION', lab: 'LAB_RESULT', procedure: 'OTHER' };
const WHAT: Record<string, string> = { condition: 'a condition', drug: 'a medication', lab: 'a lab test', procedure: 'a clinical procedure' };
/** Arabic words that follow "the patient" or "Mrs" without being a name (normalised: "علي" is "على"). */
const ARABIC_NOT_NAME = new Set(['في', 'من', 'علي', 'الي', 'عن', 'مع', 'هو', 'هي', 'لديه', 'لديها', 'يجب', 'قد', 'لا', 'لم', 'لن', 'كان', 'كانت', 'هذا', 'هذه', 'الذي', 'التي', 'ان', 'يحتاج', 'تحتاج', 'يرجي', 'اذا', 'او', 'ثم', 'عند', 'بعد', 'قبل', 'الان', 'ايضا',
  // Verbs that follow "the patient": takes, suffers, feels, must see.
  'تناول', 'يتناول', 'تتناول', 'اخذ', 'ياخذ', 'تاخذ', 'يعاني', 'تعاني', 'يشعر', 'تشعر', 'مراجعه', 'زياره',
  // "لأي مريض يتكلم العربية": any patient who speaks, understands, reads Arabic.
  'يتكلم', 'تتكلم', 'يتحدث', 'تتحدث', 'يفهم', 'تفهم', 'يقرا', 'تقرا', 'يحتاجون', 'يستطيع', 'تستطيع',
  // "المريضات اللواتي لديهن موعد": the patients who have an appointment (relative pronouns, plural "have").
  'الذين', 'اللواتي', 'اللاتي', 'اللذين', 'اللتين', 'لديهم', 'لديهن']);
/**
 * Urdu words that close a one-word name after a title ("مسز ملک کو"): postpositions and the copula, which Urdu writes
 * as words of their own after the name; after any cue the honorifics ("میرے والد رشید صاحب").
 */
const URDU_CLOSERS = new Set(['کو', 'کا', 'کی', 'کے', 'نے', 'سے', 'میں', 'ہے', 'ہیں', 'تھا', 'تھی', 'تھے', 'صاحب', 'صاحبہ'].map(normalizeArabic));
const URDU_HONORIFICS = new Set(['صاحب', 'صاحبہ'].map(normalizeArabic));
/** Urdu titles, after which one word before a postposition is a surname; after "patients" it is not ("شوگر کے مریض کھانے کے بعد", after meals). */
const URDU_TITLES = new Set(['مسز', 'مسٹر', 'جناب', 'بیگم'].map(normalizeArabic));
/** Urdu words that follow "the patient", "Mrs" or "my daughter" without being a name (the closers too). */
const URDU_NOT_NAME = new Set([...URDU_CLOSERS, ...('اور بھی یہ وہ پر کہ جو ہو گیا گئی گئے رہا رہی رہے کر اب ابھی آج کل بہت کچھ سال عمر ' +
  'ان انہیں انہوں اس اسے میرا میری میرے ہمارے آپ والا عالی').split(' ').map(normalizeArabic)]);
/**
 * Russian and Bulgarian titles (Mr, Mrs, Ms; "г-н", "г-жа", "г-жо" as the stems spell them), after which one surname is a
 * name. Not Ukrainian "пан"/"пані": there they open a colleague's greeting as often ("Пані Галино,").
 */
const CYRILLIC_TITLES = new Set(['г н', 'г жа', 'г жо', 'г ца', 'господин', 'госпожа', 'госпожо']);
/** Persian words that follow "Mrs", "Dr" or "the patient" without being a name ("خانم کریمی کلاس آموزش …", Ms Karimi [moved] the training class): function words, class, session, training, today, tomorrow. */
// Pronouns and the verbs of being and becoming ("مریض نیستید", "شما مریض شدن"): no one's name after a cue.
const PERSIAN_NOT_NAME = new Set(['را', 'از', 'به', 'در', 'که', 'با', 'برای', 'هم', 'کلاس', 'آموزش', 'جلسه', 'امروز', 'فردا',
  'شما', 'ما', 'او', 'آنها', 'ایشان', 'من', 'تو', 'این', 'آن', 'است', 'هست', 'نیست', 'نیستید', 'هستید', 'شدن', 'شده', 'شود', 'میشود', 'بود', 'باشد', 'نمی'].map(normalizeArabic));
/** Persian self-introductions and the copula that must close the name: "من … هستم" (I am …), "نام من / اسم من … است" (my name is …). */
const PERSIAN_MY_NAME_COPULA = new Map<string, string>([['من', 'هستم'], ['نام من', 'است'], ['اسم من', 'است']].map(([cue, copula]): [string, string] => [normalizeArabic(cue), normalizeArabic(copula)]));
/** Chinese characters that end a name read backwards from a title ("我是林嘉怡的妈妈": 是 is no name). */
// …and modal and quantity words that open a clause after "患者" ("糖尿病患者应每3到6个月复查": patients should, every…).
const CJK_NOT_NAME = new Set([...'是的给和与为您我请对向在你他她们说叫找应每需要可都也均须将已会']);
/**
 * Words that make a compound with "patient" ("患者教育", patient education; "患者须知", notice to patients), or go on
 * as the sentence's words ("青光眼病人適用", for glaucoma patients; "病人需要", patients need): no name follows.
 */
const CJK_CUE_COMPOUNDS = new Set(['教育', '家属', '須知', '须知', '服务', '服務', '安全', '权利', '權利', '指南', '信息', '資訊', '资料', '資料', '手册', '手冊', '管理', '隐私', '隱私', '满意', '滿意', '支持', '中心',
  '適用', '适用', '專用', '专用', '使用', '人數', '人数', '數量', '数量', '應該', '应该', '需要', '注意', '可以', '必須', '必须', '通常', '一般']);

/** The same compounds in Korean, written as a word of their own after "환자": education, guide, information, materials, safety, rights, satisfaction, service, centre. */
const HANGUL_CUE_COMPOUNDS = new Set(['교육', '안내', '안내문', '정보', '자료', '안전', '권리', '만족도', '서비스', '센터', '관리']);
/** Words that qualify "환자" (patient) without naming one: "실제 환자 번호" (real patient numbers), "모든 환자" (all patients). */
const HANGUL_NOT_NAME = new Set(['실제', '모든', '해당', '신규', '기존', '외래', '입원', '일반', '가상', '예시', '대상', '다른', '여러', '모의', '가짜',
  // Stages and kinds of patients: "임종기 환자" (dying patients), "말기" (terminal), "중증" (severe), "소아" (children's), "노인" (elderly).
  '임종기', '말기', '중증', '경증', '소아', '노인', '치매', '암',
  // "한국어 사용 환자 14명" (Korean-speaking patients): who the patients are by language, ward or insurance.
  '사용', '담당', '전체', '재원', '퇴원', '응급', '성인', '여성', '남성', '통역', '보험',
  // "교육 자료 (환자용)" (education material, for patients): what the material is, before whom it is for.
  '자료', '교육', '안내', '정보', '상담', '관리',
  // "수술을 앞둔 환자분들" (patients facing surgery): a clause before "patients", no name.
  '앞둔', '받는', '받은', '있는']);
/** Does the word from s to e open with one of those compounds (a particle may follow: "정보는", "교육을")? */
function hangulCompoundAt(text: string, s: number, e: number): boolean {
  for (const w of HANGUL_CUE_COMPOUNDS) if (e - s >= w.length && e - s <= w.length + 2 && text.startsWith(w, s)) return true;
  return false;
}

type Script = 'arabic' | 'cyrillic' | 'cjk' | 'hangul' | 'khmer' | 'hebrew' | 'greek' | 'devanagari' | 'bengali' | 'gurmukhi' | 'gujarati' | 'tamil' | 'ethiopic' | null;
function scriptOf(c: number): Script {
  if (c >= 0x600 && c <= 0x6ff) return 'arabic';
  if (c >= 0x400 && c <= 0x4ff) return 'cyrillic';
  if (c >= 0x590 && c <= 0x5ff) return 'hebrew';
  if ((c >= 0x370 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff)) return 'greek';
  if (c >= 0x900 && c <= 0x97f) return 'devanagari';
  if (c >= 0x980 && c <= 0x9ff) return 'bengali';
  if (c >= 0xa00 && c <= 0xa7f) return 'gurmukhi';
  if (c >= 0xa80 && c <= 0xaff) return 'gujarati';
  if (c >= 0xb80 && c <= 0xbff) return 'tamil';
  if (c >= 0x1200 && c <= 0x137f) return 'ethiopic';
  // Japanese kana read like Han characters: both run together without spaces.
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff)) return 'cjk';
  if (c >= 0xac00 && c <= 0xd7af) return 'hangul';
  if (c >= 0x1780 && c <= 0x17ff) return 'khmer';
  return null;
}

/**
 * Stems by the first two characters of their first word (one-letter words by the letter alone), built once per
 * dictionary: a word's form is compared with the few stems it may start with, not every stem of its first letter
 * (Hebrew words are read in several forms, and many stems share a first letter).
 */
const BY_PAIR = new WeakMap<Map<string, StemEntry[]>, Map<number, StemEntry[]>>();
const pairKey = (a: number, b: number): number => a * 65536 + b;
function stemsByPair(stems: Map<string, StemEntry[]>): Map<number, StemEntry[]> {
  let m = BY_PAIR.get(stems);
  if (m) return m;
  m = new Map();
  for (const list of stems.values()) {
    for (const e of list) {
      const w = e.words[0];
      const key = pairKey(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0);
      const bucket = m.get(key);
      if (bucket) bucket.push(e);
      else m.set(key, [e]);
    }
  }
  BY_PAIR.set(stems, m);
  return m;
}

/** Number of context stems found (healthcare-setting words), for the part's context count. */
export function recognizeStems(ctx: PartContext): number {
  const { text, tokens, dict } = ctx;
  if (dict.stems.size === 0 || !OTHER_SCRIPTS.test(text)) return 0;
  const pairs = stemsByPair(dict.stems);
  let context = 0;
  const persons: Array<[k: number, script: Script, start: number, end: number, cue: string]> = [];
  const formal: Array<[s: number, e: number, cue: string]> = [];
  const titles: Array<[k: number, script: Script, start: number]> = [];
  // Words of the script-dependent readings, built once per token (Arabic: the word after each prefix).
  const word = (k: number): string => text.slice(tokens.start[k], tokens.end[k]);
  const forms = (k: number, script: Script): string[] => formsOf(word(k), script);
  const found = (e: StemEntry, s: number, end: number, k: number, script: Script): void => {
    if (e.kind === 'context') { context++; return; }
    if (e.kind === 'person') { persons.push([k, script, s, end, e.stem]); return; }
    if (e.kind === 'title') { if (script !== 'hangul' || HANGUL_TITLE_ENDING.test(text.slice(end, tokens.end[k]))) titles.push([k, script, s]); return; }
    // A dose or a value after a drug or a test ("ريتالين ١٠ ملغ", "фентанилом 25 мкг", "血糖12"): definite.
    const valued = (e.kind === 'drug' || e.kind === 'lab') && digitSoon(text, end);
    ctx.hits.push(makeHit(HEALTH_TYPE[e.kind], valued ? 'high' : 'medium', ctx.where, s, end, 'health', [`dictionary:${e.kind === 'drug' ? 'drug-stem' : e.kind}`, 'stem'], `${quote(text, s, end)} is ${WHAT[e.kind]} (${scriptName(text.charCodeAt(s))})`));
  };
  for (let k = 0; k < tokens.count; k++) {
    const s = tokens.start[k];
    const script = scriptOf(text.charCodeAt(s));
    if (script === null) continue;
    if (script === 'cjk' || script === 'hangul' || script === 'khmer') {
      // Anywhere in the run: at each character, the stems that start with it.
      const e0 = tokens.end[k];
      for (let i = s; i < e0; i++) {
        const list = dict.stems.get(text.charAt(i));
        if (!list) continue;
        // The longest stem that fits ("ជំងឺហឺត", asthma, over "ជំងឺ", illness): the list is sorted, so a stem's longer forms follow it.
        let best: StemEntry | null = null;
        let bestEnd = -1;
        for (const e of list) {
          if (e.words.length === 1 ? text.startsWith(e.stem, i) : multiWordAt(text, tokens, k, i, e)) {
            const end = e.words.length === 1 ? i + e.stem.length : tokens.end[k + e.words.length - 1];
            if (end > bestEnd) { best = e; bestEnd = end; }
          }
        }
        if (best !== null) {
          found(best, i, bestEnd, k, script);
          if (best.kind !== 'title' && best.kind !== 'person') i = Math.min(bestEnd, e0) - 1;
        }
      }
      continue;
    }
    if (script === 'cyrillic') formalCyrillicName(text, tokens, k, formal);
    const candidates = forms(k, script);
    // The longest stem that fits the first form that any stem fits (a cue before other stems of its length).
    let best: StemEntry | null = null;
    let bestLast = k;
    for (const form of candidates) {
      // The stems starting with the form's first two characters, then the one-letter ones ("κ").
      const c0 = form.charCodeAt(0);
      for (let pass = 0; pass < 2; pass++) {
        const list = pass === 0 ? (form.length > 1 ? pairs.get(pairKey(c0, form.charCodeAt(1))) : undefined) : pairs.get(pairKey(c0, 0));
        if (!list) continue;
        for (const e of list) {
          if (best !== null && (e.stem.length < best.stem.length || (e.stem.length === best.stem.length && !(isCue(e) && !isCue(best))))) continue;
          if (!fitsEntry(form, e.words[0], e, script)) continue;
          if (script === 'hebrew' && HEBREW_ABBREVIATIONS.has(e.stem) && !apostropheAt(text, tokens.end[k])) continue;
          let last = k;
          for (let j = 1; j < e.words.length; j++) {
            const n = k + j;
            if (n >= tokens.count || tokens.line[n] !== tokens.line[k] || !forms(n, script).some((f) => fitsEntry(f, e.words[j], e, script))) { last = -1; break; }
            last = n;
          }
          if (last < 0) continue;
          best = e;
          bestLast = last;
        }
      }
      if (best !== null) break;
    }
    // Persian "آسم" (asthma) folds to Arabic and Persian "اسم" (name): read only as written, with its madda.
    const chosen = best as StemEntry | null;
    if (chosen !== null && !(MADDA_STEMS.has(chosen.stem) && !word(k).includes('\u0622'))) found(chosen, s, tokens.end[bestLast], bestLast, script);
    if (script === 'hebrew' && candidates[0].charCodeAt(0) === 0x5ea) israeliId(ctx, k, candidates[0]);
  }
  // Names in text order, none overlapping another (the other name readings run after this one).
  const names: Array<[s: number, e: number, cue: string]> = formal;
  for (const [k, script, start, end, cue] of persons) nameAfterCue(ctx, k, script, start, end, cue, names);
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

/**
 * "Иванова А. С.", "Петренко О.І." (a surname with the initials of the given name and the patronymic) and "Анна
 * Сергеевна" (a given name with a patronymic): how Russian and Ukrainian write a person, without any cue word.
 */
function formalCyrillicName(text: string, tokens: PartContext['tokens'], k: number, out: Array<[s: number, e: number, cue: string]>): void {
  const c = text.charCodeAt(tokens.start[k]);
  if (c < 0x400 || c > 0x42f) return;
  if (cyrillicSurname(text, tokens, k)) {
    CYRILLIC_INITIALS.lastIndex = tokens.end[k];
    if (CYRILLIC_INITIALS.test(text)) { out.push([tokens.start[k], CYRILLIC_INITIALS.lastIndex, 'is a surname with initials']); return; }
  }
  const n = k + 1;
  if (n < tokens.count && tokens.start[n] === tokens.end[k] + 1 && text.charCodeAt(tokens.end[k]) === 32 && PATRONYMIC.test(text.slice(tokens.start[n], tokens.end[n]))) {
    out.push([tokens.start[k], tokens.end[n], 'is a given name with a patronymic']);
  }
}
const CYRILLIC_INITIALS = /[ \u00a0][А-ЯЁІЇЄҐ]\.[ \u00a0]?[А-ЯЁІЇЄҐ]\./y;
const PATRONYMIC = /^[А-ЯЁІЇЄҐ][а-яёіїєґ’']{2,}(?:овна|евна|ична|івна|ївна|ович|евич|ьич|йович)$/;

/** Korean multi-word stems ("언어 지연"): the first word starts at i, the next tokens start with the rest. */
function multiWordAt(text: string, tokens: PartContext['tokens'], k: number, i: number, e: StemEntry): boolean {
  if (!text.startsWith(e.words[0], i)) return false;
  for (let j = 1; j < e.words.length; j++) {
    const n = k + j;
    if (n >= tokens.count || tokens.line[n] !== tokens.line[k] || !text.startsWith(e.words[j], tokens.start[n])) return false;
  }
  return true;
}

/** A digit (ASCII, Arabic-Indic, Devanagari, Bengali or full-width) within the next 12 characters on the line. */
function digitSoon(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + 12);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if ((c >= 48 && c <= 57) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) || (c >= 0x966 && c <= 0x96f) || (c >= 0x9e6 && c <= 0x9ef) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

function scriptName(c: number): string {
  const s = scriptOf(c);
  if (s === 'cjk') return c >= 0x3040 && c <= 0x30ff ? 'Japanese' : 'Chinese or Japanese';
  return s === 'arabic' ? 'Arabic script' : s === 'cyrillic' ? 'Cyrillic' : s === 'hebrew' ? 'Hebrew' : s === 'greek' ? 'Greek' : s === 'devanagari' ? 'Hindi' : s === 'bengali' ? 'Bengali' : s === 'gurmukhi' ? 'Punjabi' : s === 'gujarati' ? 'Gujarati' : s === 'tamil' ? 'Tamil' : s === 'ethiopic' ? 'Amharic' : s === 'khmer' ? 'Khmer' : 'Korean';
}

/**
 * "ת.ז. 034617829", "ת"ז 03461782-9", "תעודת זהות 034617829": an Israeli identity number after its label, read
 * only when its check digit holds (digits weighted 1, 2, 1, 2…, the digits of each product summed: a multiple
 * of 10). A national number like an SSN: a patient's identifier in a healthcare context.
 */
function israeliId(ctx: PartContext, k: number, w: string): void {
  const { text, tokens } = ctx;
  let label = -1;
  if (w === 'תז') label = k;
  else if ((w === 'ת' || w === 'תעודת') && k + 1 < tokens.count && tokens.line[k + 1] === tokens.line[k] && tokens.start[k + 1] - tokens.end[k] <= 3) {
    const w2 = normalizeScripts(text.slice(tokens.start[k + 1], tokens.end[k + 1]));
    if ((w === 'ת' && w2 === 'ז') || (w === 'תעודת' && w2 === 'זהות')) label = k + 1;
  }
  if (label < 0) return;
  // The number within the next two tokens on the line ("ת.ז. מס' 034617829").
  for (let n = label + 1; n <= label + 2 && n < tokens.count && tokens.line[n] === tokens.line[k]; n++) {
    if ((tokens.flags[n] & F_ALL_DIGIT) === 0) { if (scriptOf(text.charCodeAt(tokens.start[n])) === 'hebrew') continue; return; }
    let digits = text.slice(tokens.start[n], tokens.end[n]);
    let e = tokens.end[n];
    // "03461782-9": the check digit after a hyphen.
    if (digits.length === 8 && n + 1 < tokens.count && tokens.end[n + 1] - tokens.start[n + 1] === 1 && tokens.start[n + 1] === e + 1 && text.charCodeAt(e) === 45 && (tokens.flags[n + 1] & F_ALL_DIGIT) !== 0) {
      digits += text.charAt(tokens.start[n + 1]);
      e = tokens.end[n + 1];
    }
    if (digits.length < 5 || digits.length > 9 || !israeliCheckDigit(digits.padStart(9, '0'))) return;
    const s = tokens.start[n];
    ctx.hits.push(makeHit('OTHER', 'high', ctx.where, s, e, 'high-risk', ['label:israeli-id', 'rules:israeli-id-check-digit', 'needs-context', 'stem'], `${quote(text, s, e)} after an identity-card label (Hebrew): an Israeli identity number, check digit valid`));
    return;
  }
}

function israeliCheckDigit(d: string): boolean {
  let sum = 0;
  let nonZero = false;
  for (let i = 0; i < 9; i++) {
    const v = (d.charCodeAt(i) - 48) * ((i & 1) + 1);
    if (v !== 0) nonZero = true;
    sum += v > 9 ? v - 9 : v;
  }
  return nonZero && sum % 10 === 0;
}

const NAME_REACH = 300;
function pushName(ctx: PartContext, s: number, e: number, cue: string): void {
  const { text } = ctx;
  // Health content on the name's line, within a bounded reach.
  const [lineStart, lineEnd] = lineNear(text, s, e, NAME_REACH);
  const reasons = healthBetween(ctx, lineStart, lineEnd) ? ['name:cue', 'stem', 'name:next-to-health'] : ['name:cue', 'stem'];
  ctx.hits.push(makeHit('PATIENT_NAME', 'medium', ctx.where, s, e, 'named', reasons, `${quote(text, s, e)} ${cue}: a person's name`));
}

/**
 * "المريضة فاطمة الزهراني", "дочь Антонины Петровны Кравец", "患者王秀英，": the words after "the patient", "Mrs",
 * "son of"… Arabic: two words that are no function words or stems; Russian: two or three capitalised words;
 * Greek ("ο ασθενής Νίκος Παππάς", "κ. Παπαδόπουλος"): one to three capitalised words, no stems;
 * Hebrew ("משפחת לוי", "הבת שלי מיכל,", "המטופלת רותם כהן ("): a surname after a title or "family of", else one
 * or two words closed by punctuation ("המטופלת תקבל הנחיות." is no name), none a function word, a common verb
 * or a stem; Hindi ("श्रीमती सुनीता शर्मा को", "मेरा नाम अर्जुन मेहरोत्रा है"): one to three words closed by a
 * postposition, the copula or punctuation ("my name is" by the copula only; Nepali "मेरो नाम … हो");
 * Bengali ("রোগী শাহানা পারভীন,", "আমার নাম শাহানা পারভীন।"): one to three words closed by punctuation (after "my name
 * is" also the danda: Bengali writes no copula there); Amharic: one or two words after a title ("አቶ ገብረመስቀል ታደሰ",
 * "ወ/ሮ ትዕግስት"), else closed by punctuation ("ልጄ ሄኖክ፣"), "ስሜ … ነው" by the copula; Urdu on the Arabic path, and
 * one word closed by "صاحب", after a title also by a postposition ("مسز ملک کو");
 * Chinese: the next two or three characters, ending there; Korean (no cue listed today: 환자 is read as a
 * title, since Korean writes the name first): the next word of two to four syllables.
 */
function nameAfterCue(ctx: PartContext, k: number, script: Script, start: number, end: number, stem: string, names: Array<[number, number, string]>): void {
  const { text, tokens } = ctx;
  const cue = `after ${quote(text, start, end)}`;
  if (script === 'cjk') {
    let n = 0;
    while (n < 3 && end + n < text.length && isHan(text.charCodeAt(end + n)) && !CJK_NOT_NAME.has(text.charAt(end + n))) n++;
    // A name is a short run of its own ("患者王秀英，女"), or closed by a title; "糖尿病患者每年应…" goes on.
    const closed = end + n >= text.length || scriptOf(text.charCodeAt(end + n)) !== 'cjk' || titleAt(ctx, end + n);
    if (n >= 2 && closed && !CJK_CUE_COMPOUNDS.has(text.slice(end, end + 2))) names.push([end, end + n, cue]);
    return;
  }
  // The next word on the line, in the same script, after spaces only; after an abbreviation ("κ.", "גב'") also its mark.
  const abbreviation = (script === 'greek' || script === 'hebrew') && stem.length <= 2;
  // After a cue of two words ("γιο μου", my son) the name may follow a comma, in apposition.
  const appositive = stem.includes(' ');
  const next = (j: number): boolean => j < tokens.count && tokens.line[j] === tokens.line[k] && scriptOf(text.charCodeAt(tokens.start[j])) === script && gapOk(text, tokens.end[j - 1], tokens.start[j], abbreviation && j === k + 1, appositive && j === k + 1);
  const word = (j: number): string => text.slice(tokens.start[j], tokens.end[j]);
  const push = (a: number, b: number): void => { names.push([tokens.start[a], tokens.end[b], cue]); };
  // Persian "مریضی" (illness, as in "مریضی فعال", active disease) is the cue "مریض" (the sick, the patient) with a noun's
  // ending: a thing, no person, after it.
  if (script === 'arabic' && normalizeArabic(word(k)) === `${normalizeArabic(stem)}${normalizeArabic('ی')}`) return;
  if (script === 'hangul') {
    if (next(k + 1) && tokens.end[k + 1] - tokens.start[k + 1] >= 2 && tokens.end[k + 1] - tokens.start[k + 1] <= 4) push(k + 1, k + 1);
    return;
  }
  if (script === 'khmer') {
    // Khmer runs its words together but writes a name's parts apart: the cue closing its run ("…លោកយាយ"), then one or
    // two short runs ("ឈុន សុផល").
    const short = (j: number): boolean => next(j) && tokens.end[j] - tokens.start[j] >= 2 && tokens.end[j] - tokens.start[j] <= 8;
    if (end === tokens.end[k] && short(k + 1)) push(k + 1, short(k + 2) ? k + 2 : k + 1);
    return;
  }
  if (script === 'cyrillic') {
    let j = k + 1;
    while (j < tokens.count && j <= k + 3 && next(j) && isCapital(text.charCodeAt(tokens.start[j]))) j++;
    // After a title ("г-жо Петрова") a surname alone is a name; after "the patient" two words are.
    if (j - k - 1 >= (CYRILLIC_TITLES.has(stem) ? 1 : 2)) push(k + 1, j - 1);
    return;
  }
  if (script === 'greek') {
    let j = k + 1;
    while (j <= k + 3 && next(j) && isGreekCapital(text.charCodeAt(tokens.start[j])) && tokens.end[j] - tokens.start[j] >= 2 && !isStem(ctx, word(j))) j++;
    if (j > k + 1) push(k + 1, j - 1);
    return;
  }
  if (script === 'hebrew') {
    const good = (j: number): boolean => next(j) && tokens.end[j] - tokens.start[j] >= 2 && !hebrewNotName(word(j)) && !isStem(ctx, word(j));
    if (!good(k + 1)) return;
    const two = good(k + 2) && closedAfter(text, tokens.end[k + 2]);
    // After a title or "family" one word is a surname; after "the patient" or "my daughter" the name must end at punctuation.
    if (HEBREW_TITLES.has(stem)) push(k + 1, two ? k + 2 : k + 1);
    else if (closedAfter(text, tokens.end[k + 1])) push(k + 1, k + 1);
    else if (two) push(k + 1, k + 2);
    return;
  }
  if (script === 'devanagari') {
    let j = k + 1;
    while (j <= k + 3 && next(j) && !HINDI_NOT_NAME.has(normalizeScripts(word(j))) && !HINDI_CLOSERS.has(normalizeScripts(word(j))) && !isStem(ctx, word(j))) j++;
    if (j === k + 1) return;
    const closer = next(j) ? normalizeScripts(word(j)) : '';
    const copula = MY_NAME_COPULA.get(stem);
    // Also closed where the line goes on in Latin letters ("मेरो बुबा हरि अधिकारी ICU को बेड…"): a name is in one script.
    const latinAfter = j < tokens.count && tokens.line[j] === tokens.line[k] && tokens.start[j] - tokens.end[j - 1] <= 2 && (tokens.flags[j] & F_ALPHA) !== 0 && text.charCodeAt(tokens.start[j]) < 0x250;
    const closed = copula !== undefined ? closer === copula : HINDI_CLOSERS.has(closer) || latinAfter || closedAfter(text, tokens.end[j - 1]);
    if (closed) push(k + 1, j - 1);
    return;
  }
  if (script === 'gujarati') {
    // "મારા પપ્પા રમણલાલ ઠક્કરને …" (my father Ramanlal Thakkar, to him): a case ending joined to the last word closes it.
    let j = k + 1;
    while (j <= k + 3 && next(j) && !isStem(ctx, word(j))) if (GUJARATI_CASE_END.test(word(j++))) break;
    if (j === k + 1) return;
    const end = tokens.end[j - 1];
    if (GUJARATI_CASE_END.test(word(j - 1)) || closedAfter(text, end) || dandaAfter(text, end)) push(k + 1, j - 1);
    return;
  }
  if (script === 'gurmukhi' || script === 'tamil') {
    let j = k + 1;
    while (j <= k + 3 && next(j) && !isStem(ctx, word(j))) j++;
    if (j === k + 1) return;
    const end = tokens.end[j - 1];
    if (closedAfter(text, end) || dandaAfter(text, end)) push(k + 1, j - 1);
    return;
  }
  if (script === 'bengali') {
    let j = k + 1;
    // "আপনার সন্তান আরিয়ান হোসেনের …" (your child Ariyan Hossain's …): the genitive on a second name word closes it too.
    let genitive = false;
    while (j <= k + 3 && next(j) && !BENGALI_NOT_NAME.has(normalizeScripts(word(j))) && !isStem(ctx, word(j))) {
      j++;
      if (j - k >= 3 && word(j - 1).endsWith('ের')) { genitive = true; break; }
    }
    if (j === k + 1) return;
    const end = tokens.end[j - 1];
    if (genitive || closedAfter(text, end) || (stem === BENGALI_MY_NAME && dandaAfter(text, end))) push(k + 1, j - 1);
    return;
  }
  if (script === 'ethiopic') {
    let j = k + 1;
    const limit = stem === ETHIOPIC_MY_NAME ? k + 3 : k + 2;
    while (j <= limit && next(j) && !ETHIOPIC_NOT_NAME.has(normalizeScripts(word(j))) && !ETHIOPIC_NAME_CLOSERS.has(normalizeScripts(word(j))) && !isStem(ctx, word(j))) j++;
    if (j === k + 1) return;
    // Two words closed by punctuation, or by a function or time word ("ታካሚ ዳዊት አለማየሁ ዛሬ …", patient D. A. today).
    const closed = stem === ETHIOPIC_MY_NAME ? next(j) && ETHIOPIC_NAME_CLOSERS.has(normalizeScripts(word(j))) : ETHIOPIC_TITLES.has(stem) || closedAfter(text, tokens.end[j - 1]) || (j === k + 3 && next(j) && ETHIOPIC_NOT_NAME.has(normalizeScripts(word(j))));
    if (closed) push(k + 1, j - 1);
    return;
  }
  // Arabic: two words, neither a function word nor a known stem; Urdu also one word before "صاحب", or after a title before a postposition.
  // "الوالدين والدعم المدرسي" (parents and school support): a word opening with "and the" (وال) is a noun, no name.
  const good = (j: number): boolean => {
    const w = normalizeArabic(word(j));
    // "وبعد الخروج" (and after leaving): "and" before a function word is no name either.
    const bare = w.length > 2 && w.charCodeAt(0) === 0x648 ? w.slice(1) : w;
    return w.length >= 2 && !w.startsWith('وال') && !ARABIC_NOT_NAME.has(w) && !ARABIC_NOT_NAME.has(bare) && !URDU_NOT_NAME.has(w) && !PERSIAN_NOT_NAME.has(w) && !isStem(ctx, w);
  };
  // Persian "من پرویز رحیمی هستم" (I am …), "نام من … است" (my name is …): one to three words, closed by the copula only
  // ("من" alone is also Arabic "from").
  const copula = PERSIAN_MY_NAME_COPULA.get(normalizeArabic(stem));
  if (copula !== undefined) {
    let j = k + 1;
    while (j <= k + 3 && next(j) && good(j) && normalizeArabic(word(j)) !== copula) j++;
    if (j > k + 1 && next(j) && normalizeArabic(word(j)) === copula) push(k + 1, j - 1);
    return;
  }
  if (!next(k + 1) || !next(k + 2) || !good(k + 1)) return;
  if (good(k + 2)) push(k + 1, k + 2);
  else {
    const closer = normalizeArabic(word(k + 2));
    if (URDU_HONORIFICS.has(closer) || (URDU_TITLES.has(stem) && URDU_CLOSERS.has(closer))) push(k + 1, k + 1);
  }
}

/** A danda (Bengali and Devanagari full stop) right after a word, after spaces. */
/** Gujarati case endings written onto a name's last word: ને (to), નો / ની / નું / ના (of). */
const GUJARATI_CASE_END = /(?:ને|નો|ની|નું|ના)$/;

function dandaAfter(text: string, i: number): boolean {
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i < text.length && (text.charCodeAt(i) === 0x964 || text.charCodeAt(i) === 0x965);
}

/** Only white space between two words (and, after an abbreviation, its full stop or geresh: "κ. Παπαδόπουλος", "גב' כהן"). */
function gapOk(text: string, from: number, to: number, abbreviation: boolean, comma = false): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) continue;
    if (abbreviation && i === from && (c === 46 || c === 39 || c === 0x5f3 || c === 0x2019)) continue;
    if (comma && i === from && (c === 44 || c === 0x60c)) continue;
    return false;
  }
  return true;
}

/** A word closed by punctuation or the end of its line ("מיכל, בת 24", "לוי (הדס", "मेहरोत्रा,", "ሄኖክ፣"); a full stop does not count (verbs end sentences). */
function closedAfter(text: string, i: number): boolean {
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  // Also the Arabic comma and the Ethiopic comma, semicolon and colons.
  return c === 10 || c === 13 || c === 44 || c === 40 || c === 41 || c === 45 || c === 58 || c === 59 || c === 47 || c === 0x2013 || c === 0x2014 || c === 0x60c || (c >= 0x1363 && c <= 0x1366);
}

/**
 * A Hebrew function word, verb or adjective, also after "and" or "that" ("והיא", "שהגיעה"); a word of five letters
 * or more after the article ה is "the …" ("משפחת הנגיפים", the virus family), not a name (הדס, הילה are shorter).
 */
function hebrewNotName(word: string): boolean {
  const w = normalizeScripts(word);
  if (HEBREW_NOT_NAME.has(w) || (w.length >= 5 && w.charCodeAt(0) === 0x5d4)) return true;
  for (const p of ['ו', 'ש', 'וש']) if (w.length > p.length + 1 && w.startsWith(p) && HEBREW_NOT_NAME.has(w.slice(p.length))) return true;
  return false;
}

/**
 * What may follow a Korean title in its word: nothing, an honorific, particles, a copula ("엄마입니다", "어머니께서는");
 * "딸깍" (a click) and "딸기" (strawberry) only start with "딸" (daughter).
 */
const HANGUL_TITLE_ENDING = /^(?:님|분)?(?:께서|께|에게서|에게|한테|이랑|하고|이에요|입니다|이고|이며|이라고|라고|인데요|인데|으로|로|에|이|가|은|는|을|를|의|도|만|와|과|랑|예요|아이)?(?:는|도|요|가|이)?$/;

/** "王伟先生", "我是林嘉怡的妈妈", "박서연 엄마입니다", "김민수 환자": the name before "Mr", "Ms", "'s mother", "patient". */
function nameBeforeTitle(ctx: PartContext, k: number, script: Script, start: number, names: Array<[number, number, string]>): void {
  const { text, tokens } = ctx;
  const cue = `before ${quote(text, start, Math.min(text.length, start + 3))}`;
  if (script === 'cjk') {
    // In Japanese "西村先生" honours a doctor or a teacher (Chinese "王伟先生" is "Mr Wang Wei").
    if (text.startsWith('先生', start) && (ctx.kana ??= hasKana(text))) return;
    let n = 0;
    while (n < 3 && start - n - 1 >= tokens.start[k] && !CJK_NOT_NAME.has(text.charAt(start - n - 1)) && isHan(text.charCodeAt(start - n - 1))) n++;
    if (n >= 2) names.push([start - n, start, cue]);
    return;
  }
  if (script === 'hangul' && start === tokens.start[k] && k > 0 && tokens.line[k - 1] === tokens.line[k]) {
    // "보내온 환자 교육 자료" (patient education material), "실제 환자 정보는" (real patient information, with its
    // particle): "patient" starts a compound, no name stands before it.
    if (k + 1 < tokens.count && tokens.line[k + 1] === tokens.line[k] && hangulCompoundAt(text, tokens.start[k + 1], tokens.end[k + 1])) return;
    const len = tokens.end[k - 1] - tokens.start[k - 1];
    const before = text.slice(tokens.start[k - 1], tokens.end[k - 1]);
    if (len >= 2 && len <= 4 && scriptOf(before.charCodeAt(0)) === 'hangul' && !HANGUL_NOT_NAME.has(before) && !isStem(ctx, before)) names.push([tokens.start[k - 1], tokens.end[k - 1], cue]);
  }
}

/** Hiragana or katakana anywhere: the text is Japanese. */
function hasKana(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff) return true;
  }
  return false;
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

/** A Greek capital letter, with or without an accent ("Ά", "Ε", "Ἀ"). */
function isGreekCapital(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** An apostrophe or geresh right after a word ("גב'"). */
function apostropheAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 39 || c === 0x5f3 || c === 0x2019 || c === 96;
}

const isCue = (e: StemEntry): boolean => e.kind === 'person' || e.kind === 'title';
const WHOLE_WORD_CUES = new Set<Script>(['hebrew', 'greek', 'devanagari', 'bengali', 'gurmukhi', 'gujarati', 'tamil', 'ethiopic']);

/** The forms a word is read by: lower case (Cyrillic), normalised (Greek, Devanagari, Bengali, Gurmukhi, Tamil), after each prefix (Arabic, Hebrew, Amharic). */
function formsOf(word: string, script: Script): string[] {
  if (script === 'cyrillic') return [word.toLowerCase()];
  if (script === 'greek' || script === 'devanagari' || script === 'bengali' || script === 'gurmukhi' || script === 'gujarati' || script === 'tamil') return [normalizeScripts(word)];
  if (script === 'hebrew') return hebrewForms(word);
  if (script === 'ethiopic') return ethiopicForms(word);
  return arabicForms(word);
}

/**
 * An Amharic word normalised, and the same word after each prefix it may carry ("የስኳር" → "ስኳር"): at least three
 * syllables left, two after "የ", "ለ", "ከ" ("የቲቢ", "ለአቶ"; "በሳል", mature, is no "ሳል", cough).
 */
function ethiopicForms(word: string): string[] {
  const w = normalizeScripts(word);
  const out = [w];
  for (const p of ETHIOPIC_PREFIXES) {
    const rest = w.length - p.length;
    if (w.startsWith(p) && (rest >= 3 || (rest === 2 && (p === 'የ' || p === 'ለ' || p === 'ከ')))) out.push(w.slice(p.length));
  }
  return out;
}

/** Hebrew prefixes by their first letter (most words start with none of ו ה ב ל מ ש כ). */
const HEBREW_PREFIXES_BY_LETTER = new Map<number, string[]>();
for (const p of HEBREW_PREFIXES) {
  const list = HEBREW_PREFIXES_BY_LETTER.get(p.charCodeAt(0));
  if (list) list.push(p);
  else HEBREW_PREFIXES_BY_LETTER.set(p.charCodeAt(0), [p]);
}

/** A Hebrew word normalised, and the same word after each prefix it may carry ("והכימותרפיה" → "כימותרפיה"). */
function hebrewForms(word: string): string[] {
  const w = normalizeScripts(word);
  const out = [w];
  const prefixes = HEBREW_PREFIXES_BY_LETTER.get(w.charCodeAt(0));
  if (!prefixes) return out;
  for (const p of prefixes) {
    if (p.length > 1 && !w.startsWith(p)) continue;
    const rest = w.length - p.length;
    if (rest >= 3 || (rest === 2 && HEBREW_SHORT_PREFIXES.has(p))) out.push(w.slice(p.length));
  }
  return out;
}

/** fits(), except that person cues are whole words outside Arabic script and Cyrillic ("κυρία" is no start of "Κυριακή"). */
function fitsEntry(form: string, stem: string, e: StemEntry, script: Script): boolean {
  if (isCue(e) && WHOLE_WORD_CUES.has(script)) return form === stem;
  return script === 'ethiopic' ? fitsEthiopic(form, stem) : fits(form, stem);
}

/** An Arabic word normalised, and the same word after each prefix it may carry ("والأنسولين" → "انسولين"). */
function arabicForms(word: string): string[] {
  const w = normalizeArabic(word);
  const out = [w];
  for (const p of ARABIC_PREFIXES) if (w.length > p.length + 2 && w.startsWith(p)) out.push(w.slice(p.length));
  return out;
}

/** Stems that, folded, spell an everyday word ("اسم", name): they count only where the text keeps the madda the fold drops. */
const MADDA_STEMS = new Set(['اسم']);

/** A stem of three letters or fewer is the whole word; a longer one starts it. */
function fits(form: string, stem: string): boolean {
  return stem.length <= 3 ? form === stem : form.startsWith(stem);
}

/**
 * fits() for Amharic, whose endings change the vowel of a last consonant ("ሐኪም" → "ሐኪሙ", "ሐኪሞች"): a stem ending in
 * a bare consonant (the sixth form of its row) matches that consonant with any vowel; a stem of two syllables is the
 * whole word, of three the word or the word with a short ending ("በሽታው", "ሐኪሞች"), longer ones start the word.
 */
function fitsEthiopic(form: string, stem: string): boolean {
  const n = stem.length;
  if (n <= 2) return form === stem;
  if (form.length < n || !form.startsWith(stem.slice(0, n - 1))) return false;
  const a = form.charCodeAt(n - 1);
  const b = stem.charCodeAt(n - 1);
  if (a !== b && !((b & 7) === 5 && (a & ~7) === (b & ~7) && b >= 0x1200 && b <= 0x135a)) return false;
  return n > 3 || ETHIOPIC_ENDINGS.has(form.slice(n));
}

/** Whether a word is health or setting vocabulary; not person cues: "السيد" (Mr) is also a family name (El-Sayed). */
function isStem(ctx: PartContext, word: string): boolean {
  // Arabic, Hebrew, Greek, the Indic scripts and Amharic by their forms and the whole-word rule; Korean by the stem its word starts with ("치매", "매독").
  const script = scriptOf(word.charCodeAt(0));
  const byForms = script === 'arabic' || WHOLE_WORD_CUES.has(script);
  const match = (form: string, stem: string): boolean => (script === 'ethiopic' ? fitsEthiopic(form, stem) : byForms ? fits(form, stem) : form.startsWith(stem));
  return (byForms ? formsOf(word, script) : [word]).some((form) => ctx.dict.stems.get(form.charAt(0))?.some((e) => !isCue(e) && match(form, e.words[0])) ?? false);
}

