/**
 * Scan a raw RFC 5322 message (or plain text) for PHI: subject, text and HTML bodies (quoted
 * replies included), attachment names, text attachments, attached messages, and PDF/DOCX when an
 * extractor is installed.
 */
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { htmlToText, scanParts } from '../index.ts';
import type { MessagePart, ScanResult } from '../types.ts';
import { extractAttachment } from './extractors.ts';

export interface MessageScan extends ScanResult {
  /** Attachments that could not be read as text, with why (no names of people, only file names). */
  skipped: Array<{ name: string; reason: string }>;
}

const MAX_NESTING = 3;

/** Header block then a blank line: an RFC 5322 message rather than a text file. */
export function looksLikeMessage(head: string): boolean {
  const firstLine = head.slice(0, head.search(/\r?\n/) >>> 0);
  if (!/^[!-9;-~]{1,76}:/.test(firstLine)) return false;
  return /\r?\n\r?\n/.test(head) && /^(?:from|to|subject|date|message-id|mime-version|received|return-path|delivered-to|content-type|x-[\w-]+):/im.test(head);
}

// The scanner reads `text` and converts `html` itself: mailparser's own renderings (text as
// HTML, links, HTML as text) would only cost time on the gateway's per-message path.
const PARSER_OPTIONS = { skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, skipHtmlToText: true } as const;

export interface MessageParts {
  parts: MessagePart[];
  skipped: MessageScan['skipped'];
}

/** The scannable text parts of a raw message (or the whole input as "body" when it is plain text). */
export async function extractMessageParts(raw: Buffer | string): Promise<MessageParts> {
  // Only the head decides; a message is decoded by the parser, not here too.
  const head = typeof raw === 'string' ? raw.slice(0, 8192) : raw.subarray(0, 8192).toString('utf8');
  if (!looksLikeMessage(head)) return { parts: [{ where: 'body', text: typeof raw === 'string' ? raw : raw.toString('utf8') }], skipped: [] };
  const parts: MessagePart[] = [];
  const skipped: MessageScan['skipped'] = [];
  await collectParts(await simpleParser(raw, PARSER_OPTIONS), '', parts, skipped, 0);
  return { parts: mergeAttachmentNames(parts), skipped };
}

export async function scanRawMessage(raw: Buffer | string): Promise<MessageScan> {
  const { parts, skipped } = await extractMessageParts(raw);
  return { ...scanParts(parts), skipped };
}

/** All file names of one message level in one "attachment-name" part, one per line, so offsets are unambiguous. */
function mergeAttachmentNames(parts: MessagePart[]): MessagePart[] {
  const names = new Map<string, string[]>();
  const out: MessagePart[] = [];
  for (const p of parts) {
    if (!p.where.endsWith('attachment-name')) { out.push(p); continue; }
    const list = names.get(p.where);
    if (list) list.push(p.text);
    else { names.set(p.where, [p.text]); out.push(p); }
  }
  return out.map((p) => (names.has(p.where) ? { where: p.where, text: names.get(p.where)!.join('\n') } : p));
}

async function collectParts(mail: ParsedMail, prefix: string, parts: MessagePart[], skipped: MessageScan['skipped'], depth: number): Promise<void> {
  if (mail.subject) parts.push({ where: `${prefix}subject`, text: mail.subject });
  if (mail.text) parts.push({ where: `${prefix}body`, text: mail.text });
  if (typeof mail.html === 'string' && mail.html) parts.push({ where: `${prefix}html`, text: htmlToText(mail.html) });
  for (const a of mail.attachments ?? []) await collectAttachment(a, prefix, parts, skipped, depth);
}

async function collectAttachment(a: Attachment, prefix: string, parts: MessagePart[], skipped: MessageScan['skipped'], depth: number): Promise<void> {
  const name = a.filename ?? a.contentType ?? 'attachment';
  if (a.filename) parts.push({ where: `${prefix}attachment-name`, text: a.filename });
  if (a.contentType === 'message/rfc822' && depth < MAX_NESTING) {
    await collectParts(await simpleParser(a.content, PARSER_OPTIONS), `${prefix}attachment:${name}/`, parts, skipped, depth + 1);
    return;
  }
  const ex = await extractAttachment(a);
  if (ex.kind === 'skipped') skipped.push({ name, reason: ex.reason });
  else parts.push({ where: `${prefix}attachment:${name}`, text: ex.kind === 'html' ? htmlToText(ex.text) : ex.text });
}
