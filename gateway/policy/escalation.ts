// Escalation markers (contract.md, "Escalation markers"): the header `X-Phigate-Secure: 1`
// (Outlook add-in) or a Subject tag such as `[secure]` (Gmail add-on, or typed by hand).
// The gateway strips both before delivery so recipients never see them.

import { DEFAULT_SUBJECT_TAGS } from './schema.ts';
import { headerText, headerValues, type HeaderList } from './headers.ts';

export type { HeaderList } from './headers.ts';

export const ESCALATION_HEADER = 'x-phigate-secure';

/** Header values that escalate; the contract names `1`, the others are common spellings. */
const TRUE_VALUES = new Set(['1', 'true', 'yes']);

export interface EscalationOptions {
  /** Subject tags, case-insensitive; defaults to `[secure]` and `[encrypt]` (policy escalation.subjectTags). */
  subjectTags?: readonly string[];
}

export interface EscalationMarkers {
  escalated: boolean;
  /** X-Phigate-Secure carried a true value. */
  byHeader: boolean;
  /** Configured tags found in the Subject, as configured. */
  subjectTags: string[];
}

export interface EscalationStrip {
  /** Subject with every tag removed (decoded text), or null when there is no Subject field. */
  subject: string | null;
  /** True when `subject` differs from the original: the caller must rewrite (and re-encode) it. */
  subjectChanged: boolean;
  /** Lower-case field names to delete from the message. */
  removeHeaders: string[];
}

interface Occurrence {
  start: number;
  end: number;
  tag: string;
}

/** All non-overlapping case-insensitive tag occurrences, left to right. No regex from config. */
function findTags(subject: string, tags: readonly string[]): Occurrence[] {
  const lower = subject.toLowerCase();
  // Lower-casing keeps offsets for almost all text; when it does not (e.g. U+0130), compare
  // slice by slice instead of using offsets into the lowered copy.
  const sameOffsets = lower.length === subject.length;
  const needles = tags.filter((tag) => tag !== '').map((tag) => ({ tag, needle: tag.toLowerCase() }));
  const search = (i: number, from: number): number =>
    sameOffsets ? lower.indexOf(needles[i]!.needle, from) : slowIndexOf(subject, needles[i]!.needle, needles[i]!.tag.length, from);
  // Next known position of each tag (-1: no more); refreshed only when passed, so a subject
  // full of one tag does not rescan for the others each time (linear, not quadratic).
  const next = needles.map((_, i) => search(i, 0));
  const found: Occurrence[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < needles.length; i++) {
      if (next[i]! >= 0 && (best < 0 || next[i]! < next[best]!)) best = i;
    }
    if (best < 0) return found;
    const start = next[best]!;
    const tag = needles[best]!.tag;
    found.push({ start, end: start + tag.length, tag });
    for (let i = 0; i < needles.length; i++) {
      if (next[i]! >= 0 && next[i]! < start + tag.length) next[i] = search(i, start + tag.length);
    }
  }
}

function slowIndexOf(subject: string, needle: string, length: number, from: number): number {
  for (let i = from; i + length <= subject.length; i++) {
    if (subject.slice(i, i + length).toLowerCase() === needle) return i;
  }
  return -1;
}

function subjectTexts(headers: HeaderList): string[] {
  return headerValues(headers, 'subject').map(headerText);
}

export function detectEscalation(headers: HeaderList, options: EscalationOptions = {}): EscalationMarkers {
  const tags = options.subjectTags ?? DEFAULT_SUBJECT_TAGS;
  const byHeader = headerValues(headers, ESCALATION_HEADER).some((value) => TRUE_VALUES.has(headerText(value).trim().toLowerCase()));
  const found = new Set<string>();
  for (const subject of subjectTexts(headers)) {
    for (const occurrence of findTags(subject, tags)) found.add(occurrence.tag);
  }
  const subjectTags = tags.filter((tag) => found.has(tag));
  return { escalated: byHeader || subjectTags.length > 0, byHeader, subjectTags };
}

/** Removes every tag from a subject, leaving one space where text met a removed tag. */
export function removeSubjectTags(subject: string, tags: readonly string[] = DEFAULT_SUBJECT_TAGS): string {
  const pieces: string[] = [];
  let position = 0;
  for (const occurrence of findTags(subject, tags)) {
    pieces.push(subject.slice(position, occurrence.start));
    position = occurrence.end;
  }
  pieces.push(subject.slice(position));
  const joined = pieces.reduce((left, piece) => {
    const head = left.trimEnd();
    const tail = piece.trimStart();
    return head !== '' && tail !== '' ? `${head} ${tail}` : head + tail;
  });
  return pieces.length === 1 ? subject : joined.trim();
}

/**
 * What to change so no escalation marker leaves the gateway: the first Subject field without
 * its tags, and the X-Phigate-Secure field (whatever its value) to delete.
 */
export function stripEscalation(headers: HeaderList, options: EscalationOptions = {}): EscalationStrip {
  const tags = options.subjectTags ?? DEFAULT_SUBJECT_TAGS;
  const original = subjectTexts(headers)[0];
  const removeHeaders = headerValues(headers, ESCALATION_HEADER).length > 0 ? [ESCALATION_HEADER] : [];
  if (original === undefined) return { subject: null, subjectChanged: false, removeHeaders };
  const subject = removeSubjectTags(original, tags);
  return { subject, subjectChanged: subject !== original, removeHeaders };
}
