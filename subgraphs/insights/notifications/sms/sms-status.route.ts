import type { IncomingMessage, ServerResponse } from "node:http";

import type { Logger } from "pino";

import type { RouteHandler } from "../../../../platform/http/index.js";
import { isKnownSmsStatus, type SmsMessageStore } from "./sms-message.store.js";
import type { SmsProvider } from "./sms-provider.js";

/** Where providers post delivery status, on insights and (forwarded as is) on the gateway. */
export const SMS_STATUS_PATH = "/sms/status";

/** A status callback is a few hundred bytes of form fields. */
const MAX_BODY = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<Record<string, string> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}

function answer(res: ServerResponse, status: number): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end();
}

/**
 * Twilio-style status callbacks: form fields MessageSid, MessageStatus and ErrorCode, signed in
 * X-Twilio-Signature over the URL the provider was given (`callbackUrl`, the public one: behind the
 * gateway and proxies the URL this process sees is another) plus the sorted fields. A bad or
 * missing signature is 403 and changes nothing; without a configured callback URL every callback
 * is refused, since none was asked for.
 */
export function smsStatusRoute(options: {
  provider: SmsProvider;
  messages: SmsMessageStore;
  callbackUrl: string | undefined;
  logger: Logger;
}): RouteHandler {
  return async (req, res) => {
    if (req.method !== "POST") return answer(res, 405);
    const form = await readForm(req);
    if (!form) return answer(res, 413);
    const query = req.url?.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
    const signature = req.headers["x-twilio-signature"];
    const signed =
      options.callbackUrl !== undefined &&
      options.provider.verifyCallback(options.callbackUrl + query, form, Array.isArray(signature) ? signature[0] : signature);
    if (!signed) {
      options.logger.warn({ path: SMS_STATUS_PATH }, "SMS status callback refused: bad signature");
      return answer(res, 403);
    }
    const { MessageSid: sid, MessageStatus: status, ErrorCode: errorCode } = form;
    if (!sid || !status || !isKnownSmsStatus(status)) return answer(res, 400);
    await options.messages.recordStatus(sid, status, errorCode || null);
    answer(res, 204);
  };
}
