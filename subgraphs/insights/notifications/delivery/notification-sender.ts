import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import { CoalescedRunner } from "../../../../platform/concurrency/coalesced-runner.js";
import { runLimited } from "../../../../platform/concurrency/run-limited.js";
import type { Clock, IdGenerator } from "../../../../platform/time/index.js";
import type { RenderedNotification, SendOutcome } from "../channels/channel.js";
import type { ChannelRegistry } from "../channels/channel-registry.js";
import type { EmailChannel } from "../email/email.channel.js";
import type { NotificationService } from "../inbox/notification.service.js";
import type { NotificationSettingsStore } from "../preferences/notification-settings.store.js";
import type { NotificationSettings } from "../preferences/preferences.js";
import { renderNotification } from "../templates/templates.js";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff.js";
import { type ChannelHealthStore, PAUSE_AFTER_FAILURES } from "./channel-health.store.js";
import type { CommitSignal } from "./commit-signal.js";
import type { ClaimedDelivery, DeliveryStore, LogEntry } from "./delivery.store.js";
import { planDelivery } from "./delivery-plan.js";

export interface NotificationSenderOptions {
  dataSource: DataSource;
  clock: Clock;
  ids: IdGenerator;
  store: DeliveryStore;
  channels: ChannelRegistry;
  email: EmailChannel;
  settings: NotificationSettingsStore;
  health: ChannelHealthStore;
  notifications: NotificationService;
  signal: CommitSignal;
  logger: Logger;
  batchSize?: number;
  /** How long a claimed delivery stays reserved; a sender that died mid-send is replaced after it. */
  leaseMs?: number;
  /** Catch-all poll for deliveries queued by another instance; the commit signal is the normal path. */
  safetyIntervalMs?: number;
  maxAttempts?: number;
  /** Sends in flight at once per instance (deliveries of one user on one channel stay in order). */
  concurrency?: number;
  random?: () => number;
  /**
   * Tests only: runs after a channel accepted a message and before the outcome is recorded, to
   * simulate a process dying in that window (throw, and the outcome is never written).
   */
  beforeRecord?: (delivery: ClaimedDelivery, outcome: SendOutcome) => Promise<void>;
}

const TRACE = "insights-notification-sender";

/**
 * Delivers due notifications on their channels, exactly once per (notification, channel) while
 * senders stay alive; see README "Delivery guarantees" for the one duplicate a crash can cause.
 * Woken by the commit of a transaction that queued deliveries, by a timer for the next retry or
 * the end of quiet hours, and by a slow safety poll; one drain at a time per instance, and
 * instances share the rows through SKIP LOCKED claims.
 */
export class NotificationSender {
  private readonly runner = new CoalescedRunner(() => this.drain());
  private safetyTimer?: NodeJS.Timeout;
  private dueTimer?: NodeJS.Timeout;
  private unwatch?: () => void;
  private failures = 0;

  constructor(private readonly o: NotificationSenderOptions) {}

  private get batchSize() {
    return this.o.batchSize ?? 50;
  }

  start(): void {
    this.unwatch = this.o.signal.onCommitted(() => this.wake());
    this.safetyTimer = setInterval(() => this.wake(), this.o.safetyIntervalMs ?? 5_000);
    this.safetyTimer.unref();
    this.wake();
  }

  wake(): void {
    this.runner.wake();
  }

  /** Resolves when everything due so far has had an attempt (tests, benchmarks). */
  async flush(): Promise<void> {
    await this.runner.idle();
    this.runner.wake();
    await this.runner.idle();
  }

  /** Stops claiming; a send under way finishes and is recorded, so a graceful stop never duplicates. */
  async stop(): Promise<void> {
    if (this.safetyTimer) clearInterval(this.safetyTimer);
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.unwatch?.();
    await this.runner.stop();
  }

  private live(): boolean {
    return !this.runner.isStopped && this.o.dataSource.isInitialized;
  }

  private async drain(): Promise<void> {
    try {
      while (this.live()) {
        const singles = await this.drainSingles();
        const digests = await this.drainDigests();
        if (singles < this.batchSize && digests === 0) break;
      }
      this.failures = 0;
      if (this.live()) await this.armDueTimer();
    } catch (error) {
      if (!this.live()) return;
      this.failures++;
      this.o.logger.error({ err: error }, "notification sender failed; will retry");
      this.arm(Math.min(100 * 2 ** this.failures, 30_000));
    }
  }

