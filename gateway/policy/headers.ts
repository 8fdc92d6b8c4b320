// A minimal header list, independent of any MIME library, and the little header text handling
// the policy needs (unfolding, RFC 2047 encoded-words) so a marker cannot hide behind encoding.

/** Header fields in message order; `key` is the lower-case field name. */
export type HeaderList = Array<{ key: string; value: string }>;

/** Values of every field named `key` (case-insensitive), in order. */
export function headerValues(headers: HeaderList, key: string): string[] {
  const wanted = key.toLowerCase();
  return headers.filter((header) => header.key.toLowerCase() === wanted).map((header) => header.value);
}

/** Removes folding (CRLF or LF followed by whitespace), RFC 5322 section 2.2.3. */
export function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '');
}

// =?charset[*lang]?B|Q?text?= — fixed pattern, linear: no nested or overlapping quantifiers.
const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const hex = text.slice(i + 1, i + 3);
    if (ch === '_') bytes.push(0x20);
    else if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(ch.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeBytes(charset: string, bytes: Buffer): string | null {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return null; // unknown charset: keep the encoded-word as written
  }
}

type Token = { word: false; text: string } | { word: true; charset: string; bytes: Buffer[]; raw: string };

/**
 * Decodes RFC 2047 encoded-words. Whitespace between adjacent encoded-words is not part of the
 * text, and consecutive words in one charset are decoded together so a character split across
 * two words survives. A word in an unknown charset is kept as written.
 */
export function decodeEncodedWords(value: string): string {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of value.matchAll(ENCODED_WORD)) {
    const gap = value.slice(last, match.index);
    const previous = tokens.at(-1);
    if (gap !== '' && !(previous?.word === true && gap.trim() === '')) tokens.push({ word: false, text: gap });
    const charset = match[1]!.split('*')[0]!.toLowerCase();
    const bytes = wordBytes(match[2]!, match[3]!);
    const before = tokens.at(-1);
    if (before?.word === true && before.charset === charset) {
      before.bytes.push(bytes);
      before.raw += match[0];
    } else {
      tokens.push({ word: true, charset, bytes: [bytes], raw: match[0] });
    }
    last = match.index + match[0].length;
  }
  tokens.push({ word: false, text: value.slice(last) });
  return tokens.map((token) => (token.word ? (decodeBytes(token.charset, Buffer.concat(token.bytes)) ?? token.raw) : token.text)).join('');
}

/** Unfolded, decoded text of a header value. */
export function headerText(value: string): string {
  return decodeEncodedWords(unfold(value));
}
