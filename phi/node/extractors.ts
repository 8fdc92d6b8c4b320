/**
 * Attachment text for the gateway. Text types are decoded here; PDF and DOCX need maintained
 * extractors (candidates: `unpdf` or `pdfjs-dist` for PDF, `mammoth` for DOCX) that are not
 * installed yet: until they are, those attachments are skipped and reported as such.
 */

export interface AttachmentLike {
  filename?: string;
  contentType?: string;
  content: Buffer;
}

export type Extracted = { kind: 'text' | 'html'; text: string } | { kind: 'skipped'; reason: string };

const TEXT_EXT = /\.(?:txt|csv|tsv|ics|vcf|vcs|log|md|json|xml|hl7)$/i;
const HTML_EXT = /\.(?:html?|xhtml)$/i;
const MAX_TEXT_BYTES = 20 * 1024 * 1024;

type Extractor = (content: Buffer) => Promise<string>;

/** Load an optional package by name without making it a hard dependency. */
async function optional(name: string): Promise<unknown> {
  try {
    return await import(name);
  } catch {
    return null;
  }
}

async function pdfExtractor(): Promise<Extractor | null> {
  const unpdf = (await optional('unpdf')) as { extractText?: (d: Uint8Array, o: { mergePages: boolean }) => Promise<{ text: string }> } | null;
  if (unpdf?.extractText) return async (c) => (await unpdf.extractText!(new Uint8Array(c), { mergePages: true })).text;
  return null;
}

async function docxExtractor(): Promise<Extractor | null> {
  const mammoth = (await optional('mammoth')) as { extractRawText?: (i: { buffer: Buffer }) => Promise<{ value: string }> } | null;
  if (mammoth?.extractRawText) return async (c) => (await mammoth.extractRawText!({ buffer: c })).value;
  return null;
}

export async function extractAttachment(a: AttachmentLike): Promise<Extracted> {
  const name = a.filename ?? '';
  const type = (a.contentType ?? '').toLowerCase();
  if (a.content.length > MAX_TEXT_BYTES) return { kind: 'skipped', reason: 'too large' };
  if (type === 'text/html' || HTML_EXT.test(name)) return { kind: 'html', text: a.content.toString('utf8') };
  if (type.startsWith('text/') || TEXT_EXT.test(name)) return { kind: 'text', text: a.content.toString('utf8') };
  if (type === 'application/pdf' || /\.pdf$/i.test(name)) {
    const ex = await pdfExtractor();
    return ex ? { kind: 'text', text: await ex(a.content) } : { kind: 'skipped', reason: 'pdf extractor not installed' };
  }
  if (type.includes('wordprocessingml') || /\.docx$/i.test(name)) {
    const ex = await docxExtractor();
    return ex ? { kind: 'text', text: await ex(a.content) } : { kind: 'skipped', reason: 'docx extractor not installed' };
  }
  return { kind: 'skipped', reason: 'binary type' };
}