  private lease(now: Date): Date {
    return new Date(now.getTime() + (this.o.leaseMs ?? 120_000));
  }

  private async drainSingles(): Promise<number> {
    const now = this.o.clock.now();
    const claimId = this.o.ids.next();
    const rows = await this.o.store.claimDue(claimId, now, this.lease(now), this.batchSize);
    // One user's deliveries on one channel go in order (their channel health counts failures in a
    // row); different users' and channels' go side by side, since a send is mostly waiting on a server.
    const lanes = new Map<string, ClaimedDelivery[]>();
    for (const row of rows) {
      const key = `${row.userId}:${row.channel}`;
      lanes.set(key, [...(lanes.get(key) ?? []), row]);
    }
    await runLimited([...lanes.values()], this.o.concurrency ?? 8, async (lane) => {
      for (const row of lane) {
        if (!this.live()) return;
        await this.deliverOne(row, claimId);
      }
    });
    return rows.length;
  }

  private async drainDigests(): Promise<number> {
    let sent = 0;
    for (const userId of await this.o.store.usersWithDigestDue(this.o.clock.now(), 10)) {
      if (!this.live()) break;
      const now = this.o.clock.now();
      const claimId = this.o.ids.next();
      const rows = await this.o.store.claimDigest(userId, claimId, now, this.lease(now), 200);
      if (rows.length) await this.deliverDigest(userId, rows, claimId);
      sent++;
    }
    return sent;
  }

  private render(row: ClaimedDelivery, settings: NotificationSettings): RenderedNotification {
    const text = renderNotification(row.kind, row.data, { locale: settings.locale, timezone: settings.timezone });
    return { notificationId: row.notificationId, userId: row.userId, kind: row.kind, ...text };
  }

  /** The lease-expiry note a re-claimed row gets, so its log shows the possible duplicate. */
  private recovered(row: ClaimedDelivery, at: string): LogEntry[] {
    return row.previous === "SENDING"
      ? [{ at, outcome: "LEASE_EXPIRED", error: "the previous sender stopped before recording an outcome" }]
      : [];
  }

  private async deliverOne(row: ClaimedDelivery, claimId: string): Promise<void> {
    const { clock, store, dataSource } = this.o;
    const now = clock.now();
    const at = now.toISOString();
    const settings = await this.o.settings.get(row.userId);
    const paused = await this.o.health.paused(dataSource.manager, row.userId);
    if (paused.has(row.channel)) {
      await store.settle(
        dataSource.manager,
        row.id,
        claimId,
        { status: "PAUSED", nextAttemptAt: null, attemptsDelta: -1, lastError: null, log: [{ at, outcome: "PAUSED" }] },
        now,
      );
      return;
    }
    const plan = planDelivery(row.channel, row.kind, settings, now);
    if (plan.action === "WAIT") {
      // Not an attempt: the claim counted one, so give it back.
      await store.settle(
        dataSource.manager,
        row.id,
        claimId,
        {
          status: "WAITING",
          nextAttemptAt: plan.until,
          digest: plan.digest,
          attemptsDelta: -1,
          lastError: null,
          log: this.recovered(row, at),
        },
        now,
      );
      return;
    }
    const channel = this.o.channels.get(row.channel);
    const outcome: SendOutcome = channel
      ? await channel
          .send(this.render(row, settings))
          .catch((error: unknown) => ({ status: "RETRY" as const, error: String(error).slice(0, 500) }))
      : { status: "SKIPPED", reason: `no ${row.channel} channel is configured` };
    await this.o.beforeRecord?.(row, outcome);
    await this.record([row], claimId, outcome, this.recovered(row, at));
  }

