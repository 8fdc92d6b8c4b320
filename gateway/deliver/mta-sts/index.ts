// MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) for the delivery stage.
export { parseStsRecord, selectStsRecord, MTA_STS_TXT_PREFIX, type StsRecord, type StsRecordResult } from './record.ts';
export { parsePolicy, isValidMxPattern, MAX_AGE_LIMIT, MODES, type Mode, type MtaStsPolicy, type PolicyParseResult } from './policy.ts';
export { mxMatches, mxMatchesAny, normalizeHost } from './match.ts';
export { fetchPolicyText, policyHost, PolicyFetchError, MAX_POLICY_BYTES, FETCH_TIMEOUT_MS, type FetchOptions, type FetchErrorCode } from './fetch.ts';
export { createResolver, lookupVia, type TxtResolver, type AddressResolver } from './dns.ts';
export { MemoryPolicyStore, cachedPolicySchema, isFresh, expiresAt, readCached, type CachedPolicy, type PolicyStore } from './cache.ts';
export { resolveMtaSts, createMtaStsResolver, type MtaStsResult, type MtaStsDeps, type PolicyErrorType } from './resolver.ts';
export { applyPolicy, mxPermitted, reportPolicy, type Candidate, type TlsOutcome, type TlsFailure, type StsDecision } from './apply.ts';
export { buildDailyReports, dayRange, type ReportOptions } from './tls-rpt.ts';
export type { FailureDetail, ReportPolicy, ResultType, SessionResult, TlsRptReport } from './tls-rpt-types.ts';
