/**
 * Finds regular-expression literals in TypeScript source (skipping strings, comments and template
 * literals) so the ReDoS test lints every pattern in the engine, not only the registry.
 */
export interface RegexLiteral { source: string; flags: string; line: number }

const REGEX_PRECEDERS = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '\n']);

export function regexLiterals(code: string): RegexLiteral[] {
  const out: RegexLiteral[] = [];
  let i = 0;
  let line = 1;
  let prev = '\n'; // last significant character
  let prevWord = '';
  while (i < code.length) {
    const c = code[i];
    if (c === '\n') { line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '/' && code[i + 1] === '/') { while (i < code.length && code[i] !== '\n') i++; continue; }
    if (c === '/' && code[i + 1] === '*') { const e = code.indexOf('*/', i + 2); line += code.slice(i, e).split('\n').length - 1; i = e + 2; continue; }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== c) { if (code[j] === '\\') j++; if (code[j] === '\n') line++; j++; }
      i = j + 1; prev = 'x'; prevWord = '';
      continue;
    }
    if (c === '/' && (REGEX_PRECEDERS.has(prev) || prevWord === 'return')) {
      let j = i + 1;
      let inClass = false;
      while (j < code.length && (inClass || code[j] !== '/')) {
        if (code[j] === '\\') j++;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        j++;
      }
      const source = code.slice(i + 1, j);
      let k = j + 1;
      while (k < code.length && /[a-z]/.test(code[k])) k++;
      out.push({ source, flags: code.slice(j + 1, k), line });
      i = k; prev = 'x'; prevWord = '';
      continue;
    }
    if (/[A-Za-z0-9_$]/.test(c)) {
      let j = i;
      while (j < code.length && /[A-Za-z0-9_$]/.test(code[j])) j++;
      prevWord = code.slice(i, j);
      prev = 'x';
      i = j;
      continue;
    }
    prev = c;
    prevWord = '';
    i++;
  }
  return out;
}
