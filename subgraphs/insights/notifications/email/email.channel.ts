import type { Mailer } from "../../../../platform/email/index.js";
import type { NotificationChannel, RenderedNotification, SendOutcome } from "../channels/channel.js";
import type { NotificationSettingsStore } from "../preferences/notification-settings.store.js";
import { digestMail, notificationMail } from "./email-text.js";

/**
 * SMTP answers 5xx for what will never work (no such mailbox, refused sender) and 4xx for "later";
 * anything without a code (connection refused, timeout) is worth another try.
 */
export function classifyMailError(error: unknown): SendOutcome {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600 ? { status: "FAILED", error: message } : { status: "RETRY", error: message };
}

/** E-mail over the platform's mail transport, only ever to the address identity says is verified. */
export class EmailChannel implements NotificationChannel {
  readonly name = "EMAIL" as const;

  constructor(
    private readonly mailer: Mailer,
    private readonly settings: NotificationSettingsStore,
    private readonly appUrl: string,
  ) {}

  private async address(userId: string): Promise<string | null> {
    const s = await this.settings.get(userId);
    return s.email && s.emailVerified ? s.email : null;
  }

  async send(message: RenderedNotification): Promise<SendOutcome> {
    const to = await this.address(message.userId);
    if (!to) return { status: "SKIPPED", reason: "no verified e-mail address" };
    return this.mail(to, notificationMail(this.appUrl, message), `notification.${message.notificationId}@moneta`);
  }

  /** One mail for a batch of one user's notifications; `digestKey` names the batch for its Message-ID. */
  async sendDigest(userId: string, items: RenderedNotification[], digestKey: string): Promise<SendOutcome> {
    const to = await this.address(userId);
    if (!to) return { status: "SKIPPED", reason: "no verified e-mail address" };
    return this.mail(to, digestMail(this.appUrl, items), `digest.${digestKey}@moneta`);
  }

  private async mail(to: string, content: { subject: string; text: string }, messageId: string): Promise<SendOutcome> {
    try {
      await this.mailer.send({ to, ...content, messageId });
      return { status: "SENT" };
    } catch (error) {
      return classifyMailError(error);
    }
  }

  async close(): Promise<void> {
    await this.mailer.close?.();
  }
}
