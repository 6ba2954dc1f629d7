/**
 * Runs a background job on demand with wake-ups coalesced: at most one run at a time, and exactly
 * one more after it if woken while it ran. Relays and dispatchers that drain a table use it, so a
 * burst of commits costs one or two drains, not one per commit.
 */
export class CoalescedRunner {
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(private readonly job: () => Promise<void>) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.job().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves once no run is in progress or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No new runs; resolves when the current one has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }
}
