import type { Logger } from "pino";

import type { Clock } from "../../../platform/time/index.js";
import type { WebhookConfig } from "./webhook.config.js";
import type { WebhookDispatcher } from "./webhook.dispatcher.js";
import type { WebhookDeliveryStore } from "./webhook-delivery.store.js";

/** A claimed delivery is another instance's to retry if this one has not recorded it by then. */
const LEASE_MS = 60_000;
/** Completed deliveries (and their attempts) are kept this long for the log. */
const KEEP_COMPLETED_MS = 30 * 24 * 3_600_000;
const FORGET_EVERY_MS = 3_600_000;

/**
 * The delivery loop of one instance: claims due deliveries (FOR UPDATE SKIP LOCKED, so instances
 * share the work without taking the same row), attempts them concurrently up to the configured
 * number, and goes straight on while there is work, sleeping `pollMs` when there is none.
 */
export class WebhookWorker {
  private stopped = true;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastForget = 0;

  constructor(
    private readonly deliveries: WebhookDeliveryStore,
    private readonly dispatcher: WebhookDispatcher,
    private readonly config: WebhookConfig,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  /** Ends the loop after the attempts under way are recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** One pass: how many deliveries it attempted. */
  async pass(): Promise<number> {
    const claimed = await this.deliveries.claimDue(this.clock.now(), this.config.concurrency, LEASE_MS);
    await Promise.all(
      claimed.map((d) =>
        this.dispatcher.attempt(d).catch((err: unknown) => this.logger.error({ err, deliveryId: d.id }, "webhook attempt failed")),
      ),
    );
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let attempted = 0;
      try {
        attempted = await this.pass();
        await this.forgetOld();
      } catch (err) {
        this.logger.error({ err }, "webhook delivery pass failed; trying again");
      }
      if (attempted === 0 && !this.stopped) await this.sleep(this.config.pollMs);
    }
  }

  private async forgetOld(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastForget < FORGET_EVERY_MS) return;
    this.lastForget = now;
    await this.deliveries.forgetCompletedBefore(new Date(now - KEEP_COMPLETED_MS));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
