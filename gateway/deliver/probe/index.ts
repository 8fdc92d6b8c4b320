// Domain monitoring: TLS/MTA-STS probes of recipient domains, their stored history, the
// re-probe schedule, and the no-silent-downgrade rule built on that history.
export type { DomainProbe, MxProbe, TlsInfo, MtaStsInfo, ProbeSummary } from './types.ts';
export { probeHost, type HostProbeOptions } from './host.ts';
export { probeDomain, probeDepsFromConfig, firstAddressPerHost, DEFAULT_PROBE_TIMEOUT_MS, type ProbeDeps, type ProbeOptions } from './probe.ts';
export { deriveMethod, summarize, type MethodInput, type MethodFn } from './method.ts';
export { decideDowngrade, type AttemptTls, type DowngradeDecision, type DowngradeOptions } from './downgrade.ts';
export { MemoryDomainStatusStore, domainKey, probeShowsTls, type DomainStatus, type DomainStatusStore } from './status-store.ts';
export { ProbeScheduler, DAY_MS, type SchedulerOptions, type RunResult } from './scheduler.ts';
