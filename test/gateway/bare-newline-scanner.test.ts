// The smuggling guard's scanner against a plain reference, over random data cut at random
// chunk boundaries (a CR at the end of one chunk and its LF at the start of the next).
import { describe, expect, it } from 'vitest';
import { BareNewlineScanner } from '../../gateway/receive/intake.ts';
import { rng } from '../support/rng.ts';

function reference(data: Buffer): 'LF' | 'CR' | null {
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0x0d && data[i + 1] !== 0x0a) return 'CR';
    if (data[i] === 0x0a && data[i - 1] !== 0x0d) return 'LF';
  }
  return null;
}

function scanInChunks(data: Buffer, cuts: number[]): 'LF' | 'CR' | null {
  const scanner = new BareNewlineScanner();
  let from = 0;
  for (const cut of [...cuts, data.length]) {
    scanner.scan(data.subarray(from, cut));
    from = cut;
  }
  scanner.end();
  return scanner.found;
}


describe('bare CR / bare LF scanner', () => {
  it('agrees with the reference on random mail-like data and random chunk cuts', () => {
    const random = rng(7);
    for (let round = 0; round < 3000; round++) {
      const lines: string[] = [];
      const n = 1 + Math.floor(random() * 8);
      for (let i = 0; i < n; i++) {
        const r = random();
        const end = r < 0.9 ? '\r\n' : r < 0.95 ? '\n' : r < 0.98 ? '\r' : '\r\r\n';
        lines.push('x'.repeat(Math.floor(random() * 5)) + end);
      }
      const data = Buffer.from(lines.join(''));
      const cuts = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * data.length)))].sort((a, b) => a - b);
      expect(scanInChunks(data, cuts), JSON.stringify({ data: data.toString(), cuts })).toBe(reference(data));
    }
  });

  it('reports the first offender and settles a trailing CR at the end', () => {
    expect(scanInChunks(Buffer.from('a\r\nb\nc\rd'), [])).toBe('LF');
    expect(scanInChunks(Buffer.from('a\rb\nc'), [])).toBe('CR');
    expect(scanInChunks(Buffer.from('a\r\nb\r'), [])).toBe('CR');
    expect(scanInChunks(Buffer.from('a\r\nb\r\n'), [4])).toBe(null);
  });
});
