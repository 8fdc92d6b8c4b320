/** Naive baseline: one case-insensitive RegExp alternation of every dictionary term. */
import type { Dictionary } from '../../phi/dictionary/codec.ts';

export function naiveMatcher(dict: Dictionary): (text: string) => number {
  const terms: string[] = [];
  for (const list of dict.byFirstToken.values()) for (const e of list) terms.push(e.tokens.join('\\W{1,3}'));
  const escaped = terms.sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]]/g, (m) => (m === '\\' ? m : '\\' + m)).replace(/\\\\W\\{1,3\\}/g, '\\W{1,3}'));
  const re = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
  return (text) => {
    let n = 0;
    re.lastIndex = 0;
    while (re.exec(text)) n++;
    return n;
  };
}
