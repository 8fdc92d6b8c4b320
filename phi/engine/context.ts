/** What every recognizer of one message part can see. */
import type { Dictionary } from '../dictionary/codec.ts';
import type { Hit } from './hit.ts';
import type { TermMatch } from './terms.ts';
import { tokenText, type Tokens } from './tokenizer.ts';

export interface PartContext {
  text: string;
  where: string;
  dict: Dictionary;
  tokens: Tokens;
  terms: TermMatch[];
  hits: Hit[];
  /** Typed in lower case (casual.ts isCasual), computed on first use. */
  casual?: boolean;
  /** Spans that sign like a sign-off block: a colleague's contact card (cards.ts). */
  staffBlocks?: Array<[number, number]>;
}

/** Index of the first token starting at or after pos (binary search). */
export function tokenIndexAt(t: Tokens, pos: number): number {
  let lo = 0;
  let hi = t.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.start[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Folded words of up to n tokens before token k (nearest first), staying within `maxChars`. */
export function wordsBefore(ctx: PartContext, k: number, n: number, maxChars = 80): string[] {
  const out: string[] = [];
  const limit = ctx.tokens.start[k] - maxChars;
  for (let j = k - 1; j >= 0 && out.length < n && ctx.tokens.start[j] >= limit; j--) out.push(tokenText(ctx.text, ctx.tokens, j));
  return out;
}

export function wordsAfter(ctx: PartContext, k: number, n: number, maxChars = 60): string[] {
  const out: string[] = [];
  const limit = ctx.tokens.end[k] + maxChars;
  for (let j = k + 1; j < ctx.tokens.count && out.length < n && ctx.tokens.start[j] <= limit; j++) out.push(tokenText(ctx.text, ctx.tokens, j));
  return out;
}
