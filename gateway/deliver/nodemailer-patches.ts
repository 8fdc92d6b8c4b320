// One narrow speed-up to nodemailer's internals, applied once at import.
//
// nodemailer's DataStream (the DATA phase encoder) looks at every byte of a message in a
// JavaScript loop to stuff leading dots and turn bare CR or bare LF into CRLF. phigate's spool
// holds only CRLF-normalised content (intake refuses bare CR/LF), so for nearly every chunk
// there is nothing to change, and a relay profile put that loop at ~5 % of the gateway's CPU.
// The patch asks one native regular expression whether a chunk needs any change and passes
// it through untouched when it does not; any chunk that does (or might, at a chunk edge) goes
// to the library's own loop, so the bytes on the wire are the library's in every case.
// test/gateway/nodemailer-patches.test.ts compares both on many random inputs.

type Done = (err?: Error | null) => void;
export interface DataStreamState {
  inByteCount: number;
  outByteCount: number;
  lastByte: number | false;
  push: (chunk: Buffer) => boolean;
}
type Transform = (this: DataStreamState, chunk: Buffer | string, encoding: BufferEncoding, done: Done) => void;

const PATCHED = Symbol.for('phigate.nodemailer-datastream-patched');
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
const { default: DataStream } = (await import(dataStreamModule.href)) as { default: { prototype: { _transform: Transform; [PATCHED]?: Transform } } };

/** The library's own encoder, for the equivalence test. */
export const libraryTransform: Transform = DataStream.prototype[PATCHED] ?? DataStream.prototype._transform;

if (!DataStream.prototype[PATCHED]) {
  DataStream.prototype[PATCHED] = libraryTransform;
  DataStream.prototype._transform = function (chunk, encoding, done) {
    if (Buffer.isBuffer(chunk) && chunk.length > 0 && passesUnchanged(chunk, this.lastByte)) {
      this.inByteCount += chunk.length;
      this.outByteCount += chunk.length;
      this.lastByte = chunk[chunk.length - 1];
      this.push(chunk);
      return done();
    }
    return libraryTransform.call(this, chunk, encoding, done);
  };
}

export const patchedTransform: Transform = DataStream.prototype._transform;
