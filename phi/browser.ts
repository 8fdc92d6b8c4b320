/**
 * The API of the browser / Apps Script bundle (global `PhiDetector`). The dictionary is decoded on
 * first use (or by an explicit load()), so including the script costs nothing until a scan.
 */
import { decodeDictionary } from './dictionary/codec.ts';
import { createDetector, type Detector } from './engine/detector.ts';
import { htmlToText } from './extract/html-to-text.ts';
import type { MessagePart, ScanOptions, ScanResult } from './types.ts';

export interface PhiDetectorApi {
  /** Decode the embedded dictionary now; returns the milliseconds it took (0 when already loaded). */
  load(): number;
  scanText(text: string, opts?: ScanOptions): ScanResult;
  scanParts(parts: MessagePart[]): ScanResult;
  htmlToText(html: string): string;
  /** Stamp of the compiled dictionary (content hash of phi/data). */
  dictionaryStamp(): string;
}

export function createLazyApi(compiled: string): PhiDetectorApi {
  let detector: Detector | null = null;
  let stamp = '';
  const get = (): Detector => {
    if (!detector) {
      const dict = decodeDictionary(compiled);
      stamp = dict.stamp;
      detector = createDetector(dict);
    }
    return detector;
  };
  return {
    load() {
      if (detector) return 0;
      const t0 = Date.now();
      get();
      return Date.now() - t0;
    },
    scanText: (text, opts) => get().scanText(text, opts),
    scanParts: (parts) => get().scanParts(parts),
    htmlToText,
    dictionaryStamp: () => (get(), stamp),
  };
}
