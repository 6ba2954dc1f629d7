import type { NotificationChannelV1 } from "../../../../schema/events/notifications.js";
import type { NotificationChannel } from "./channel.js";

/**
 * The outbound channels this instance can deliver on (e-mail always; push when configured). A
 * channel plugs in by being registered in `createInsights`; a delivery for a channel missing here
 * is recorded SKIPPED.
 */
export class ChannelRegistry {
  private readonly channels = new Map<NotificationChannelV1, NotificationChannel>();

  constructor(channels: NotificationChannel[] = []) {
    for (const channel of channels) this.register(channel);
  }

  register(channel: NotificationChannel): void {
    if (channel.name === "IN_APP") throw new Error("the in-app inbox is not an outbound channel");
    this.channels.set(channel.name, channel);
  }

  has(name: NotificationChannelV1): boolean {
    return this.channels.has(name);
  }

  get(name: NotificationChannelV1): NotificationChannel | undefined {
    return this.channels.get(name);
  }
}
