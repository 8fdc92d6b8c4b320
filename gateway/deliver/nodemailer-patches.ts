// Two narrow speed-ups to nodemailer's DATA encoder, applied once at import.
//
// nodemailer's DataStream (the DATA phase encoder) looks at every byte of a message in a
// JavaScript loop to stuff leading dots and turn bare CR or bare LF into CRLF. phigate's spool
// holds only CRLF-normalised content (intake refuses bare CR/LF), so for nearly every chunk
// there is nothing to change, and a relay profile put that loop at ~5 % of the gateway's CPU.
// The patch asks one native regular expression whether a chunk needs any change and passes
// it through untouched when it does not; any chunk that does (or might, at a chunk edge) goes
// to the library's own loop, so the bytes on the wire are the library's in every case.
// test/gateway/nodemailer-patches.test.ts compares both on many random inputs.
//
// The same fast path also holds small unchanged chunks back and hands them on together, with
// the terminating "<CR><LF>.<CR><LF>", as one buffer: a 20 KB message (header chunk, body chunk,
// terminator) then reaches the socket in one write instead of three, each write being a system
// call on the loopback/network path. At most HOLD_LIMIT bytes are held; larger chunks pass at
// once, so a 50 MB message is never gathered. The bytes and their order are unchanged.

type Done = (err?: Error | null) => void;
export interface DataStreamState {
  inByteCount: number;
  outByteCount: number;
  lastByte: number | false;
  push: (chunk: Buffer) => boolean;
  /** Unchanged chunks held back by the fast path, not yet pushed. */
  [HELD]?: Buffer[];
}
type Transform = (this: DataStreamState, chunk: Buffer | string, encoding: BufferEncoding, done: Done) => void;
type Flush = (this: DataStreamState, done: Done) => void;

const PATCHED = Symbol.for('phigate.nodemailer-datastream-patched');
const PATCHED_FLUSH = Symbol.for('phigate.nodemailer-datastream-flush-patched');
const HELD = Symbol.for('phigate.nodemailer-datastream-held');
/** Unchanged chunks are gathered up to this many bytes before they are pushed on. */
export const HOLD_LIMIT = 64 * 1024;
// A CR not followed by LF, a LF not preceded by CR, or a dot at the start of a line.
const NEEDS_ENCODING = /\r(?!\n)|(?<!\r)\n|\n\./;

/** True when the library's loop would emit `chunk` unchanged, given the byte before it. */
export function passesUnchanged(chunk: Buffer, lastByte: number | false): boolean {
  const first = chunk[0];
  // Line-start dot, bare LF, or a CR left open by the previous chunk: the library's loop decides.
  if (first === 0x2e && (lastByte === false || lastByte === 0x0a)) return false;
  if (first === 0x0a || lastByte === 0x0d) return false;
  return !NEEDS_ENCODING.test(chunk.toString('latin1'));
}

const dataStreamModule = new URL('./data-stream.js', import.meta.resolve('nodemailer/lib/smtp-connection'));
const { default: DataStream } = (await import(dataStreamModule.href)) as {
  default: { prototype: { _transform: Transform; _flush: Flush; [PATCHED]?: Transform; [PATCHED_FLUSH]?: Flush } };
};

/** The library's own encoder and finaliser, for the equivalence test. */
export const libraryTransform: Transform = DataStream.prototype[PATCHED] ?? DataStream.prototype._transform;
export const libraryFlush: Flush = DataStream.prototype[PATCHED_FLUSH] ?? DataStream.prototype._flush;

/** Pushes the held chunks, and `tail` after them, as one buffer. */
function release(state: DataStreamState, tail: Buffer[] = []): void {
  const held = state[HELD] ?? [];
  state[HELD] = [];
  const out = held.length ? held.concat(tail) : tail;
  if (out.length) state.push(out.length === 1 ? out[0] : Buffer.concat(out));
}

if (!DataStream.prototype[PATCHED]) {
  DataStream.prototype[PATCHED] = libraryTransform;
  DataStream.prototype[PATCHED_FLUSH] = libraryFlush;
  DataStream.prototype._transform = function (chunk, encoding, done) {
    if (Buffer.isBuffer(chunk) && chunk.length > 0 && passesUnchanged(chunk, this.lastByte)) {
      this.inByteCount += chunk.length;
      this.outByteCount += chunk.length;
      this.lastByte = chunk[chunk.length - 1];
      const held = (this[HELD] ??= []);
      let heldBytes = chunk.length;
      for (const h of held) heldBytes += h.length;
      if (heldBytes > HOLD_LIMIT) release(this);
      if (chunk.length > HOLD_LIMIT) this.push(chunk);
      else this[HELD]!.push(chunk);
      return done();
    }
    // The library's loop pushes what it encodes: whatever is held goes first.
    release(this);
    return libraryTransform.call(this, chunk, encoding, done);
  };
  DataStream.prototype._flush = function (done) {
    if (!this[HELD]?.length) return libraryFlush.call(this, done);
    // The library's finaliser, run on a stand-in, says what the terminator is; it then goes
    // out in the same buffer as the held chunks.
    const tail: Buffer[] = [];
    const probe: DataStreamState = { inByteCount: this.inByteCount, outByteCount: this.outByteCount, lastByte: this.lastByte, push: (b) => (tail.push(b), true) };
    let finished = false;
    let error: Error | null | undefined;
    libraryFlush.call(probe, (err) => {
      finished = true;
      error = err;
    });
    if (!finished) {
      // Not the synchronous finaliser this patch knows: let the library do it on the stream.
      release(this);
      return libraryFlush.call(this, done);
    }
    this.inByteCount = probe.inByteCount;
    this.outByteCount = probe.outByteCount;
    this.lastByte = probe.lastByte;
    release(this, tail);
    return done(error);
  };
}

export const patchedTransform: Transform = DataStream.prototype._transform;
export const patchedFlush: Flush = DataStream.prototype._flush;
