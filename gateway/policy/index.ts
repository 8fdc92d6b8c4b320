// Public API of the policy engine: load and hold the policy file, read escalation and
// auto-forward markers from headers, decide per recipient, explain.

export { METHODS, FALLBACK_METHODS, TLS_VERSIONS, TLS_LEVELS, methodRank, strongerMethod, isVerifiedLevel, needsVerifiedTls } from './methods.ts';
export type { Method, FallbackMethod, TlsVersion, TlsLevel } from './methods.ts';
export { PolicySchema, PHI_TYPES, DEFAULT_SUBJECT_TAGS, DEFAULT_FALLBACK, DEFAULT_TENANT_HEADER } from './schema.ts';
export type { Policy, PolicyInput, Rule, Match, PhiCondition, PhiType, Tenant } from './schema.ts';
export { loadPolicyFile, parsePolicyText, embeddedPolicy, policyHash, detectFormat, PolicyFileError, PolicyHolder } from './load.ts';
export type { LoadedPolicy, PolicyFormat, PolicyProblem, ReloadResult } from './load.ts';
export { EMBEDDED_POLICY_YAML } from './embedded.ts';
export { decide } from './decide.ts';
export type { Decision, DecisionContext, PhiVerdict } from './decide.ts';
export { evaluateMatch } from './conditions.ts';
export type { MatchResult } from './conditions.ts';
export { StaticSenderGroupResolver } from './groups.ts';
export type { SenderGroupResolver } from './groups.ts';
export { detectEscalation, stripEscalation, removeSubjectTags, ESCALATION_HEADER } from './escalation.ts';
export type { EscalationMarkers, EscalationOptions, EscalationStrip } from './escalation.ts';
export { detectAutoForward } from './autoforward.ts';
export type { AutoForwardVerdict } from './autoforward.ts';
export { headerValues, headerText, decodeEncodedWords, unfold } from './headers.ts';
export type { HeaderList } from './headers.ts';
export { explain, describeDecision } from './explain.ts';
export type { ExplainRequest } from './explain.ts';
export { matchAddress, matchDomain, normalizeDomain, parseAddress } from './wildcard.ts';
