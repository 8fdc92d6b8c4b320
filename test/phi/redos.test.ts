import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../../phi/engine/patterns.ts';
import { regexLiterals } from './regex-literals.ts';

const PHI = join(import.meta.dirname, '../../phi');
const ENGINE_DIRS = ['engine', 'extract', 'dictionary', 'node'];
// The fuzz checker (used where the automaton is too big or has lookaround) judges by wall-clock limits by
// default, so a busy machine could call a linear pattern vulnerable; character-count limits and the fixed
// seed make its verdict the same on every machine.
const PARAMS = { timeout: 20_000, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, randomSeed: 0 } as const;

describe('ReDoS lint (recheck)', () => {
  it('every registry pattern is safe where it runs: anchored (sticky) at a token', () => {
    const unsafe: string[] = [];
    for (const [name, re] of Object.entries(PATTERNS)) {
      expect(re.sticky, `${name} must be sticky`).toBe(true);
      const result = checkSync(`^(?:${re.source})`, re.flags.replace('y', ''), PARAMS);
      if (result.status !== 'safe') unsafe.push(`${name}: ${result.status}`);
    }
    expect(unsafe).toEqual([]);
  }, 60_000);

  it('every regex literal elsewhere in the engine is safe even unanchored', () => {
    const unsafe: string[] = [];
    let count = 0;
    for (const dir of ENGINE_DIRS) {
      for (const file of readdirSync(join(PHI, dir)).filter((f) => f.endsWith('.ts') && f !== 'patterns.ts')) {
        for (const lit of regexLiterals(readFileSync(join(PHI, dir, file), 'utf8'))) {
          count++;
          const result = checkSync(lit.source, lit.flags.replace(/[gy]/g, ''), PARAMS);
          if (result.status !== 'safe') unsafe.push(`${dir}/${file}:${lit.line} /${lit.source}/ ${result.status}`);
        }
      }
    }
    expect(count).toBeGreaterThan(20); // the extractor found them
    expect(unsafe).toEqual([]);
    // recheck takes 35-50 s for the engine's literals on a quiet two-core machine, longer beside other test files.
  }, 180_000);

  it('the linter itself flags a catastrophic pattern (the test can fail)', () => {
    expect(checkSync('^(a+)+$', '').status).toBe('vulnerable');
  });
});
