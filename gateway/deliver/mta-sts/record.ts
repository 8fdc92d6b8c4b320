// Parses the `_mta-sts.<domain>` TXT record(s) (RFC 8461 §3.1).
//
//   sts-text-record = sts-version 1*(*WSP %x3B *WSP sts-field) [*WSP %x3B] *WSP
//   sts-version     = %s"v=STSv1"
//   sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
//   sts-extension   = sts-ext-name "=" sts-ext-value     ; ignored, but must be well-formed
//
// TXT records that do not begin with "v=STSv1" then ";" are not MTA-STS records and are
// discarded; if not exactly one remains the domain has no policy (§3.1). Decisions the RFC
// leaves open: a record with more than one id= is ambiguous and treated as invalid.

export const MTA_STS_TXT_PREFIX = '_mta-sts.';

export type StsRecord = { id: string; extensions: Record<string, string> };

export type StsRecordResult =
  | { ok: true; record: StsRecord }
  | { ok: false; reason: 'no-record' | 'multiple-records' | 'invalid'; detail: string };

const IS_STS = /^v=STSv1[ \t]*;/;
const ID = /^[A-Za-z0-9]{1,32}$/;
const EXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const EXT_VALUE = /^[\x21-\x3a\x3c\x3e-\x7e]+$/;

/** Parse one TXT record value (its character-strings already joined). */
export function parseStsRecord(text: string): StsRecordResult {
  const invalid = (detail: string): StsRecordResult => ({ ok: false, reason: 'invalid', detail });
  if (!IS_STS.test(text)) return invalid('record does not begin with "v=STSv1;"');
  // Split on ";" allowing WSP around it; a single trailing ";" plus WSP is allowed.
  const fields = text.replace(/[ \t]*;?[ \t]*$/, '').split(/[ \t]*;[ \t]*/).slice(1);
  if (fields.length === 0) return invalid('record has no id field');
  let id: string | undefined;
  const extensions: Record<string, string> = {};
  for (const field of fields) {
    const eq = field.indexOf('=');
    if (eq <= 0) return invalid(`malformed field "${field}" (expected name=value)`);
    const name = field.slice(0, eq);
    const value = field.slice(eq + 1);
    if (name === 'id') {
      if (id !== undefined) return invalid('more than one id field');
      if (!ID.test(value)) return invalid(`id "${value}" is not 1-32 letters and digits`);
      id = value;
    } else {
      if (!EXT_NAME.test(name)) return invalid(`malformed field name "${name}"`);
      if (!EXT_VALUE.test(value)) return invalid(`malformed value for field "${name}"`);
      extensions[name] = value;
    }
  }
  if (id === undefined) return invalid('record has no id field');
  return { ok: true, record: { id, extensions } };
}

/** Pick and parse the MTA-STS record from a TXT answer (as returned by `resolveTxt`). */
export function selectStsRecord(txt: readonly (readonly string[])[]): StsRecordResult {
  const candidates = txt.map((chunks) => chunks.join('')).filter((t) => IS_STS.test(t));
  if (candidates.length === 0) return { ok: false, reason: 'no-record', detail: 'no TXT record begins with "v=STSv1;"' };
  if (candidates.length > 1) {
    return { ok: false, reason: 'multiple-records', detail: `${candidates.length} MTA-STS TXT records published, expected one` };
  }
  return parseStsRecord(candidates[0]!);
}
