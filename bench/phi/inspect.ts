/** Debug aid: node bench/phi/inspect.ts <corpus-file> <id>... prints each case with its findings. */
import { htmlToText, scanParts } from '../../phi/index.ts';
import { loadCorpus } from '../../test/fixtures/phi/evaluate.ts';

const [file, ...ids] = process.argv.slice(2);
for (const c of loadCorpus(file).filter((x) => ids.includes(x.id ?? ''))) {
  const parts = c.parts.map((p) => ({ where: p.where, text: p.html ? htmlToText(p.text) : p.text }));
  const r = scanParts(parts);
  console.log(`== ${c.id} label=${c.label} got=${r.containsPhi} score=${r.score} ${r.decision.join(' | ')}`);
  for (const p of parts) console.log(`-- ${p.where}\n${p.text}`);
  for (const f of r.findings) console.log(`   ${f.type} ${f.confidence} ${f.where} ${JSON.stringify(parts.find((p) => p.where === f.where)!.text.slice(f.start, f.end))} ${f.reasons.join(',')}`);
}
