import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, BUNDLE_MIN_FILE } from '../../phi/build/bundle.ts';
import { scanText } from '../../phi/index.ts';

const PHI = join(import.meta.dirname, '../../phi');
const CORE = ['engine', 'dictionary', 'extract'];

describe('browser / Apps Script bundle', () => {
  let api: { load(): number; scanText(t: string): ReturnType<typeof scanText>; dictionaryStamp(): string };
  beforeAll(async () => {
    await bundle();
    // A bare V8 context: no require, module, process or DOM, like Apps Script.
    const ctx = createContext({});
    runInContext(`${readFileSync(BUNDLE_MIN_FILE, 'utf8')};this.api = PhiDetector;`, ctx);
    api = (ctx as { api: typeof api }).api;
  }, 60_000);

  it('defines the global PhiDetector and agrees with the Node engine', () => {
    expect(api.load()).toBeGreaterThanOrEqual(0);
    for (const t of ['Patient: Rosa Alvarez\nDOB: 03/04/1955\nA1c 9.4%', 'Lunch on Friday?', 'SSN 219-45-6789 for the hospital claim']) {
      expect(JSON.parse(JSON.stringify(api.scanText(t)))).toEqual(JSON.parse(JSON.stringify(scanText(t))));
    }
    expect(api.dictionaryStamp()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('the core engine imports no Node built-ins or packages', () => {
    const offenders: string[] = [];
    const files = CORE.flatMap((d) => readdirSync(join(PHI, d)).map((f) => join(d, f))).concat(['types.ts', 'browser.ts']);
    for (const f of files) {
      if (!f.endsWith('.ts') || statSync(join(PHI, f)).isDirectory()) continue;
      const src = readFileSync(join(PHI, f), 'utf8');
      const specs = [...src.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm), ...src.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g), ...src.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)];
      for (const m of specs) if (!m[1].startsWith('.')) offenders.push(`${f}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
