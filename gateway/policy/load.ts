// Reading and validating the policy file, and holding the policy in force across reloads.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { EMBEDDED_POLICY_YAML } from './embedded.ts';
import { formatPath, issuesToProblems, policyErrorMap, type KeyPath, type PolicyProblem } from './issues.ts';
import { PolicySchema, type Policy } from './schema.ts';

export type { PolicyProblem } from './issues.ts';

export interface LoadedPolicy {
  ok: true;
  policy: Policy;
  /** SHA-256 (hex) of the validated policy in canonical JSON: the policy version. */
  hash: string;
  /** File path or name the policy came from. */
  source: string;
}

export type PolicyFormat = 'yaml' | 'json';

const MAX_PROBLEMS_IN_MESSAGE = 20;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

function formatProblem(source: string, problem: PolicyProblem): string {
  const where = problem.line === undefined ? '' : `line ${problem.line}, column ${problem.column ?? 1}`;
  if (problem.path === '') return `${source}: ${where ? `${where}: ` : ''}${problem.message}`;
  return `${source}: ${problem.path}: ${problem.message}${where ? ` (${where})` : ''}`;
}

/** A policy file that cannot be used; `message` has one line per problem. */
export class PolicyFileError extends Error {
  readonly source: string;
  readonly problems: PolicyProblem[];

  constructor(source: string, problems: PolicyProblem[]) {
    const lines = problems.slice(0, MAX_PROBLEMS_IN_MESSAGE).map((problem) => formatProblem(source, problem));
    if (problems.length > MAX_PROBLEMS_IN_MESSAGE) lines.push(`${source}: … and ${problems.length - MAX_PROBLEMS_IN_MESSAGE} more problems`);
    super(lines.join('\n'));
    this.name = 'PolicyFileError';
    this.source = source;
    this.problems = problems;
  }
}

