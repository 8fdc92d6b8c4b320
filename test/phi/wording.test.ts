import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDetector, dictionary, htmlToText, scanParts } from '../../phi/index.ts';
import { MODEL_FILE, trainedModelText } from '../../phi/build/train-wording.ts';
import { decodeWording, encodeWeights } from '../../phi/engine/wording.ts';
import { CORPUS_FILES, loadCorpus } from '../fixtures/phi/evaluate.ts';

const detector = createDetector(dictionary);
const body = (text: string) => [{ where: 'body', text }];

describe('the wording model', () => {
  it('is what training on the corpora gives (deterministic; retrain with node phi/build/train-wording.ts)', () => {
    expect(readFileSync(MODEL_FILE, 'utf8')).toBe(trainedModelText());
  }, 60_000);

  it('is compiled into the dictionary the engine loads', () => {
    expect(dictionary.wording?.bits).toBe(18);
    expect(dictionary.wording?.levels.length).toBe(1 << 18);
  });

  it('flags plainly worded mail about one patient that the recognizers do not tie to anyone', () => {
    const text = 'Losaline is back from her trip. She missed three days of her warfarin while away and her INR came back at 1.4 this morning. Can we bump her dose tonight and recheck on Monday? Her daughter will drive her in.';
    const s = detector.signals(body(text));
    expect(s.recognizers.containsPhi).toBe(false);
    const r = scanParts(body(text));
    expect(r.containsPhi).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(0.5);
    // The reason names the model and its score, never the message's words.
    expect(r.decision).toEqual([expect.stringMatching(/^worded like mail about a patient's care \(wording model [01]\.\d\d\), with identifiers or health content/)]);
  });

  it('leaves the same subject worded for all staff alone', () => {
    const text = 'Reminder for all nursing staff: the warfarin and INR competency module is due by Friday. Please finish the online quiz and bring your signed checklist to the education office on the third floor.';
    const r = scanParts(body(text));
    expect(r.containsPhi).toBe(false);
    expect(r.score).toBeLessThan(0.5);
  });

  it('does not overrule what the recognizers hold to identify nobody (an animal, made-up data, mass mail)', () => {
    const text = 'Biscuit is back from the kennel. She missed three days of her phenobarbital and had two seizures last night. Can we recheck her levels Monday? The owner will drop her off at the veterinary clinic at 8.';
    const s = detector.signals(body(text));
    expect(s.recognizers.nobody).toBe('veterinary');
    expect(s.wording!.probability).toBeGreaterThan(0.5);
    expect(scanParts(body(text)).containsPhi).toBe(false);
  });

  it('leaves a message of few words to the recognizers', () => {
    const text = 'Roberta got her pass renewed today.';
    const s = detector.signals(body(text));
    expect(s.wording!.features).toBeLessThan(20);
    expect(s.wording!.probability).toBeGreaterThan(0.5);
    expect(scanParts(body(text)).containsPhi).toBe(s.recognizers.containsPhi);
  });

  it('keeps score >= 0.5 exactly when containsPhi over a whole corpus', () => {
    for (const c of loadCorpus(CORPUS_FILES.handwritten)) {
      const r = scanParts(c.parts.map((p) => ({ where: p.where, text: p.html ? htmlToText(p.text) : p.text })));
      expect(r.score >= 0.5, `${c.id}: ${r.score}`).toBe(r.containsPhi);
    }
  });

  it('rejects a malformed model with a clear error', () => {
    const good = encodeWeights(new Float64Array(256), 0.01);
    expect(decodeWording('8 0.1 0.01', good).levels.length).toBe(256);
    expect(() => decodeWording('8 0.1 0.01', good.slice(1))).toThrow(/malformed wording model/);
    expect(() => decodeWording('8 0.1 0.01', good.slice(1) + '*')).toThrow(/character 255/);
    expect(() => decodeWording('8 x 0.01', good)).toThrow(/malformed/);
  });
});
