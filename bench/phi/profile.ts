/**
 * CPU profile of the detector alone on the benchmark's mixed corpus, summarised by function and by
 * source line (V8 position ticks), so the hot spots of the engine are visible without the baseline
 * and Chromium parts of run.ts.
 *
 *   node bench/phi/profile.ts [--dense] [--rounds N] [--top N]
 */
import { Session } from 'node:inspector/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanText } from '../../phi/index.ts';
import { denseEmails, emails } from './corpus.ts';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const docs = process.argv.includes('--dense') ? denseEmails(100) : emails(400);
const rounds = arg('--rounds', 20);
const top = arg('--top', 25);
for (const d of docs.slice(0, 50)) scanText(d);

interface Node { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; positionTicks?: { line: number; ticks: number }[] }
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) scanText(d);
const ms = performance.now() - t0;
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: Node[] } };
const bytes = docs.reduce((n, d) => n + d.length, 0) * rounds;
console.log(`${(bytes / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms (${(bytes / 1e3 / ms).toFixed(1)} MB/s, profiler on)`);

const root = fileURLToPath(new URL('../../', import.meta.url));
const short = (u: string): string => u.replace('file://', '').replace(root, '');
const byFn = new Map<string, number>();
const byLine = new Map<string, number>();
let total = 0;
for (const n of profile.nodes) {
  total += n.hitCount;
  const f = `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}`;
  byFn.set(f, (byFn.get(f) ?? 0) + n.hitCount);
  for (const p of n.positionTicks ?? []) {
    const key = `${short(n.callFrame.url)}:${p.line}`;
    byLine.set(key, (byLine.get(key) ?? 0) + p.ticks);
  }
}
// Inclusive time: each node's subtree, summed per function (a function's recursive frames counted once).
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const fnName = (n: Node): string => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}`;
const inclusive = new Map<string, number>();
const subtree = (n: Node, open: Set<string>): number => {
  const f = fnName(n);
  const first = !open.has(f);
  if (first) open.add(f);
  let t = n.hitCount;
  for (const c of n.children ?? []) t += subtree(byId.get(c)!, open);
  if (first) { open.delete(f); inclusive.set(f, (inclusive.get(f) ?? 0) + t); }
  return t;
};
subtree(profile.nodes[0], new Set());
const pct = (x: number): string => `${((100 * x) / total).toFixed(1).padStart(5)} %`;
console.log('\nself time by function:');
for (const [f, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(t)}  ${f}`);
console.log('\ninclusive time by function:');
for (const [f, t] of [...inclusive].filter(([f]) => f.includes('phi/')).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(t)}  ${f}`);
console.log('\nself time by line:');
const sources = new Map<string, string[]>();
for (const [l, t] of [...byLine].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const [file, line] = [l.slice(0, l.lastIndexOf(':')), Number(l.slice(l.lastIndexOf(':') + 1))];
  if (!sources.has(file)) {
    try { sources.set(file, readFileSync(root + file, 'utf8').split('\n')); } catch { sources.set(file, []); }
  }
  const src = (sources.get(file)![line - 1] ?? '').trim().slice(0, 90);
  console.log(`  ${pct(t)}  ${l.padEnd(34)} ${src}`);
}