/** YAML for .yaml/.yml, JSON for .json; otherwise JSON when the text starts with `{`. */
export function detectFormat(sourceName: string, text: string): PolicyFormat {
  const ext = extname(sourceName).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

interface Parsed {
  data: unknown;
  /** Maps a key path to where its value sits in the text, when that can be known. */
  locate: (path: KeyPath) => { line: number; column: number } | undefined;
}

function yamlDocument(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

function locator(doc: Document, lines: LineCounter): Parsed['locate'] {
  return (path) => {
    // The deepest existing node on the path: a missing key points at its parent mapping.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

function syntaxProblem(message: string, pos?: { line: number; col: number }): PolicyProblem {
  return pos ? { path: '', message, line: pos.line, column: pos.col } : { path: '', message };
}

function parseYaml(text: string, source: string): Parsed {
  const { doc, lines } = yamlDocument(text);
  if (doc.errors.length > 0) {
    throw new PolicyFileError(
      source,
      doc.errors.map((error) => syntaxProblem(`YAML syntax error: ${error.message}`, lines.linePos(error.pos[0]))),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new PolicyFileError(source, [syntaxProblem(`YAML error: ${(error as Error).message}`)]);
  }
  return { data, locate: locator(doc, lines) };
}

function parseJson(text: string, source: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8's message may quote the text around the error; keep only the description so a
    // secret near a typo never reaches a log.
    const raw = (error as Error).message;
    const at = /at position (\d+)/.exec(raw);
    const description = raw.split(/ in JSON at position|, "/)[0];
    let pos: { line: number; col: number } | undefined;
    if (at) {
      const lines = new LineCounter();
      parseDocument(text, { lineCounter: lines });
      pos = lines.linePos(Number(at[1]));
    }
    throw new PolicyFileError(source, [syntaxProblem(`JSON syntax error: ${description}`, pos)]);
  }
  // JSON is YAML 1.2, so the YAML parser can say where each value sits.
  const { doc, lines } = yamlDocument(text);
  return { data, locate: doc.errors.length === 0 ? locator(doc, lines) : () => undefined };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Version of a validated policy: equal for files that differ only in layout or comments. */
export function policyHash(policy: Policy): string {
  return createHash('sha256').update(canonicalJson(policy)).digest('hex');
}

/** Parses and validates policy text; throws PolicyFileError naming `sourceName`. */
export function parsePolicyText(text: string, sourceName: string, format?: PolicyFormat): LoadedPolicy {
  const kind = format ?? detectFormat(sourceName, text);
  const parsed = kind === 'json' ? parseJson(text, sourceName) : parseYaml(text, sourceName);
  // An empty YAML file means "all defaults".
  const data = parsed.data ?? {};
  const result = PolicySchema.safeParse(data, { error: policyErrorMap });
  if (!result.success) {
    const problems = issuesToProblems(result.error.issues).map(({ path, message }): PolicyProblem => {
      const pos = parsed.locate(path);
      return { path: formatPath(path), message, ...(pos ? { line: pos.line, column: pos.column } : {}) };
    });
    throw new PolicyFileError(sourceName, problems);
  }
  return { ok: true, policy: result.data, hash: policyHash(result.data), source: sourceName };
}

/** Reads, parses and validates a policy file (YAML or JSON); throws PolicyFileError. */
export function loadPolicyFile(path: string): LoadedPolicy {
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) {
      throw new PolicyFileError(path, [{ path: '', message: `file is larger than ${MAX_FILE_BYTES} bytes` }]);
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof PolicyFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new PolicyFileError(path, [{ path: '', message: `cannot read the file${code ? ` (${code})` : ''}` }]);
  }
  return parsePolicyText(text, path);
}

/** The policy used when PHIGATE_CONFIG is unset. */
export function embeddedPolicy(): LoadedPolicy {
  return parsePolicyText(EMBEDDED_POLICY_YAML, '(embedded policy)', 'yaml');
}

export type ReloadResult =
  | { ok: true; changed: boolean; hash: string; previousHash: string }
  /** The new text was rejected; `hash` is the version still in force. */
  | { ok: false; error: PolicyFileError; hash: string };

/**
 * Holds the policy in force. A reload that fails validation leaves the last good policy in
 * place and returns the error, so a typo on SIGHUP never takes the gateway down or open.
 */
export class PolicyHolder {
  #current: LoadedPolicy;
  readonly path: string | null;

  constructor(initial: LoadedPolicy, path: string | null = null) {
    this.#current = initial;
    this.path = path;
  }

  /** From a file, or the embedded policy when `path` is undefined or empty. Throws PolicyFileError. */
  static open(path: string | undefined): PolicyHolder {
    return path ? new PolicyHolder(loadPolicyFile(path), path) : new PolicyHolder(embeddedPolicy());
  }

  get current(): LoadedPolicy {
    return this.#current;
  }

  get policy(): Policy {
    return this.#current.policy;
  }

  /** Version hash of the policy in force. */
  get version(): string {
    return this.#current.hash;
  }

  /** Re-reads the file (no-op success for the embedded policy). */
  reload(): ReloadResult {
    if (this.path === null) return this.#accept(this.#current);
    try {
      return this.#accept(loadPolicyFile(this.path));
    } catch (error) {
      return this.#reject(error);
    }
  }

  /** Applies policy text from elsewhere (e.g. the admin API) under the same rules as reload. */
  replace(text: string, sourceName: string, format?: PolicyFormat): ReloadResult {
    try {
      return this.#accept(parsePolicyText(text, sourceName, format));
    } catch (error) {
      return this.#reject(error);
    }
  }

  #accept(next: LoadedPolicy): ReloadResult {
    const previousHash = this.#current.hash;
    this.#current = next;
    return { ok: true, changed: next.hash !== previousHash, hash: next.hash, previousHash };
  }

  #reject(error: unknown): ReloadResult {
    if (!(error instanceof PolicyFileError)) throw error;
    return { ok: false, error, hash: this.#current.hash };
  }
}
