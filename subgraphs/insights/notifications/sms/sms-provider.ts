import type { Logger } from "pino";

import { maskedPhoneNumber } from "./phone-number.js";

export interface SmsRequest {
  /** E.164. */
  to: string;
  body: string;
  /** A one-time code inside `body`: a provider that logs must not write it outside development. */
  secret?: string;
  /** Where the provider reports delivery status; none when no public callback URL is configured. */
  statusCallback?: string;
}

export type SmsSendResult =
  | { ok: true; providerId: string; status: string }
  /** permanent: sending the same again will not work (bad number, refused sender); else worth a retry. */
  | { ok: false; permanent: boolean; error: string };

/** Something that can text a phone. Twilio's REST API, or the log in development. */
export interface SmsProvider {
  readonly name: string;
  send(request: SmsRequest): Promise<SmsSendResult>;
  /** Whether a status callback's signature is the provider's; a provider without callbacks says no. */
  verifyCallback(url: string, params: Record<string, string>, signature: string | undefined): boolean;
}

/**
 * The default: texts are written to the log, like the log mailer. In development (`logCodes`) a
 * verification code is logged at info level so a number can be verified without an SMS account;
 * anywhere else it is withheld, since a code in a log verifies a number for whoever reads it.
 */
export class LogSmsProvider implements SmsProvider {
  readonly name = "log";
  private sequence = 0;

  constructor(
    private readonly logger: Logger,
    private readonly logCodes: boolean,
  ) {}

  async send(request: SmsRequest): Promise<SmsSendResult> {
    const to = maskedPhoneNumber(request.to);
    const body = request.secret && !this.logCodes ? request.body.replaceAll(request.secret, "[code withheld]") : request.body;
    if (request.secret) this.logger.info({ to, body }, "SMS (log provider; set SMS_PROVIDER=twilio to deliver)");
    else {
      this.logger.info({ to }, "SMS (log provider; set SMS_PROVIDER=twilio to deliver)");
      this.logger.debug({ to, body }, "SMS body");
    }
    this.sequence += 1;
    return { ok: true, providerId: `log-${Date.now().toString(36)}-${this.sequence}`, status: "sent" };
  }

  verifyCallback(): boolean {
    return false;
  }
}
