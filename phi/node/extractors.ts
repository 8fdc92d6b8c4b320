/**
 * Attachment text for the gateway. Text types are decoded here; PDF and DOCX go through maintained
 * extractors: `unpdf` (Mozilla pdf.js, serverless build) for PDF and `mammoth` for DOCX. Both are
 * loaded on first use and stay optional: without them those attachments are listed as skipped.
 *
 * Layout matters to the scanner: a roster in a PDF or a Word table must stay a table (one row per
 * line, cells tab-separated) so the table recognizer reads its header. So PDF text is rebuilt from
 * pdf.js text items by position, and DOCX goes through mammoth's HTML (tables kept) and htmlToText.
 * Failures (encrypted, corrupt, not really a PDF) are reported as skipped with a reason, never with
 * the content.
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
/** PDF pages read per attachment (a scanned 2,000-page export is not read to the end). */
export const MAX_PDF_PAGES = 500;

type Extractor = (content: Buffer) => Promise<Extracted>;

/** Load an optional package by name without making it a hard dependency. */
async function optional(name: string): Promise<unknown> {
  try {
    return await import(name);
  } catch {
    return null;
  }
}

interface PdfTextItem { str?: string; transform?: number[]; width?: number; height?: number; hasEOL?: boolean }
interface PdfPage { getTextContent(): Promise<{ items: PdfTextItem[] }>; cleanup?(): void }
interface PdfDocument { numPages: number; getPage(n: number): Promise<PdfPage>; loadingTask?: { destroy(): Promise<void> }; destroy?(): Promise<void> }
interface Unpdf { getDocumentProxy(data: Uint8Array, options?: Record<string, unknown>): Promise<PdfDocument> }

/**
 * One page's text from pdf.js items: a new line when the baseline moves, a tab across a wide gap
 * (a table column), a space across a word gap.
 */
export function pageText(items: PdfTextItem[]): string {
  let out = '';
  let lastY = Number.NaN;
  let lastEnd = Number.NaN;
  let lineOpen = false;
  for (const it of items) {
    if (typeof it.str !== 'string') continue;
    const t = it.transform ?? [1, 0, 0, 1, 0, 0];
    const x = t[4];
    const y = t[5];
    const size = Math.max(1, Math.abs(t[3]) || Math.abs(t[0]) || it.height || 10);
    // pdf.js adds whitespace items across gaps: the gap is measured between the words instead.
    if (it.str.trim().length > 0) {
      if (lineOpen && Math.abs(y - lastY) > size * 0.5) { out += '\n'; lineOpen = false; }
      if (lineOpen) {
        const gap = x - lastEnd;
        if (gap > size * 1.5) out += '\t';
        else if (gap > size * 0.15 && !out.endsWith(' ') && !it.str.startsWith(' ')) out += ' ';
      }
      out += it.str;
      lineOpen = true;
      lastY = y;
      lastEnd = x + (it.width ?? 0);
    }
    if (it.hasEOL && lineOpen) { out += '\n'; lineOpen = false; }
  }
  return out;
}

async function pdfExtractor(): Promise<Extractor | null> {
  const unpdf = (await optional('unpdf')) as Unpdf | null;
  if (!unpdf?.getDocumentProxy) return null;
  return async (content) => {
    // A copy: pdf.js transfers (detaches) the buffer it is given.
    const pdf = await unpdf.getDocumentProxy(new Uint8Array(content), { verbosity: 0, isEvalSupported: false, stopAtErrors: false });
    try {
      const pages: string[] = [];
      const n = Math.min(pdf.numPages, MAX_PDF_PAGES);
      for (let p = 1; p <= n; p++) {
        const page = await pdf.getPage(p);
        pages.push(pageText((await page.getTextContent()).items));
        page.cleanup?.();
      }
      return { kind: 'text', text: pages.join('\n\n') };
    } finally {
      await (pdf.loadingTask ? pdf.loadingTask.destroy() : pdf.destroy?.());
    }
  };
}

interface Mammoth { convertToHtml(input: { buffer: Buffer }, options?: Record<string, unknown>): Promise<{ value: string }> }

/**
 * Mammoth wraps every table cell's content in <p>: inside tables, paragraphs become spaces so a row
 * stays one line for htmlToText (cells tab-separated).
 */
export function flattenCellParagraphs(html: string): string {
  let out = '';
  let depth = 0;
  let last = 0;
  for (const m of html.matchAll(/<(\/?)(table|p)(?:\s[^<>]*)?>/g)) {
    out += html.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[2] === 'table') {
      depth = Math.max(0, depth + (m[1] ? -1 : 1));
      out += m[0];
    } else if (depth > 0) out += m[1] ? ' ' : '';
    else out += m[0];
  }
  return out + html.slice(last);
}

type ImgElement = (f: () => Promise<{ src: string }>) => unknown;

async function docxExtractor(): Promise<Extractor | null> {
  const mod = (await optional('mammoth')) as (Mammoth & { images?: { imgElement?: ImgElement }; default?: Mammoth & { images?: { imgElement?: ImgElement } } }) | null;
  const mammoth = mod?.convertToHtml ? mod : mod?.default;
  if (!mammoth?.convertToHtml) return null;
  // Images are not scanned: an empty src instead of inlining their bytes as base64 into the HTML.
  const imgElement = (mammoth as { images?: { imgElement?: ImgElement } }).images?.imgElement;
  const options: Record<string, unknown> = { ignoreEmptyParagraphs: true };
  if (imgElement) options.convertImage = imgElement(async () => ({ src: '' }));
  return async (content) => {
    const { value } = await mammoth.convertToHtml({ buffer: content }, options);
    return { kind: 'html', text: flattenCellParagraphs(value) };
  };
}

let pdf: Promise<Extractor | null> | null = null;
let docx: Promise<Extractor | null> | null = null;

/** Run an extractor; a failure is a skip with a reason (no content, no stack). */
async function run(kind: 'pdf' | 'docx', get: () => Promise<Extractor | null>, content: Buffer): Promise<Extracted> {
  const ex = await get();
  if (!ex) return { kind: 'skipped', reason: `${kind} extractor not installed` };
  try {
    return await ex(content);
  } catch (err) {
    const name = (err as Error)?.name ?? 'error';
    return { kind: 'skipped', reason: `unreadable ${kind} (${/password/i.test(name) ? 'encrypted' : name})` };
  }
}

export async function extractAttachment(a: AttachmentLike): Promise<Extracted> {
  const name = a.filename ?? '';
  const type = (a.contentType ?? '').toLowerCase();
  if (a.content.length > MAX_TEXT_BYTES) return { kind: 'skipped', reason: 'too large' };
  if (type === 'text/html' || HTML_EXT.test(name)) return { kind: 'html', text: a.content.toString('utf8') };
  if (type.startsWith('text/') || TEXT_EXT.test(name)) return { kind: 'text', text: a.content.toString('utf8') };
  if (type === 'application/pdf' || /\.pdf$/i.test(name)) return run('pdf', () => (pdf ??= pdfExtractor()), a.content);
  if (type.includes('wordprocessingml') || /\.docx$/i.test(name)) return run('docx', () => (docx ??= docxExtractor()), a.content);
  return { kind: 'skipped', reason: 'binary type' };
}
