import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPhiScan } from '../../phi/node/scan-cli.ts';
import { mimeMessage } from './mime.ts';

const dir = mkdtempSync(join(tmpdir(), 'phi-cli-'));
const phiFile = join(dir, 'phi.eml');
const cleanFile = join(dir, 'clean.txt');
const SSN = '219-45-6789';
writeFileSync(phiFile, mimeMessage({ subject: 'claim', text: `For the hospital claim: SSN ${SSN}, member ID W123456789.` }));
writeFileSync(cleanFile, 'Lunch on Friday?');

async function run(args: string[], stdin?: string) {
  let out = '';
  let err = '';
  const code = await runPhiScan(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, readStdin: async () => Buffer.from(stdin ?? '') });
  return { code, out, err };
}

describe('phigate phi scan', () => {
  it('--json: one object per input, in order, positions but never matched text', async () => {
    const { code, out } = await run(['--json', phiFile, cleanFile]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([phiFile, cleanFile]);
    expect(lines[0].containsPhi).toBe(true);
    expect(lines[1].containsPhi).toBe(false);
    expect(typeof lines[0].score).toBe('number');
    const f = lines[0].findings.find((x: { type: string }) => x.type === 'SSN');
    expect(Object.keys(f).sort()).toEqual(['confidence', 'end', 'start', 'type', 'where']);
    expect(out).not.toContain(SSN);
  });

  it('--show adds the matched text', async () => {
    const { out } = await run(['--json', '--show', phiFile]);
    const f = JSON.parse(out).findings.find((x: { type: string }) => x.type === 'SSN');
    expect(f.text).toBe(SSN);
  });

  it('exit 2 on unreadable input, still printing the readable ones, error naming the file', async () => {
    const missing = join(dir, 'missing.eml');
    const { code, out, err } = await run(['--json', missing, cleanFile]);
    expect(code).toBe(2);
    expect(out.trim().split('\n').map((l) => JSON.parse(l).file)).toEqual([cleanFile]);
    expect(err).toContain(missing);
  });

  it('reads stdin for "-" and prints a human summary without values', async () => {
    const { code, out } = await run(['-'], `Patient: Ann Lee\nSSN: ${SSN}`);
    expect(code).toBe(0);
    expect(out).toMatch(/^-: PHI \(score 0\.\d+\)/);
    expect(out).toContain('SSN');
    expect(out).not.toContain(SSN);
    expect(out).not.toContain('Ann Lee');
  });

  it('usage error without files', async () => {
    expect((await run(['--json'])).code).toBe(2);
  });
});
