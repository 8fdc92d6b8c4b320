// Group commit: items submitted while a transaction is in flight are committed together in
// the next one, and every submitter is answered only after its item is durable. This is how
// a durable queue reaches a commit rate far above one fsync per message.
export class GroupCommitter<T> {
  private pending: Array<{ item: T; resolve: () => void; reject: (err: unknown) => void }> = [];
  private inFlight = 0;
  private readonly commit: (items: T[]) => Promise<void>;
  private readonly maxBatch: number;
  private readonly maxConcurrent: number;
  private idleWaiters: Array<() => void> = [];

  private readonly lingerMs: number;

  /**
   * `lingerMs`: how long the first item of an idle committer waits for company. A transaction
   * costs the same for one item as for twenty, so a millisecond or two of waiting buys batches.
   */
  constructor(commit: (items: T[]) => Promise<void>, opts: { maxBatch?: number; maxConcurrent?: number; lingerMs?: number } = {}) {
    this.commit = commit;
    this.maxBatch = opts.maxBatch ?? 200;
    this.maxConcurrent = opts.maxConcurrent ?? 1;
    this.lingerMs = opts.lingerMs ?? 0;
  }

  submit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      // The other sessions finishing within the linger time (or the same I/O turn) join the batch.
      if (this.inFlight < this.maxConcurrent && this.pending.length === 1) {
        if (this.lingerMs > 0) setTimeout(() => this.flush(), this.lingerMs);
        else setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves once nothing is pending or in flight (for shutdown). */
  drained(): Promise<void> {
    if (this.inFlight === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.maxConcurrent || this.pending.length === 0) return;
    const batch = this.pending.splice(0, this.maxBatch);
    this.inFlight += 1;
    try {
      await this.commit(batch.map((b) => b.item));
      for (const b of batch) b.resolve();
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      this.inFlight -= 1;
    }
    if (this.pending.length > 0) void this.flush();
    else if (this.inFlight === 0) for (const w of this.idleWaiters.splice(0)) w();
  }
}
