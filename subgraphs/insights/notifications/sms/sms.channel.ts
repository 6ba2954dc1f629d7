import type { DataSource } from "typeorm";

import type { Clock } from "../../../../platform/time/index.js";
import type { NotificationChannel, RenderedNotification, SendOutcome } from "../channels/channel.js";
import type { PhoneNumberStore } from "./phone-number.store.js";
import type { SmsMessageStore } from "./sms-message.store.js";

/** Three GSM-7 segments at most: a text is a nudge with a link, and every segment is billed. */
const MAX_TEXT = 459;

export function smsText(appUrl: string, message: RenderedNotification): string {
  const link = message.link ? `\n${appUrl.replace(/\/+$/, "")}${message.link}` : "";
  const text = `${message.title}\n${message.body}`;
  const room = MAX_TEXT - link.length;
  return (text.length > room ? `${text.slice(0, Math.max(0, room - 1))}…` : text) + link;
}

/**
 * Notifications as text messages, only ever to the number the user verified, and at most the daily
 * cap per user: past it the delivery is SKIPPED with the reason (the inbox still has it), so a
 * burst of alerts cannot run up the bill.
 */
export class SmsChannel implements NotificationChannel {
  readonly name = "SMS" as const;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly phones: PhoneNumberStore,
    private readonly messages: SmsMessageStore,
    private readonly appUrl: string,
    private readonly statusCallback: string | undefined,
  ) {}

  async send(message: RenderedNotification): Promise<SendOutcome> {
    type Claim = { skip: string } | { id: string; to: string };
    const reserved = await this.dataSource.transaction(async (manager): Promise<Claim> => {
      const row = await this.phones.lock(manager, message.userId, this.clock.now(), false);
      if (!row?.phoneNumber) return { skip: "no verified phone number" };
      const reservation = await this.messages.reserve(manager, message.userId, "NOTIFICATION", row.phoneNumber, message.notificationId);
      if (!reservation.ok) return { skip: `daily SMS cap reached (${reservation.cap} in 24 hours)` };
      return { id: reservation.id, to: row.phoneNumber };
    });
    if ("skip" in reserved) return { status: "SKIPPED", reason: reserved.skip };
    const result = await this.messages.dispatch(reserved.id, {
      to: reserved.to,
      body: smsText(this.appUrl, message),
      statusCallback: this.statusCallback,
    });
    if (result.ok) return { status: "SENT", detail: result.providerId };
    return result.permanent ? { status: "FAILED", error: result.error } : { status: "RETRY", error: result.error };
  }
}
