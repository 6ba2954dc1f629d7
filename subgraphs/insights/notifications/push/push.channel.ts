import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

import webpush from "web-push";

import type { NotificationChannel, RenderedNotification, SendOutcome } from "../channels/channel.js";
import { pushPayload, TTL_SECONDS, URGENCY } from "./push-message.js";
import type { StoredPushSubscription } from "./push-subscription.store.js";
import type { PushConfig } from "./vapid.config.js";

/** What the channel needs of the store: the user's subscriptions, and forgetting the dead ones. */
export interface PushSubscriptions {
  list(userId: string): Promise<StoredPushSubscription[]>;
  delete(userId: string, id: string): Promise<boolean>;
  markSucceeded(userId: string, id: string): Promise<void>;
}

export const PUSH_TIMEOUT_MS = 10_000;
/** Enough of a push service's error body to say what was wrong; the rest is dropped unread. */
const ERROR_BODY_MAX = 512;

type Attempt =
  { result: "accepted" } | { result: "gone"; status: number } | { result: "retry"; error: string } | { result: "failed"; error: string };

interface PushRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string | number>;
  body: Buffer | null;
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291). web-push
 * builds each request (the signed JWT, the encrypted body, TTL and Urgency); the channel posts it
 * itself, because web-push's own sender speaks only https and a loopback http endpoint is what
 * tests and local development use.
 *
 * One message goes to every subscription of the user. 404 and 410 mean the browser unsubscribed:
 * that subscription is deleted. SENT when at least one device accepted it; the devices that
 * failed are named in the detail but not retried, since a retry would reach the accepted ones
 * twice. With none accepted: RETRY if any failure was transient (429, 5xx, network, timeout),
 * SKIPPED if every subscription was gone, FAILED otherwise (400, 401, 403, 413: retrying changes
 * nothing).
 */
export class PushChannel implements NotificationChannel {
  readonly name = "PUSH" as const;

  constructor(
    private readonly subscriptions: PushSubscriptions,
    private readonly config: Pick<PushConfig, "publicKey" | "privateKey" | "subject">,
    private readonly timeoutMs = PUSH_TIMEOUT_MS,
  ) {}

  async send(message: RenderedNotification): Promise<SendOutcome> {
    const targets = await this.subscriptions.list(message.userId);
    if (targets.length === 0) return { status: "SKIPPED", reason: "no push subscriptions" };
    const payload = JSON.stringify(pushPayload(message));
    const urgency = URGENCY[message.kind] ?? "normal";
    const attempts: Attempt[] = [];
    // One device after another: a user has at most a handful, and a slow one times out alone.
    for (const target of targets) {
      const attempt = await this.deliver(target, payload, urgency);
      if (attempt.result === "accepted") await this.subscriptions.markSucceeded(target.userId, target.id);
      if (attempt.result === "gone") await this.subscriptions.delete(target.userId, target.id);
      attempts.push(attempt);
    }
    return outcomeOf(attempts);
  }

  private async deliver(target: StoredPushSubscription, payload: string, urgency: keyof typeof TTL_SECONDS): Promise<Attempt> {
    let request: PushRequest;
    try {
      request = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
        vapidDetails: { subject: this.config.subject, publicKey: this.config.publicKey, privateKey: this.config.privateKey },
        TTL: TTL_SECONDS[urgency],
        urgency,
        contentEncoding: "aes128gcm",
      }) as PushRequest;
    } catch (error) {
      return { result: "failed", error: `cannot build the push request: ${(error as Error).message}` };
    }
    try {
      const { status, body } = await this.post(request);
      if (status >= 200 && status < 300) return { result: "accepted" };
      if (status === 404 || status === 410) return { result: "gone", status };
      const error = `push service answered ${status}${body ? `: ${body}` : ""}`;
      return status === 429 || status >= 500 ? { result: "retry", error } : { result: "failed", error };
    } catch (error) {
      return { result: "retry", error: `push service unreachable: ${(error as Error).message}` };
    }
  }

  /** One POST, no redirects followed, the whole exchange bounded by the timeout. */
  private post(request: PushRequest): Promise<{ status: number; body: string }> {
    const url = new URL(request.endpoint);
    const send = url.protocol === "http:" ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      const outgoing = send(
        url,
        { method: request.method, headers: request.headers, signal: AbortSignal.timeout(this.timeoutMs) },
        (response) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          response.on("data", (chunk: Buffer) => {
            if (kept < ERROR_BODY_MAX) chunks.push(chunk);
            kept += chunk.length;
          });
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, ERROR_BODY_MAX).trim() }),
          );
          response.on("error", reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end(request.body ?? undefined);
    });
  }
}

function outcomeOf(attempts: Attempt[]): SendOutcome {
  const accepted = attempts.filter((a) => a.result === "accepted").length;
  const gone = attempts.filter((a) => a.result === "gone").length;
  const errors = attempts.flatMap((a) => (a.result === "retry" || a.result === "failed" ? [a.error] : []));
  const summary = `${accepted} of ${attempts.length} devices accepted${gone ? `, ${gone} unsubscribed and removed` : ""}${errors.length ? `; ${errors.join("; ")}` : ""}`;
  if (accepted > 0) return { status: "SENT", detail: summary };
  if (attempts.some((a) => a.result === "retry")) return { status: "RETRY", error: summary };
  if (gone === attempts.length) return { status: "SKIPPED", reason: "every push subscription had expired; removed" };
  return { status: "FAILED", error: summary };
}
