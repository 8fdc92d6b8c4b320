/**
 * Browser / Apps Script bundle: one IIFE script defining the global `PhiDetector`, dictionary
 * embedded, no modules and no Node APIs.
 *
 *   node phi/build/bundle.ts   →  phi/dist/phi-detector.js (+ .min.js)
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_DIR, ensureCompiled } from './compile.ts';

const PHI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_FILE = join(DIST_DIR, 'phi-detector.js');
export const BUNDLE_MIN_FILE = join(DIST_DIR, 'phi-detector.min.js');

/** The entry exists only here, so no checked-in file imports the generated dictionary module. */
const ENTRY = `
import { createLazyApi } from './browser.ts';
import { COMPILED_DICTIONARY } from './dist/dictionary.ts';
const api = createLazyApi(COMPILED_DICTIONARY);
export const load = api.load;
export const scanText = api.scanText;
export const scanParts = api.scanParts;
export const htmlToText = api.htmlToText;
export const dictionaryStamp = api.dictionaryStamp;
`;

export async function bundle(): Promise<string[]> {
  ensureCompiled();
  const common = {
    stdin: { contents: ENTRY, resolveDir: PHI_DIR, sourcefile: 'phi-detector-entry.ts', loader: 'ts' as const },
    bundle: true,
    format: 'iife' as const,
    globalName: 'PhiDetector',
    platform: 'neutral' as const,
    target: ['es2020'],
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
  };
  await build({ ...common, outfile: BUNDLE_FILE });
  await build({ ...common, outfile: BUNDLE_MIN_FILE, minify: true });
  return [BUNDLE_FILE, BUNDLE_MIN_FILE];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { statSync } = await import('node:fs');
  for (const f of await bundle()) console.log(`${f} (${(statSync(f).size / 1024).toFixed(0)} KiB)`);
}
