/**
 * PHI detector benchmark: Node throughput (MB/s, one core) and per-message latency on 20 KB emails,
 * against a naive one-RegExp baseline; then the same for the browser bundle in headless Chromium.
 *
 *   node bench/phi/run.ts            (Node + browser)
 *   node bench/phi/run.ts --node     (Node only)
 */
import { dictionary, scanText } from '../../phi/index.ts';
import { naiveMatcher } from './baseline.ts';
import { denseEmails, emails } from './corpus.ts';
import { fmtMs, percentile } from './stats.ts';
import { runBrowserBench } from './browser.ts';

const MESSAGES = 400;
const LATENCY_RUNS = 3000;

/**
 * MB/s on one core, after one warm-up pass so the JIT has settled. Each round (one pass over the
 * docs) is timed on its own and the best and median rounds are printed: on a shared machine a
 * round also counts the time other processes held the core, and the best round is the closest to
 * the engine's own speed. The median is the figure returned.
 */
function throughput(name: string, docs: string[], fn: (s: string) => unknown, rounds: number, warmUp = docs.length): number {
  const bytes = docs.reduce((n, d) => n + d.length, 0);
  for (const d of docs.slice(0, warmUp)) fn(d);
  const rates: number[] = [];
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const d of docs) fn(d);
    const s = (performance.now() - t0) / 1000;
    total += s;
    rates.push(bytes / 1e6 / s);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  const best = rates[rates.length - 1];
  console.log(`  ${name.padEnd(28)} ${median.toFixed(1).padStart(7)} MB/s median, ${best.toFixed(1)} best  (${rounds} × ${(bytes / 1e6).toFixed(1)} MB in ${total.toFixed(2)} s)`);
  return median;
}

/**
 * Per-message latency, three rounds of LATENCY_RUNS scans each: p50 and p99 of the middle round (by p99), and
 * every round's p99, since on a shared machine one round's tail also holds other processes' time slices.
 */
function latency(name: string, docs: string[], fn: (s: string) => unknown): void {
  for (const d of docs) fn(d); // warm-up pass
  const rounds: Array<{ p50: number; p99: number; max: number }> = [];
  for (let r = 0; r < 3; r++) {
    const times: number[] = [];
    for (let i = 0; i < LATENCY_RUNS; i++) {
      const d = docs[i % docs.length];
      const t0 = performance.now();
      fn(d);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rounds.push({ p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: times[times.length - 1] });
  }
  const byP99 = [...rounds].sort((a, b) => a.p99 - b.p99);
  const mid = byP99[1];
  console.log(`  ${name.padEnd(28)} p50 ${fmtMs(mid.p50)}  p99 ${fmtMs(mid.p99)}  max ${fmtMs(mid.max)}  (p99 of each round: ${rounds.map((r) => fmtMs(r.p99)).join(', ')})`);
}

const docs = emails(MESSAGES);
console.log(`Node ${process.version}, ${docs.length} mixed emails of ${(docs[0].length / 1024).toFixed(0)} KB`);
console.log('throughput (one core):');
const ours = throughput('phigate detector', docs, scanText, 9);
const dense = denseEmails(100);
throughput('  PHI-dense worst case', dense, scanText, 5);
// Latency before the naive baseline: its 37 s of one giant RegExp leave garbage that V8's major GC would collect
// during whatever is timed next.
console.log('latency per 20 KB email:');
latency('phigate detector', docs, scanText);
latency('  PHI-dense worst case', dense, scanText);
const naive = naiveMatcher(dictionary);
const base = throughput('naive RegExp alternation', docs.slice(0, 40), naive, 1, 2);
console.log(`  speed-up over baseline: ${(ours / base).toFixed(0)}x`);

if (!process.argv.includes('--node')) await runBrowserBench(docs);
