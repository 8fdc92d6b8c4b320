/** Browser half of the benchmark: the IIFE bundle in headless Chromium (playwright-core). */
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { bundle, BUNDLE_MIN_FILE } from '../../phi/build/bundle.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserFigures { loadMs: number; scriptEvalMs: number; p50: number; p99: number; mbs: number; coldP50: number; coldP99: number }

/** Passes over the corpus before latencies are taken: Chromium's JIT tiers up over more calls than Node's. */
const WARM_UP_PASSES = 3;

export async function measureInBrowser(docs: string[], runs = 1000): Promise<BrowserFigures> {
  await bundle();
  const code = readFileSync(BUNDLE_MIN_FILE, 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent('<html><body></body></html>');
    const scriptEvalMs = await page.evaluate((src) => {
      const t0 = performance.now();
      (0, eval)(src);
      return performance.now() - t0;
    }, code);
    return await page.evaluate(({ docs, runs, scriptEvalMs, warmUp }) => {
      const api = (globalThis as unknown as { PhiDetector: { load(): number; scanText(s: string): unknown } }).PhiDetector;
      const t0 = performance.now();
      api.load();
      const loadMs = performance.now() - t0;
      // The first pass is timed too (cold: what the first messages after loading see), then more
      // warm-up passes so the latencies below are the JIT's steady state.
      const cold: number[] = [];
      for (let i = 0; i < docs.length; i++) {
        const s = performance.now();
        api.scanText(docs[i]);
        cold.push(performance.now() - s);
      }
      cold.sort((a, b) => a - b);
      for (let w = 1; w < warmUp; w++) for (let i = 0; i < docs.length; i++) api.scanText(docs[i]);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        api.scanText(docs[i % docs.length]);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      const bytes = docs.reduce((n, d) => n + d.length, 0);
      const s = performance.now();
      for (const d of docs) api.scanText(d);
      const mbs = bytes / 1e6 / ((performance.now() - s) / 1000);
      return { loadMs, scriptEvalMs, p50: times[Math.floor(runs * 0.5)], p99: times[Math.floor(runs * 0.99)], mbs, coldP50: cold[Math.floor(cold.length * 0.5)], coldP99: cold[Math.floor(cold.length * 0.99)] };
    }, { docs, runs, scriptEvalMs, warmUp: WARM_UP_PASSES });
  } finally {
    await browser.close();
  }
}

export async function runBrowserBench(docs: string[]): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`browser: ${CHROMIUM} not found, skipped`);
    return;
  }
  const f = await measureInBrowser(docs);
  console.log('headless Chromium (IIFE bundle):');
  console.log(`  script evaluation ${f.scriptEvalMs.toFixed(1)} ms, dictionary load ${f.loadMs.toFixed(1)} ms`);
  console.log(`  latency per 20 KB email: p50 ${f.p50.toFixed(3)} ms  p99 ${f.p99.toFixed(3)} ms  (after ${WARM_UP_PASSES} warm-up passes)`);
  console.log(`  first pass after loading (cold JIT): p50 ${f.coldP50.toFixed(3)} ms  p99 ${f.coldP99.toFixed(3)} ms`);
  console.log(`  throughput ${f.mbs.toFixed(1)} MB/s`);
}
