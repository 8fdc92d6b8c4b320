// Postfix-like back-off: the first retry after `minSeconds`, doubling per attempt up to
// `maxSeconds`, with ±10 % jitter so a burst deferred together does not retry in lock-step.
export interface RetrySchedule {
  minSeconds: number;
  maxSeconds: number;
  lifetimeSeconds: number;
}

export function nextAttemptAt(schedule: RetrySchedule, attempts: number, now = Date.now(), random = Math.random): Date {
  const base = Math.min(schedule.maxSeconds, schedule.minSeconds * 2 ** Math.max(0, attempts - 1));
  const jitter = 1 + (random() * 0.2 - 0.1);
  return new Date(now + base * jitter * 1000);
}

export function isExpired(schedule: RetrySchedule, createdAt: Date, now = Date.now()): boolean {
  return now - createdAt.getTime() >= schedule.lifetimeSeconds * 1000;
}
