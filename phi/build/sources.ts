/** Where the raw vocabulary lives and how the build turns it into folded, filtered term lists. */
import { foldStem, foldTerm } from '../engine/fold.ts';
import { KIND } from '../dictionary/kinds.ts';

export const DATA_FILES = [
  'icd10cm-codes.txt',
  'icd10cm-headers.txt',
  'icd10cm-categories.tsv',
  'conditions.txt',
  'condition-words.txt',
  'drug-names.txt',
  'drug-supplement.tsv',
  'drug-stoplist.txt',
  'health-terms.tsv',
  'clinical-vocabulary.tsv',
  'given-names.txt',
  'given-names-wide.txt',
  'given-names-supplement.txt',
  'health-stems.tsv',
  'wording-model.txt',
] as const;

export type DataName = (typeof DATA_FILES)[number];
export type RawData = Record<DataName, string>;

function dataLines(text: string): string[] {
  return text.split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0 && !l.startsWith('#'));
}

/** ICD condition titles that read like words a clinician writes (no "other ...", "unspecified ..."). */
const VAGUE_TITLE = /\b(?:other|unspecified|elsewhere|classified|certain|specified)\b/;

/**
 * Spanish/French spellings of single-word generics: metformin → metformina / metformine,
 * omeprazole → omeprazol, donepezil → donepezilo, sertraline → sertralina.
 */
export function romanceSpellings(term: string): string[] {
  if (!/^[a-z]{6,}$/.test(term)) return [];
  if (term.endsWith('e')) {
    const stem = term.slice(0, -1);
    return [stem, stem + 'a', stem + 'o'];
  }
  if (/[aeiouy]$/.test(term)) return [];
  return [term + 'a', term + 'o', term + 'e'];
}

export function collectTerms(raw: RawData): Array<[kind: string, term: string]> {
  const stop = new Set(dataLines(raw['drug-stoplist.txt']).map(foldTerm));
  const out = new Map<string, string>(); // "kind\tterm" dedupe
  // One-letter terms only from the curated list ("K" for potassium, the French "M." honorific).
  const add = (kind: string, text: string, minLength = 2): void => {
    const term = foldTerm(text);
    if (term.length < minLength) return;
    out.set(`${kind}\t${term}`, kind);
  };
  const drugs = [
    ...dataLines(raw['drug-names.txt']),
    ...dataLines(raw['drug-supplement.tsv']),
  ];
  for (const line of drugs) {
    const [name, flag] = line.split('\t');
    if (/[(),/[\]]/.test(name)) continue; // allergen extracts, vaccine strains, kit descriptions
    const term = foldTerm(name);
    const tokens = term.split(' ');
    if (tokens.length > 4 || stop.has(term)) continue;
    if (tokens.length === 1 && term.length < 4) continue; // "dok", "ery": too ambiguous in mail
    add(flag === 'brand' ? KIND.MED_BRAND : KIND.MED_GENERIC, name);
    if (flag !== 'brand') for (const variant of romanceSpellings(term)) if (!stop.has(variant)) add(KIND.MED_GENERIC, variant);
  }
  for (const title of dataLines(raw['conditions.txt'])) {
    if (VAGUE_TITLE.test(title) || /[,[\]()]/.test(title)) continue;
    if (title.split(' ').length > 5) continue;
    add(KIND.CONDITION, title);
  }
  for (const word of dataLines(raw['condition-words.txt'])) add(KIND.CONDITION, word);
  // The curated vocabulary (every kind) and its supplement of common clinical words (conditions, procedures, labs).
  for (const line of [...dataLines(raw['health-terms.tsv']), ...dataLines(raw['clinical-vocabulary.tsv'])]) {
    const [kind, term] = line.split('\t');
    const code =
      kind.startsWith('label:') ? KIND.LABEL + kind.slice(6)
      : kind === 'condition' ? KIND.CONDITION
      : kind === 'procedure' ? KIND.PROCEDURE
      : kind === 'lab' ? KIND.LAB
      : kind === 'context' ? KIND.CONTEXT
      : kind === 'honorific' ? KIND.HONORIFIC
      : kind === 'closing' ? KIND.CLOSING
      : kind === 'credential' ? KIND.CREDENTIAL
      : kind === 'veterinary' ? KIND.VETERINARY
      : kind === 'animal' ? KIND.ANIMAL
      : kind === 'animal-exposure' ? KIND.ANIMAL_EXPOSURE
      : kind === 'bulk' ? KIND.BULK
      : kind === 'fictitious' ? KIND.FICTITIOUS
      : kind === 'deidentified' ? KIND.DEIDENTIFIED
      : kind === 'publicity' ? KIND.PUBLICITY
      : kind === 'person-verb' ? KIND.PERSON_VERB
      : kind === 'name-column' ? KIND.NAME_COLUMN
      : null;
    if (code === null) throw new Error(`health-terms.tsv: unknown kind ${kind}`);
    add(code, term, 1);
  }
  for (const name of dataLines(raw['given-names.txt'])) add(KIND.GIVEN_NAME, name);
  return [...out.keys()].sort().map((k) => k.split('\t') as [string, string]);
}

