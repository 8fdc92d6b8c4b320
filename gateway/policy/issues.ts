// Turns zod validation issues into plain messages that name the key path
// (`rules[2].match.recipientDomain`), what was expected and what was found.

import type { z } from 'zod';

export interface PolicyProblem {
  /** Key path like `rules[2].method`; `(top level)` for the document itself. */
  path: string;
  message: string;
  /** 1-based position of the offending value in the source text, when known. */
  line?: number;
  column?: number;
}

export type KeyPath = ReadonlyArray<PropertyKey>;

export function formatPath(path: KeyPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      const plain = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name);
      out += plain ? (out === '' ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  }
  return out === '' ? '(top level)' : out;
}

/** Short, safe description of a value found in the file. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** ` (did you mean "x"?)` when one candidate is a plausible typo of `input`, else ''. */
export function didYouMean(input: unknown, candidates: readonly string[]): string {
  if (typeof input !== 'string' || input.length > 100) return '';
  const lower = input.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(lower.length / 3));
  return best !== null && bestDistance > 0 && bestDistance <= limit ? ` (did you mean "${best}"?)` : '';
}

function shapeKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } })?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Per-parse error map: default messages for every issue a schema did not word itself.
 * Schema-level `error` options (see schema.ts) take precedence over this.
 */
export const policyErrorMap: z.core.$ZodErrorMap = (issue) => {
  const found = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `required: expected ${EXPECTED[issue.expected] ?? issue.expected}`;
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}; got ${found}`;
    case 'invalid_value': {
      const values = issue.values.map(String);
      const expected = values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.join(', ')}`;
      if (issue.input === undefined) return `required: expected ${expected}`;
      return `expected ${expected}; got ${found}${didYouMean(issue.input, values)}`;
    }
    case 'unrecognized_keys': {
      const allowed = shapeKeys(issue.inst);
      const what =
        issue.keys.length === 1
          ? `unknown key${didYouMean(issue.keys[0], allowed)}`
          : `unknown keys ${issue.keys.map((key) => JSON.stringify(key) + didYouMean(key, allowed)).join(', ')}`;
      return `${what}; allowed here: ${allowed.join(', ')}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `expected at least ${issue.minimum}; got ${found}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${issue.maximum} items`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      return `expected at most ${issue.maximum}; got ${found}`;
    case 'invalid_union':
      return `expected one of the allowed forms; got ${found}`;
    default:
      return undefined;
  }
};

type Issue = z.core.$ZodIssue;

function isTypeMismatchHere(issue: Issue): boolean {
  return issue.code === 'invalid_type' && issue.path.length === 0;
}

/** Flattens issues into problems, choosing the union branch that got furthest. */
export function issuesToProblems(issues: readonly Issue[], prefix: KeyPath = []): Array<{ path: KeyPath; message: string }> {
  const out: Array<{ path: KeyPath; message: string }> = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A branch whose only complaint is "wrong type here" was not what the author meant;
      // a branch that got inside the value (a bad list item, an unknown key) was.
      const meant = issue.errors.find((branch) => branch.length > 0 && !branch.every(isTypeMismatchHere));
      if (meant) {
        out.push(...issuesToProblems(meant, path));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) {
      out.push({ path: [...path, issue.keys[0]!], message: issue.message });
      continue;
    }
    out.push({ path, message: issue.message });
  }
  return out;
}
