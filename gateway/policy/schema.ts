// The policy/config file (PHIGATE_CONFIG): the contract's shape, extended. Every object is
// strict, so a misspelt key is an error rather than a silently ignored setting.
//
// Additions to the contract's shape (all optional):
//   defaults.tlsLevel, rules[].options, escalation.subjectTags,
//   senderGroups: { <group>: address pattern(s) }   — the static SenderGroupResolver's data
//   tenants: [{ id, header: { name, secret | secretSha256 }, senderDomains }] — used by receive

import { z } from 'zod';
import { describeValue } from './issues.ts';
import { FALLBACK_METHODS, METHODS, TLS_LEVELS, TLS_VERSIONS } from './methods.ts';
import { compileAddressPattern, compileDomainPattern, parseAddress } from './wildcard.ts';

/** PHI finding types (contract.md vocabulary). */
export const PHI_TYPES = [
  'SSN', 'MRN', 'MBI', 'HEALTH_PLAN_ID', 'DOB', 'PATIENT_NAME', 'ADDRESS', 'PHONE',
  'EMAIL_ADDRESS', 'DATE_OF_SERVICE', 'ICD10', 'DIAGNOSIS', 'MEDICATION', 'LAB_RESULT', 'NPI',
  'DEA', 'CREDIT_CARD', 'BANK_ACCOUNT', 'IP_ADDRESS', 'URL', 'DEVICE_ID', 'OTHER',
] as const;
export type PhiType = (typeof PHI_TYPES)[number];

export const DEFAULT_SUBJECT_TAGS = ['[secure]', '[encrypt]'];
export const DEFAULT_FALLBACK: Array<(typeof FALLBACK_METHODS)[number]> = ['pgp', 'smime', 'portal'];
export const DEFAULT_TENANT_HEADER = 'X-Phigate-Tenant';

// ---- building blocks -------------------------------------------------------------------------

const methodSchema = z.enum(METHODS);

/** YAML reads an unquoted `1.2` as a number; accept that spelling of the same version. */
function versionFromNumber(value: unknown): unknown {
  if (typeof value !== 'number') return value;
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

const tlsVersionSchema = z.preprocess(
  versionFromNumber,
  z.enum(TLS_VERSIONS, {
    error: (issue) =>
      issue.code === 'invalid_value'
        ? `expected one of ${TLS_VERSIONS.join(', ')} (TLS below 1.0 is never allowed); got ${describeValue(issue.input)}`
        : undefined,
  }),
);

const tlsLevelSchema = z.enum(TLS_LEVELS);

const fallbackSchema = z
  .array(
    z.enum(FALLBACK_METHODS, {
      error: (issue) =>
        issue.code === 'invalid_value'
          ? `expected one of ${FALLBACK_METHODS.join(', ')} (a fallback never sends clear text); got ${describeValue(issue.input)}`
          : undefined,
    }),
  )
  .min(1, 'expected at least one of pgp, smime, portal (for no fallback use method tls-exclusive)')
  .refine((list) => new Set(list).size === list.length, 'lists a method more than once');

/** A string, or a non-empty list of strings, always handed on as a list. */
function oneOrMany<T extends z.ZodType<string, string>>(item: T, what: string) {
  return z
    .union([item, z.array(item).min(1)], { error: (issue) => `expected ${what} or a list of them; got ${describeValue(issue.input)}` })
    .transform((value): string[] => (typeof value === 'string' ? [value] : value));
}

const domainPattern = z.string().superRefine((value, ctx) => {
  const compiled = compileDomainPattern(value);
  if (!compiled.ok) ctx.addIssue({ code: 'custom', message: compiled.error });
});

const addressPattern = z.string().superRefine((value, ctx) => {
  const compiled = compileAddressPattern(value);
  if (!compiled.ok) ctx.addIssue({ code: 'custom', message: compiled.error });
});

const plainAddress = z.string().superRefine((value, ctx) => {
  if (value.includes('*') || parseAddress(value) === null) {
    ctx.addIssue({ code: 'custom', message: `expected an email address like dr@example.org; got ${describeValue(value)}` });
  }
});

const nonBlank = z.string().refine((value) => value.trim() !== '', 'must not be empty');

const phiTypeSchema = z.enum(PHI_TYPES);

const phiDetailSchema = z
  .strictObject({
    types: oneOrMany(phiTypeSchema, 'a PHI type').optional(),
    minScore: z.number().min(0).max(1).optional(),
  })
  .refine((detail) => detail.types !== undefined || detail.minScore !== undefined, 'give types, minScore or both');

// ---- sections --------------------------------------------------------------------------------

export const MatchSchema = z.strictObject({
  recipient: oneOrMany(addressPattern, 'an address pattern').optional(),
  recipientDomain: oneOrMany(domainPattern, 'a domain pattern').optional(),
  sender: oneOrMany(addressPattern, 'an address pattern').optional(),
  senderDomain: oneOrMany(domainPattern, 'a domain pattern').optional(),
  senderGroup: oneOrMany(nonBlank, 'a group name').optional(),
  phi: z
    .union([z.boolean(), phiDetailSchema], {
      error: (issue) => `expected true, false, or a mapping with types and/or minScore; got ${describeValue(issue.input)}`,
    })
    .optional(),
  escalated: z.boolean().optional(),
  autoForwarded: z.boolean().optional(),
  recipientConsent: z.literal('unencrypted').optional(),
});

export const RuleOptionsSchema = z.strictObject({
  minTls: tlsVersionSchema.optional(),
  tlsLevel: tlsLevelSchema.optional(),
  fallback: fallbackSchema.optional(),
});

export const RuleSchema = z.strictObject({
  name: nonBlank,
  /** Omitted or `{}`: the rule matches every recipient. */
  match: MatchSchema.prefault({}),
  method: methodSchema,
  options: RuleOptionsSchema.optional(),
});

export const DefaultsSchema = z.strictObject({
  method: methodSchema.default('tls-opportunistic'),
  minTls: tlsVersionSchema.default('1.2'),
  fallback: fallbackSchema.default(DEFAULT_FALLBACK),
  /** Omitted: derived from the method (methods.ts defaultTlsLevel). */
  tlsLevel: tlsLevelSchema.optional(),
});

export const EscalationSchema = z.strictObject({
  /** Case-insensitive Subject tags; `[]` turns subject-tag escalation off (the header still works). */
  subjectTags: z.array(nonBlank).default(DEFAULT_SUBJECT_TAGS),
});

/**
 * DKIM signing by phigate (per-domain keys it generates, selector `phigate` by default).
 * `modified`: sign the messages phigate changed in signed content (escalation markers removed),
 * whose original signatures no longer verify; `always`; `never`.
 */
export const DkimSchema = z.strictObject({
  sign: z.enum(['modified', 'always', 'never']).default('modified'),
  selector: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'expected a DNS label').default('phigate'),
});