  private async deliverDigest(userId: string, rows: ClaimedDelivery[], claimId: string): Promise<void> {
    const { clock, store, dataSource } = this.o;
    const now = clock.now();
    const settings = await this.o.settings.get(userId);
    const plan = planDelivery("EMAIL", rows[0]!.kind, settings, now, true);
    if (plan.action === "WAIT" || (await this.o.health.paused(dataSource.manager, userId)).has("EMAIL")) {
      const status = plan.action === "WAIT" ? "WAITING" : "PAUSED";
      await dataSource.transaction(async (manager) => {
        for (const row of rows) {
          await store.settle(
            manager,
            row.id,
            claimId,
            {
              status,
              nextAttemptAt: plan.action === "WAIT" ? plan.until : null,
              attemptsDelta: -1,
              lastError: null,
              log: status === "PAUSED" ? [{ at: now.toISOString(), outcome: "PAUSED" }] : [],
            },
            now,
          );
        }
      });
      return;
    }
    // The smallest delivery id names the batch, so a re-sent digest carries the same Message-ID.
    const key = rows.map((r) => r.id).sort()[0]!;
    const outcome = await this.o.email
      .sendDigest(
        userId,
        rows.map((r) => this.render(r, settings)),
        key,
      )
      .catch((error: unknown) => ({ status: "RETRY" as const, error: String(error).slice(0, 500) }));
    await this.o.beforeRecord?.(rows[0]!, outcome);
    await this.record(rows, claimId, outcome, []);
  }

  /** One outcome for one delivery (or a digest's rows), with the channel's health, in one transaction. */
  private async record(rows: ClaimedDelivery[], claimId: string, outcome: SendOutcome, notes: LogEntry[]): Promise<void> {
    const { clock, store, dataSource, health } = this.o;
    const now = clock.now();
    const at = now.toISOString();
    const maxAttempts = this.o.maxAttempts ?? MAX_ATTEMPTS;
    const first = rows[0]!;
    await dataSource.transaction(async (manager) => {
      let owned = 0;
      let failed = false;
      for (const row of rows) {
        let change: Parameters<DeliveryStore["settle"]>[3];
        if (outcome.status === "SENT")
          change = { status: "SENT", nextAttemptAt: null, lastError: null, log: [...notes, { at, outcome: "SENT" }] };
        else if (outcome.status === "SKIPPED")
          change = {
            status: "SKIPPED",
            nextAttemptAt: null,
            lastError: outcome.reason,
            log: [...notes, { at, outcome: "SKIPPED", error: outcome.reason }],
          };
        else if (outcome.status === "RETRY" && row.attempts < maxAttempts) {
          const retryAt = new Date(now.getTime() + retryDelayMs(row.attempts, this.o.random));
          change = {
            status: "PENDING",
            nextAttemptAt: retryAt,
            lastError: outcome.error,
            log: [...notes, { at, outcome: "RETRY", error: outcome.error }],
          };
        } else {
          failed = true;
          change = {
            status: "FAILED",
            nextAttemptAt: null,
            lastError: outcome.error,
            log: [...notes, { at, outcome: "FAILED", error: outcome.error }],
          };
        }
        if (await store.settle(manager, row.id, claimId, change, now)) owned++;
      }
      if (owned === 0) return;
      if (outcome.status === "SENT") await health.succeeded(manager, first.userId, first.channel);
      if (failed && (await health.failed(manager, first.userId, first.channel, now))) {
        await store.pauseWaiting(manager, first.userId, first.channel, now);
        await this.o.notifications.create(manager, `channel-paused:${first.channel}:${first.userId}:${at}`, TRACE, [
          { userId: first.userId, kind: "CHANNEL_PAUSED", data: { channel: first.channel, failures: PAUSE_AFTER_FAILURES } },
        ]);
        this.o.logger.warn({ userId: first.userId, channel: first.channel }, "notification channel paused after repeated failures");
      }
    });
    if (outcome.status === "RETRY" && !rows.some((r) => r.attempts >= maxAttempts))
      this.o.logger.warn({ deliveryId: first.id, error: outcome.error }, "notification delivery failed; will retry");
  }

  private async armDueTimer(): Promise<void> {
    const due = await this.o.store.nextDueAt();
    if (!due) return;
    this.arm(Math.max(0, due.getTime() - this.o.clock.now().getTime()));
  }

  /** One timer, for the earliest wake-up; never longer than the safety poll. */
  private arm(delayMs: number): void {
    if (!this.live()) return;
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.dueTimer = setTimeout(() => this.wake(), Math.min(delayMs, this.o.safetyIntervalMs ?? 5_000) + 5);
    this.dueTimer.unref();
  }
}
