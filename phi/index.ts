/**
 * phigate PHI detector — the API the gateway and the CLI call.
 *
 *   import { scanText, scanParts } from './phi/index.ts';
 *
 * The compiled dictionary (phi/dist, built by `node phi/build/compile.ts`) is loaded once at import.
 * Under Node it is (re)built on demand when phi/data changed; the browser and Apps Script use the
 * IIFE bundle (phi/build/bundle.ts), which embeds it. The engine itself (phi/engine, phi/dictionary)
 * uses no Node built-ins.
 */
import { decodeDictionary, type Dictionary } from './dictionary/codec.ts';
import { createDetector, type Detector } from './engine/detector.ts';
import type { MessagePart, ScanOptions, ScanResult } from './types.ts';

export type { Confidence, Finding, MessagePart, PhiType, ScanOptions, ScanResult } from './types.ts';
export { PHI_TYPES } from './types.ts';
export { createDetector, type Detector } from './engine/detector.ts';
export { decodeDictionary, type Dictionary } from './dictionary/codec.ts';
export { htmlToText } from './extract/html-to-text.ts';

async function loadCompiledBlob(): Promise<string> {
  const isNode = typeof globalThis.process === 'object' && Boolean(globalThis.process.versions?.node);
  if (isNode) {
    const file = await import('./node/dictionary-file.ts');
    return file.loadCompiledBlob();
  }
  const spec = './dist/dictionary.ts'; // not a literal: the file exists only after the build
  const mod = (await import(spec)) as { COMPILED_DICTIONARY: string };
  return mod.COMPILED_DICTIONARY;
}

export const dictionary: Dictionary = decodeDictionary(await loadCompiledBlob());
const detector: Detector = createDetector(dictionary);

/** Scan one text (a part named opts.where, default "body"). */
export function scanText(text: string, opts?: ScanOptions): ScanResult {
  return detector.scanText(text, opts);
}

/** Scan all parts of a message together: the decision is per message. */
export function scanParts(parts: MessagePart[]): ScanResult {
  return detector.scanParts(parts);
}
