/**
 * `phigate phi scan [--json] [--show] FILE...` (FILE "-" reads stdin). Positions only, never the
 * matched text, unless --show. Exit 0 when every input was scanned, 2 when one was unreadable.
 */
import { readFile } from 'node:fs/promises';
import { scanParts } from '../index.ts';
import type { Finding, MessagePart, ScanResult } from '../types.ts';
import { extractMessageParts } from './scan-message.ts';
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads stdin for "-" (default: process.stdin). */
  readStdin?: () => Promise<Buffer>;
}

const USAGE = 'usage: phigate phi scan [--json] [--show] FILE... (use - for stdin)';

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function runPhiScan(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const show = args.includes('--show');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json' && a !== '--show');
  const files = args.filter((a) => !a.startsWith('--'));
  if (unknown.length || files.length === 0) {
    io.stderr(`${unknown.length ? `unknown option ${unknown[0]}\n` : ''}${USAGE}\n`);
    return 2;
  }
  let exit = 0;
  for (const file of files) {
    let raw: Buffer;
    try {
      raw = file === '-' ? await (io.readStdin ?? readAllStdin)() : await readFile(file);
    } catch (err) {
      io.stderr(`phigate phi scan: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}\n`);
      exit = 2;
      continue;
    }
    let parts: MessagePart[];
    let skipped: Array<{ name: string; reason: string }>;
    try {
      ({ parts, skipped } = await extractMessageParts(raw));
    } catch (err) {
      // Never echo content: parser errors could quote the message.
      io.stderr(`phigate phi scan: cannot parse ${file}: ${(err as Error).name}\n`);
      exit = 2;
      continue;
    }
    const result = scanParts(parts);
    const texts = show ? new Map(parts.map((p) => [p.where, p.text])) : null;
    if (json) io.stdout(JSON.stringify(toJson(file, result, texts)) + '\n');
    else io.stdout(summary(file, result, skipped, texts));
  }
  return exit;
}

function toJson(file: string, r: ScanResult, texts: Map<string, string> | null): object {
  return {
    file,
    containsPhi: r.containsPhi,
    score: r.score,
    findings: r.findings.map((f) => {
      const base = { type: f.type, confidence: f.confidence, where: f.where, start: f.start, end: f.end };
      return texts ? { ...base, text: matchedText(texts, f), reasons: f.reasons, explain: f.explain } : base;
    }),
  };
}

function summary(file: string, r: ScanResult, skipped: Array<{ name: string; reason: string }>, texts: Map<string, string> | null): string {
  const counts = new Map<string, number>();
  for (const f of r.findings) if (f.confidence !== 'low') counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
  const lines = [`${file}: ${r.containsPhi ? 'PHI' : 'no PHI'} (score ${r.score.toFixed(2)})`];
  if (counts.size) lines.push(`  findings: ${[...counts].map(([t, n]) => `${t}×${n}`).join(', ')}`);
  for (const d of r.decision) lines.push(`  because: ${d}`);
  for (const s of skipped) lines.push(`  not scanned: ${s.name} (${s.reason})`);
  if (texts) for (const f of r.findings) lines.push(`  ${f.type} ${f.confidence} ${f.where} ${f.start}-${f.end}: ${f.explain}`);
  return lines.join('\n') + '\n';
}

function matchedText(texts: Map<string, string>, f: Finding): string {
  return (texts.get(f.where) ?? '').slice(f.start, f.end);
}

