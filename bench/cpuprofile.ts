// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by module
// (package, project file, node internals), and inclusive time of the project's own functions.
// Usage: node bench/cpuprofile.ts FILE.cpuprofile [--top 25] [--callers REGEXP-OF-LEAF-FUNCTION]
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function shortUrl(url: string): string {
  let u = url.replace(/^file:\/\//, '');
  if (u.startsWith(repoRoot + '/')) u = u.slice(repoRoot.length + 1);
  return u;
}

/** Which module a frame belongs to: an npm package, a project directory, node internals, or V8. */
export function moduleOf(cf: CallFrame): string {
  const u = shortUrl(cf.url);
  if (u.startsWith('wasm:')) return 'wasm (PGlite: Postgres compiled to WebAssembly)';
  if (!u) {
    if (cf.functionName === '(garbage collector)') return '(garbage collector)';
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') return cf.functionName;
    return '(native / V8 builtins)';
  }
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = u.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (u.startsWith('node:')) return `node:${u.slice(5).split('/')[0]}`;
  const parts = u.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : u;
}

/** The project's own source files (not packages, node internals, WebAssembly or builtins). */
function isProjectUrl(u: string): boolean {
  return u !== '' && !u.includes('node_modules/') && !u.includes(':') && !u.startsWith('/');
}

const sourceMaps = new Map<string, SourceMap | null>();

/** Where a frame of a minified package (e.g. PGlite's bundle) comes from, via its .map file. */
function original(cf: CallFrame): string | null {
  if (!cf.url.startsWith('file://') || !cf.url.includes('node_modules/')) return null;
  let map = sourceMaps.get(cf.url);
  if (map === undefined) {
    map = null;
    try {
      const file = fileURLToPath(cf.url);
      if (fs.existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    sourceMaps.set(cf.url, map);
  }
  if (!map) return null;
  const e = map.findEntry(cf.lineNumber, cf.columnNumber) as { originalSource?: string; originalLine?: number; name?: string };
  if (!e?.originalSource) return null;
  const src = e.originalSource.replace(/^(\.\.\/)+/, '').replace(/^webpack:\/\/\//, '');
  return `${src}:${(e.originalLine ?? 0) + 1}`;
}

function frameKey(cf: CallFrame): string {
  const name = cf.functionName || '(anonymous)';
  const u = shortUrl(cf.url);
  if (!u) return name;
  const o = original(cf);
  return o ? `${name}  ${u}:${cf.lineNumber + 1}:${cf.columnNumber + 1} (${o})` : `${name}  ${u}:${cf.lineNumber + 1}`;
}

export interface Summary {
  totalMs: number;
  idleMs: number;
  bySelf: Array<[string, number]>;
  byModule: Array<[string, number]>;
  projectInclusive: Array<[string, number]>;
  modulesInclusive: Array<[string, number]>;
}

export function summarise(profile: Profile): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const mod = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const modInclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  // timeDeltas[i] is the time before sample i; attribute the gap after a sample to it.
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    total += dt;
    if (node.callFrame.functionName === '(idle)') {
      idle += dt;
      continue;
    }
    const k = frameKey(node.callFrame);
    self.set(k, (self.get(k) ?? 0) + dt);
    const m = moduleOf(node.callFrame);
    mod.set(m, (mod.get(m) ?? 0) + dt);
    const seen = new Set<string>();
    const seenMod = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const cf = byId.get(id)!.callFrame;
      const u = shortUrl(cf.url);
      const mk = moduleOf(cf);
      if (!seenMod.has(mk)) {
        seenMod.add(mk);
        modInclusive.set(mk, (modInclusive.get(mk) ?? 0) + dt);
      }
      if (!isProjectUrl(u)) continue;
      const fk = frameKey(cf);
      if (seen.has(fk)) continue;
      seen.add(fk);
      inclusive.set(fk, (inclusive.get(fk) ?? 0) + dt);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalMs: total, idleMs: idle, bySelf: sorted(self), byModule: sorted(mod), projectInclusive: sorted(inclusive), modulesInclusive: sorted(modInclusive) };
}

export function formatSummary(s: Summary, top = 25): string {
  const busy = s.totalMs - s.idleMs;
  const pct = (v: number) => `${((100 * v) / busy).toFixed(1).padStart(5)} %`;
  const ms = (v: number) => `${Math.round(v).toString().padStart(7)} ms`;
  const lines: string[] = [];
  lines.push(`profile: ${(s.totalMs / 1000).toFixed(1)} s wall, ${(busy / 1000).toFixed(1)} s on the main thread (${((100 * busy) / s.totalMs).toFixed(0)} %), idle ${(s.idleMs / 1000).toFixed(1)} s`);
  lines.push('', `self time by module (share of busy time):`);
  for (const [k, v] of s.byModule.slice(0, top)) lines.push(`  ${ms(v)} ${pct(v)}  ${k}`);
  lines.push('', `inclusive time by module (a module's code or anything it called):`);
  for (const [k, v] of s.modulesInclusive.slice(0, top)) lines.push(`  ${ms(v)} ${pct(v)}  ${k}`);
  lines.push('', `top ${top} functions by self time:`);
  for (const [k, v] of s.bySelf.slice(0, top)) lines.push(`  ${ms(v)} ${pct(v)}  ${k}`);
  lines.push('', `top ${top} project functions by inclusive time:`);
  for (const [k, v] of s.projectInclusive.slice(0, top)) lines.push(`  ${ms(v)} ${pct(v)}  ${k}`);
  return lines.join('\n') + '\n';
}

/** The commonest call stacks (leaf first, `depth` frames) of samples whose leaf matches `leaf`. */
export function callers(profile: Profile, leaf: RegExp, depth = 8, top = 10): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    if (!node || !leaf.test(frameKey(node.callFrame))) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += dt;
    const frames: string[] = [];
    for (let id: number | undefined = node.id; id !== undefined && frames.length < depth; id = parent.get(id)) {
      const cf = byId.get(id)!.callFrame;
      if (cf.functionName === '(root)') break;
      frames.push(frameKey(cf));
    }
    const k = frames.join('\n      ← ');
    stacks.set(k, (stacks.get(k) ?? 0) + dt);
  }
  const lines = [`samples with leaf ${leaf}: ${Math.round(total)} ms`];
  for (const [k, v] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${Math.round(v)} ms\n        ${k}`);
  return lines.join('\n') + '\n';
}

export function summariseFile(file: string, top = 25): string {
  return formatSummary(summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile), top);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
  const callersAt = args.indexOf('--callers');
  const leaf = callersAt >= 0 ? new RegExp(args.splice(callersAt, 2)[1]) : null;
  if (args.length === 0) {
    process.stderr.write('usage: node bench/cpuprofile.ts FILE.cpuprofile [--top N] [--callers REGEXP]\n');
    process.exit(2);
  }
  for (const f of args) {
    if (leaf) process.stdout.write(`== ${f}\n${callers(JSON.parse(fs.readFileSync(f, 'utf8')) as Profile, leaf, 10, top)}\n`);
    else process.stdout.write(`== ${f}\n${summariseFile(f, top)}\n`);
  }
}
