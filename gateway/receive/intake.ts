// Reads one message's DATA stream: guards against SMTP smuggling (bare CR / bare LF), counts
// size, separates the header block, and cuts the body into chunks, handing full chunks to the
// spool as they arrive so a 50 MB message never sits in memory whole.
import type { Readable } from 'node:stream';
import { CHUNK_SIZE } from '../spool/messages.ts';

export const MAX_HEADER_BYTES = 1024 * 1024;

export interface IntakeResult {
  /** Header block including the blank line that ends it ("...\r\n\r\n"); empty when none. */
  header: Buffer;
  /** Body chunks not yet handed to `storeChunk`. */
  pendingChunks: Buffer[];
  storedChunks: number;
  size: number;
  sizeExceeded: boolean;
  bareNewline: 'LF' | 'CR' | null;
  headerTooLarge: boolean;
  /** Storing a chunk failed (database trouble): the message must be answered 4xx. */
  storeError: Error | null;
}

/** Finds the first bare CR or bare LF; carries the last byte across chunk boundaries. */
export class BareNewlineScanner {
  private prevCr = false;
  found: 'LF' | 'CR' | null = null;

  // Native searches (memchr) for CR and LF rather than a loop over every byte: mail has a line
  // break every ~76 bytes, so this visits a few hundred positions per 20 KB instead of 20,000.
  scan(buf: Buffer): void {
    if (this.found || buf.length === 0) return;
    if (this.prevCr && buf[0] !== 0x0a) {
      this.found = 'CR';
      return;
    }
    let bareLf = -1;
    for (let i = buf.indexOf(0x0a, this.prevCr ? 1 : 0); i !== -1; i = buf.indexOf(0x0a, i + 1)) {
      if (i === 0 || buf[i - 1] !== 0x0d) {
        bareLf = i;
        break;
      }
    }
    let bareCr = -1;
    // A CR in the last byte is settled by the next chunk (or by end()).
    for (let i = buf.indexOf(0x0d); i !== -1 && i < buf.length - 1; i = buf.indexOf(0x0d, i + 1)) {
      if (buf[i + 1] !== 0x0a) {
        bareCr = i;
        break;
      }
    }
    if (bareLf !== -1 || bareCr !== -1) {
      this.found = bareCr === -1 || (bareLf !== -1 && bareLf < bareCr) ? 'LF' : 'CR';
      return;
    }
    this.prevCr = buf[buf.length - 1] === 0x0d;
  }

  end(): void {
    if (!this.found && this.prevCr) this.found = 'CR';
  }
}

const HEADER_END = Buffer.from('\r\n\r\n');

export async function readMessage(
  stream: Readable & { sizeExceeded?: boolean },
  storeChunk: (seq: number, chunk: Buffer) => Promise<void>,
): Promise<IntakeResult> {
  const scanner = new BareNewlineScanner();
  let size = 0;
  let header: Buffer | null = null;
  let headerParts: Buffer[] = [];
  let headerLen = 0;
  let headerTooLarge = false;
  let bodyParts: Buffer[] = [];
  let bodyLen = 0;
  let storedChunks = 0;
  let rejecting = false;
  let storeError: Error | null = null;

  const addBody = async (buf: Buffer) => {
    if (buf.length === 0) return;
    bodyParts.push(buf);
    bodyLen += buf.length;
    while (bodyLen >= CHUNK_SIZE) {
      const all = Buffer.concat(bodyParts, bodyLen);
      bodyParts = [all.subarray(CHUNK_SIZE)];
      bodyLen = all.length - CHUNK_SIZE;
      try {
        await storeChunk(storedChunks, all.subarray(0, CHUNK_SIZE));
        storedChunks += 1;
      } catch (err) {
        // Keep draining the stream (the SMTP session must reach the end of DATA to answer).
        storeError = err as Error;
        rejecting = true;
        bodyParts = [];
        bodyLen = 0;
      }
    }
  };

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    scanner.scan(chunk);
    // Once the message is known to be refused, keep draining the stream but store nothing.
    rejecting ||= scanner.found !== null || stream.sizeExceeded === true || headerTooLarge;
    if (rejecting) continue;
    if (header === null) {
      // The header end may straddle chunks: search the joined tail.
      const searchFrom = Math.max(0, headerLen - 3);
      headerParts.push(chunk);
      headerLen += chunk.length;
      const joined = headerParts.length === 1 ? chunk : Buffer.concat(headerParts, headerLen);
      headerParts = [joined];
      const startsEmpty = joined.length >= 2 && joined[0] === 0x0d && joined[1] === 0x0a;
      const at = startsEmpty ? -2 : joined.indexOf(HEADER_END, searchFrom);
      if (at === -2 || at >= 0) {
        const end = at === -2 ? 2 : at + 4;
        header = joined.subarray(0, end);
        headerParts = [];
        await addBody(joined.subarray(end));
      } else if (headerLen > MAX_HEADER_BYTES) {
        headerTooLarge = true;
        rejecting = true;
      }
      continue;
    }
    await addBody(chunk);
  }
  scanner.end();
  if (header === null) {
    // No blank line: the whole message is header fields (legal: a message without a body).
    const all = Buffer.concat(headerParts, headerLen);
    header = all.length === 0 ? Buffer.alloc(0) : Buffer.concat([all, all.subarray(-2).equals(Buffer.from('\r\n')) ? Buffer.from('\r\n') : Buffer.from('\r\n\r\n')]);
  }
  return {
    header,
    pendingChunks: bodyLen > 0 ? [Buffer.concat(bodyParts, bodyLen)] : [],
    storedChunks,
    size,
    sizeExceeded: stream.sizeExceeded === true,
    bareNewline: scanner.found,
    headerTooLarge,
    storeError,
  };
}
