import { describe, expect, it } from 'vitest';
import { HOLD_LIMIT, libraryFlush, libraryTransform, passesUnchanged, patchedFlush, patchedTransform, type DataStreamState } from '../../gateway/deliver/nodemailer-patches.ts';
import { rng } from '../support/rng.ts';

// Feeds chunks through one DATA-phase encoder, then ends it, and returns the bytes it would put
// on the wire (with the buffers pushed, to count the writes).
function encode(transform: typeof patchedTransform, flush: typeof patchedFlush, chunks: Buffer[]): { out: Buffer; state: DataStreamState; pushes: number } {
  const pushed: Buffer[] = [];
  const state: DataStreamState = { inByteCount: 0, outByteCount: 0, lastByte: false, push: (b) => (pushed.push(Buffer.from(b)), true) };
  for (const c of chunks) transform.call(state, c, 'binary', (err) => expect(err ?? null).toBeNull());
  flush.call(state, (err) => expect(err ?? null).toBeNull());
  return { out: Buffer.concat(pushed), state, pushes: pushed.length };
}


describe('nodemailer DataStream fast path', () => {
  it('puts the same bytes on the wire as the library, chunk edges included', () => {
    const next = rng(20261203);
    const alphabet = ['a', 'b', '.', '\r\n', '\r\n', '\r\n.', '\r', '\n', ' ', 'é'];
    for (let round = 0; round < 3000; round++) {
      const clean = round % 2 === 0; // half the inputs are spool-shaped (CRLF only, few dots)
      let text = '';
      const len = Math.floor(next() * 200);
      for (let i = 0; i < len; i++) {
        const pick = alphabet[Math.floor(next() * alphabet.length)];
        text += clean && (pick === '\r' || pick === '\n') ? '\r\n' : pick;
      }
      const bytes = Buffer.from(text);
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(next() * 40);
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      const lib = encode(libraryTransform, libraryFlush, chunks);
      const fast = encode(patchedTransform, patchedFlush, chunks);
      expect(fast.out.toString('latin1'), JSON.stringify(text)).toBe(lib.out.toString('latin1'));
      expect([fast.state.inByteCount, fast.state.outByteCount, fast.state.lastByte]).toEqual([lib.state.inByteCount, lib.state.outByteCount, lib.state.lastByte]);
    }
  });

  it('hands a small clean message on as one buffer, terminator included, and never gathers a large one', () => {
    const header = Buffer.from('Subject: x\r\nFrom: a@b.test\r\n\r\n');
    const body = Buffer.from('hello\r\n'.repeat(2500));
    const fast = encode(patchedTransform, patchedFlush, [header, body]);
    expect(fast.pushes).toBe(1);
    expect(fast.out.toString('latin1')).toBe(encode(libraryTransform, libraryFlush, [header, body]).out.toString('latin1'));
    const big = Buffer.from('x'.repeat(HOLD_LIMIT - 2) + '\r\n');
    const large = encode(patchedTransform, patchedFlush, [header, big, big, big, Buffer.from('end')]);
    expect(large.out.toString('latin1')).toBe(encode(libraryTransform, libraryFlush, [header, big, big, big, Buffer.from('end')]).out.toString('latin1'));
    expect(large.pushes).toBe(5); // header, big, big, big, "end"+terminator
    const huge = encode(patchedTransform, patchedFlush, [Buffer.alloc(HOLD_LIMIT + 1, 0x61)]);
    expect(huge.pushes).toBe(2); // passed at once; the terminator on its own
  });

  it('passes a CRLF message through untouched and hands anything else to the library', () => {
    expect(passesUnchanged(Buffer.from('Subject: x\r\n\r\nhello\r\n'), false)).toBe(true);
    expect(passesUnchanged(Buffer.from('a\r\n.b\r\n'), false)).toBe(false); // dot to stuff
    expect(passesUnchanged(Buffer.from('.b\r\n'), 0x0a)).toBe(false); // dot at a chunk's start
    expect(passesUnchanged(Buffer.from('a\nb'), false)).toBe(false); // bare LF
    expect(passesUnchanged(Buffer.from('a\rb'), false)).toBe(false); // bare CR
    expect(passesUnchanged(Buffer.from('a\r'), false)).toBe(false); // CR at the edge: undecided
    expect(passesUnchanged(Buffer.from('\nb'), 0x0d)).toBe(false); // CRLF split over two chunks
  });
});