const keyRefSchema = z.strictObject({ email: plainAddress, file: nonBlank });

export const KeysSchema = z.strictObject({
  pgp: z.array(keyRefSchema).default([]),
  smime: z.array(keyRefSchema).default([]),
});

/** Group name → member address patterns. */
export const SenderGroupsSchema = z.record(nonBlank, oneOrMany(addressPattern, 'an address pattern'));

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// RFC 5322 field name: printable US-ASCII except colon.
const HEADER_NAME = /^[!-9;-~]+$/;

export const TenantSchema = z.strictObject({
  id: z.string().regex(SLUG, 'expected a slug: lower-case letters, digits and inner "-", at most 63 characters'),
  header: z
    .strictObject({
      name: z.string().regex(HEADER_NAME, 'expected a header field name like X-Phigate-Tenant').default(DEFAULT_TENANT_HEADER),
      // Custom messages here never echo the value: it is a secret.
      secret: z
        .string({ error: 'expected a string (value not shown)' })
        .refine((value) => value.trim() !== '', 'must not be empty')
        .optional(),
      secretSha256: z
        .string({ error: 'expected 64 hexadecimal digits (value not shown)' })
        .regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hexadecimal digits (a SHA-256 digest)')
        .transform((hex) => hex.toLowerCase())
        .optional(),
    })
    .refine((header) => header.secret === undefined || header.secretSha256 === undefined, 'give secret or secretSha256, not both')
    .optional(),
  senderDomains: z.array(domainPattern).optional(),
});

export const PolicySchema = z
  .strictObject({
    defaults: DefaultsSchema.prefault({}),
    escalation: EscalationSchema.prefault({}),
    dkim: DkimSchema.prefault({}),
    rules: z.array(RuleSchema).default([]),
    keys: KeysSchema.prefault({}),
    senderGroups: SenderGroupsSchema.default({}),
    tenants: z.array(TenantSchema).default([]),
  })
  .superRefine((policy, ctx) => {
    reportDuplicates(policy.rules.map((rule) => rule.name), 'rules', 'name', 'rule name', ctx);
    reportDuplicates(policy.tenants.map((tenant) => tenant.id), 'tenants', 'id', 'tenant id', ctx);
  });

function reportDuplicates(values: string[], list: string, key: string, what: string, ctx: z.RefinementCtx): void {
  const firstAt = new Map<string, number>();
  values.forEach((value, index) => {
    const first = firstAt.get(value);
    if (first === undefined) firstAt.set(value, index);
    else ctx.addIssue({ code: 'custom', path: [list, index, key], message: `duplicate ${what} ${JSON.stringify(value)} (also ${list}[${first}])` });
  });
}

export type Policy = z.output<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
export type Rule = Policy['rules'][number];
export type Match = Rule['match'];
export type PhiCondition = NonNullable<Match['phi']>;
export type Tenant = Policy['tenants'][number];
