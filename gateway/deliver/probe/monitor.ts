// Domain monitoring in a running gateway: every recipient domain seen is probed when first
// seen and then daily (ProbeScheduler decides which are due), and the results are stored, so
// the no-silent-downgrade rule has evidence and compliance has a history.
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { PolicyStore } from '../mta-sts/cache.ts';
import { probeDepsFromConfig, probeDomain } from './probe.ts';
import { ProbeScheduler } from './scheduler.ts';
import type { DomainStatusStore } from './status-store.ts';

export function startDomainMonitor(opts: { config: Config; log: Logger; store: DomainStatusStore; policyStore: PolicyStore }): { stop: () => void } {
  const { config, log } = opts;
  if (config.probeSeconds === 0) return { stop: () => undefined };
  const scheduler = new ProbeScheduler(opts.store);
  const deps = probeDepsFromConfig(config, { policyStore: opts.policyStore });
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await scheduler.runDue((domain, prior) => probeDomain(domain, deps, { prior }));
      if (result.probed.length || result.failed.length) log.info({ probed: result.probed.length, failed: result.failed }, 'domain probes');
    } catch (err) {
      log.warn({ error: (err as Error).message }, 'domain probe run failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), config.probeSeconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
