/**
 * Writes phi/data/condition-words.txt: the single words of ICD-10-CM FY2026 descriptions (billable
 * codes, headers and categories) that carry a disease-forming ending (-itis, -osis, -emia, -opia,
 * -oma, -pathy, …), and the hyphenated eponyms (Crigler-Najjar, Guillain-Barre). Category titles alone ("Disorders of refraction and accommodation") miss the
 * words clinicians write ("myopia", "amblyopia", "hypercalcemia"); those endings make a word
 * medical, so the list needs no review for everyday meanings beyond the few in NOT_CONDITIONS.
 * The code descriptions live only in the shared data drop (phi/data keeps codes only), so this is
 * run by hand when that drop changes:
 *
 *   node phi/build/extract-condition-words.ts ../shared/data
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ENDING = /(?:itis|osis|emia|opia|oma|algia|pathy|plasia|iasis|ectasis|trophy|plegia|paresis|rrhea|rrhage|uria|cele|esthesia|phagia|phasia|lepsy|ptosis|spasm|penia|megaly|thermia|ismus)$/;
/** Words with such an ending that are not a condition: everyday words, anatomy, procedures, Latin fragments. */
const NOT_CONDITIONS = new Set(['diploma', 'apathy', 'zygoma', 'anesthesia', 'capitis', 'schistosoma', 'cyclin-dependent', 'kinase-like', 'diagnosis']);
/** Eponyms joined by a hyphen ("Crigler-Najjar", "Guillain-Barre"): a disease, never a person's double surname in these descriptions. */
const EPONYM = /\b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\b/g;

const dir = process.argv[2] ?? '../shared/data';
const words = new Set<string>();
for (const file of ['icd10cm-codes.tsv', 'icd10cm-headers.tsv', 'icd10cm-categories.tsv']) {
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    const description = line.slice(line.indexOf('\t') + 1);
    for (const w of description.toLowerCase().match(/[a-z]{6,}/g) ?? []) if (ENDING.test(w) && !NOT_CONDITIONS.has(w)) words.add(w);
    for (const e of description.match(EPONYM) ?? []) if (!NOT_CONDITIONS.has(e.toLowerCase())) words.add(e.toLowerCase());
  }
}
const header = [
  '# Single condition words from ICD-10-CM FY2026 descriptions (CDC/NCHS, public domain), chosen by',
  '# disease-forming endings, and hyphenated eponyms: written by phi/build/extract-condition-words.ts, see README.md section 3b.',
];
writeFileSync(new URL('../data/condition-words.txt', import.meta.url), [...header, ...[...words].sort()].join('\n') + '\n');
console.log(`${words.size} words`);