/**
 * The wide given-name list (folded, sorted, deduplicated), kept out of the term index: a plain set the
 * engine asks only where a name is likely, so it costs the scan loop and the load nothing per term.
 */
export function collectWideNames(raw: RawData): string[] {
  const curated = new Set(dataLines(raw['given-names.txt']).map(foldTerm));
  return [...new Set([...dataLines(raw['given-names-wide.txt']), ...dataLines(raw['given-names-supplement.txt'])].map(foldTerm))].filter((n) => n.length >= 3 && !n.includes(' ') && !curated.has(n)).sort();
}

/** Category → sorted suffixes of every valid longer code (billable codes and headers). */
export function collectIcd(raw: RawData): { suffixes: Map<string, string[]>; titles: Map<string, string> } {
  const suffixes = new Map<string, string[]>();
  const titles = new Map<string, string>();
  for (const line of dataLines(raw['icd10cm-categories.tsv'])) {
    const [code, title] = line.split('\t');
    titles.set(code, title);
    suffixes.set(code, []);
  }
  for (const code of [...dataLines(raw['icd10cm-codes.txt']), ...dataLines(raw['icd10cm-headers.txt'])]) {
    const category = code.slice(0, 3);
    const list = suffixes.get(category);
    if (!list) throw new Error(`ICD code without category: ${code}`);
    if (code.length > 3) list.push(code.slice(3));
  }
  for (const list of suffixes.values()) list.sort();
  return { suffixes, titles };
}

export const STEM_KINDS = ['condition', 'drug', 'lab', 'procedure', 'context', 'person', 'title'] as const;

/** Health stems of Arabic, Persian, Urdu, Hebrew, Greek, Russian, Ukrainian, Hindi, Nepali, Bengali, Amharic, Chinese, Japanese, Korean and Khmer (engine/stems.ts): kind and folded stem (fold.ts foldStem), deduplicated. */
export function collectStems(raw: RawData): Array<[kind: string, stem: string]> {
  const out = new Map<string, [string, string]>();
  for (const line of dataLines(raw['health-stems.tsv'])) {
    const [kind, stem] = line.split('\t');
    if (!(STEM_KINDS as readonly string[]).includes(kind) || !stem) throw new Error(`health-stems.tsv: bad line ${JSON.stringify(line)}`);
    const folded = foldStem(stem);
    out.set(`${kind}\t${folded}`, [kind, folded]);
  }
  return [...out.values()].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/**
 * The wording model (generated by phi/build/train-wording.ts): its "bits bias scale" header and its
 * weights, one character each; null before the first training.
 */
export function collectWordingModel(raw: RawData): [header: string, weights: string] | null {
  const lines = dataLines(raw['wording-model.txt']);
  const header = lines.find((l) => l.startsWith('model '));
  if (!header) return null;
  return [header.slice(6), lines.filter((l) => !l.startsWith('model ')).join('')];
}
