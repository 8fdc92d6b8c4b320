// Strict parser for the MTA-STS policy file (RFC 8461 §3.2).
//
//   version: STSv1            required, exact
//   mode: enforce|testing|none required, exact (field names and values are case-sensitive, %s in the ABNF)
//   mx: <pattern>             one or more; required unless mode is none; ["*."] Domain
//   max_age: <1-10 digits>    required, seconds
//
// Decisions where the RFC is silent or leaves room (each reported in `warnings`):
// - max_age above 31557600 (one year, the RFC's maximum) is capped to 31557600 rather than
//   rejected: rejecting would drop an enforce policy and weaken delivery for a harmless excess.
// - A repeated non-mx field: the first occurrence wins.
// - Empty lines are tolerated (the ABNF has none, but they carry no meaning and are common).
// Line terminators are CRLF or LF; unknown fields are ignored but must be well-formed.

import { normalizeHost } from './match.ts';

export const MAX_AGE_LIMIT = 31_557_600;
export const MODES = ['enforce', 'testing', 'none'] as const;
export type Mode = (typeof MODES)[number];

export type MtaStsPolicy = {
  version: 'STSv1';
  mode: Mode;
  /** The mx patterns as written in the policy. */
  mx: string[];
  /** Seconds, already capped to MAX_AGE_LIMIT. */
  maxAge: number;
  extensions: Record<string, string>;
};

export type PolicyParseResult =
  | { ok: true; policy: MtaStsPolicy; warnings: string[] }
  | { ok: false; errors: string[] };

const LINE = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,31}):[ \t]*(.*?)[ \t]*$/s; // s: let CR reach the CTL check
// Value characters: anything but control characters (UTF-8 allowed); WSP only inside.
const CTL = /[\x00-\x08\x0a-\x1f\x7f]/;
const MAX_AGE = /^[0-9]{1,10}$/;

/** `["*."] Domain` (RFC 5321 Domain); U-labels are accepted when they convert to A-labels. */
export function isValidMxPattern(pattern: string): boolean {
  const domain = pattern.startsWith('*.') ? pattern.slice(2) : pattern;
  return domain.length <= 254 && normalizeHost(domain) !== '';
}

export function parsePolicy(text: string): PolicyParseResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  const mx: string[] = [];
  const extensions: Record<string, string> = {};

  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop(); // the final terminator
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const m = LINE.exec(line);
    if (!m) {
      errors.push(`line ${n}: expected "name: value"`);
      return;
    }
    const [, key, value] = m as unknown as [string, string, string];
    if (value === '') {
      errors.push(`line ${n}: ${key} has an empty value`);
      return;
    }
    if (CTL.test(value)) {
      errors.push(`line ${n}: ${key} contains a control character`);
      return;
    }
    if (key === 'mx') {
      if (isValidMxPattern(value)) mx.push(value);
      else errors.push(`line ${n}: mx "${value}" is not a host name or "*." followed by one`);
      return;
    }
    if (seen.has(key)) {
      warnings.push(`line ${n}: repeated ${key} ignored, the first one wins`);
      return;
    }
    seen.set(key, value);
    if (key !== 'version' && key !== 'mode' && key !== 'max_age') extensions[key] = value;
  });

  const version = seen.get('version');
  const mode = seen.get('mode');
  const maxAgeText = seen.get('max_age');
  if (version === undefined) errors.push('version is missing');
  else if (version !== 'STSv1') errors.push(`version "${version}" is not "STSv1"`);
  if (mode === undefined) errors.push('mode is missing');
  else if (!(MODES as readonly string[]).includes(mode)) errors.push(`mode "${mode}" is not one of enforce, testing, none`);
  let maxAge = 0;
  if (maxAgeText === undefined) errors.push('max_age is missing');
  else if (!MAX_AGE.test(maxAgeText)) errors.push(`max_age "${maxAgeText}" is not an integer of 1 to 10 digits`);
  else {
    maxAge = Number(maxAgeText);
    if (maxAge > MAX_AGE_LIMIT) {
      warnings.push(`max_age ${maxAge} is above ${MAX_AGE_LIMIT}, capped`);
      maxAge = MAX_AGE_LIMIT;
    }
  }
  if (mx.length === 0 && mode !== 'none' && (MODES as readonly string[]).includes(mode ?? '')) {
    errors.push(`mx is required when mode is ${mode}`);
  }

  if (errors.length) return { ok: false, errors };
  return { ok: true, policy: { version: 'STSv1', mode: mode as Mode, mx, maxAge, extensions }, warnings };
}
