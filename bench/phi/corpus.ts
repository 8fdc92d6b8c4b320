/** Benchmark inputs: ~20 KB emails assembled from the labelled corpora plus ordinary prose. */
import { loadCorpus } from '../../test/fixtures/phi/evaluate.ts';
import { rng } from '../../test/support/rng.ts';

/** Texts of all corpus messages (parts joined), positives and negatives mixed. */
export function corpusTexts(): string[] {
  const files = ['corpus-train.jsonl', 'corpus-heldout.jsonl', 'handwritten.jsonl'];
  return files.flatMap((f) => loadCorpus(f)).map((c) => c.parts.map((p) => p.text).join('\n\n'));
}

const WORDS = ('the a to of and in for on with at by from this that we you our your team project meeting schedule budget report ' +
  'review update plan week month quarter vendor contract office staff policy training system access account invoice order ' +
  'please thanks note attached draft final slides agenda minutes follow up call discuss confirm approve deadline friday monday ' +
  'morning afternoon room building parking lunch coffee holiday travel request approval workflow process change issue ticket ' +
  'server network printer password badge support desk email calendar invite share folder document version release customer ' +
  'service quality survey feedback results numbers target goal revenue cost savings supply delivery shipment warehouse ' +
  'will can should would could need want think know make take give send keep let help start finish move check work ' +
  'new next last first good great small large important quick short long early late open closed ready available').split(' ');
const CAPS = ['Thursday', 'April', 'Chicago', 'Finance', 'Operations', 'Q3', 'Springfield', 'Acme', 'North', 'Building C'];

/** Ordinary business prose (deterministic): what most of a 20 KB email thread is made of. */
export function prose(r: () => number, size: number): string {
  let out = '';
  while (out.length < size) {
    const n = 8 + Math.floor(r() * 14);
    const words: string[] = [];
    for (let i = 0; i < n; i++) {
      const x = r();
      words.push(x < 0.05 ? CAPS[Math.floor(r() * CAPS.length)] : x < 0.08 ? String(Math.floor(r() * 5000)) : WORDS[Math.floor(r() * WORDS.length)]);
    }
    const sentence = words.join(' ');
    out += sentence.charAt(0).toUpperCase() + sentence.slice(1) + (r() < 0.15 ? '.\n\n' : '. ');
  }
  return out;
}

/**
 * A flat copy of a string. The benchmark's messages are cut out of longer concatenations, which
 * V8 keeps as slices of the parent; reading a slice costs noticeably more per character than
 * reading the flat strings that mailparser (the gateway) and Office.js (the add-in) hand over.
 */
const flat = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/**
 * Deterministic ~size-byte emails, the mixed corpus of the benchmark: each is one labelled corpus
 * message (half of them PHI) followed by a quoted thread of ordinary prose, like a long reply chain.
 */
export function emails(count: number, size = 20 * 1024): string[] {
  const texts = corpusTexts();
  const r = rng(7);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const head = texts[i % texts.length];
    const thread = prose(r, size - head.length).split('\n').map((l) => '> ' + l).join('\n');
    out.push(flat((head + '\n\nOn Tue, Mar 4, 2025 at 10:12 AM Pat Jones wrote:\n' + thread).slice(0, size)));
  }
  return out;
}

/** PHI-dense worst case: corpus messages back to back (about 200 findings per 20 KB). */
export function denseEmails(count: number, size = 20 * 1024): string[] {
  const texts = corpusTexts();
  const out: string[] = [];
  let j = 0;
  for (let i = 0; i < count; i++) {
    let s = '';
    while (s.length < size) s += texts[j++ % texts.length] + '\n\n';
    out.push(flat(s.slice(0, size)));
  }
  return out;
}
