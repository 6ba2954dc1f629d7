import type { SmsProvider, SmsRequest, SmsSendResult } from "./sms-provider.js";
import { validTwilioSignature } from "./twilio-signature.js";

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** The sending number, E.164. */
  from: string;
  /** `https://api.twilio.com`, or a local server speaking the same API in tests. */
  apiBaseUrl: string;
  timeoutMs?: number;
}

interface TwilioMessage {
  sid?: string;
  status?: string;
}

interface TwilioError {
  code?: number;
  message?: string;
}

/**
 * Twilio's Programmable Messaging REST API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`
 * with basic auth (account SID, auth token) and a form body (To, From, Body, StatusCallback). A 4xx
 * answer is permanent (an invalid or unreachable number, a refused sender) except 429; 5xx,
 * timeouts and connection errors are worth another try.
 */
export class TwilioSmsProvider implements SmsProvider {
  readonly name = "twilio";
  private readonly endpoint: string;
  private readonly authorization: string;

  constructor(private readonly settings: TwilioSettings) {
    this.endpoint = `${settings.apiBaseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString("base64")}`;
  }

  async send(request: SmsRequest): Promise<SmsSendResult> {
    const form = new URLSearchParams({ To: request.to, From: this.settings.from, Body: request.body });
    if (request.statusCallback) form.set("StatusCallback", request.statusCallback);
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: "POST",
        headers: { authorization: this.authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: form.toString(),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
    } catch (error) {
      return { ok: false, permanent: false, error: `SMS provider unreachable: ${error instanceof Error ? error.message : String(error)}` };
    }
    const payload = (await response.json().catch(() => ({}))) as TwilioMessage & TwilioError;
    if (response.ok && typeof payload.sid === "string") return { ok: true, providerId: payload.sid, status: payload.status ?? "queued" };
    const error = `SMS provider answered ${response.status}${payload.code ? ` (code ${payload.code})` : ""}: ${String(payload.message ?? "").slice(0, 300)}`;
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 429;
    return { ok: false, permanent, error };
  }

  verifyCallback(url: string, params: Record<string, string>, signature: string | undefined): boolean {
    return validTwilioSignature(this.settings.authToken, url, params, signature);
  }
}
