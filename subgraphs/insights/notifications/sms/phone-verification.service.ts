import type { DataSource } from "typeorm";

import type { Clock } from "../../../../platform/time/index.js";
import { e164PhoneNumber } from "./phone-number.js";
import { type PhoneNumberRecord, type PhoneNumberStore } from "./phone-number.store.js";
import {
  codeExpired,
  codeResendTooSoon,
  noVerificationInProgress,
  smsDailyCapReached,
  smsNotSent,
  tooManyCodeAttempts,
  wrongCode,
} from "./sms.errors.js";
import type { SmsMessageStore } from "./sms-message.store.js";
import { codeMatches, hashVerificationCode, newVerificationCode } from "./verification-code.js";

export const CODE_TTL_MS = 10 * 60_000;
export const RESEND_AFTER_MS = 60_000;
export const MAX_CODE_ATTEMPTS = 5;

/**
 * Proves the user holds a phone before anything is texted to it: a six-digit code goes to the
 * number, and only its hash is kept (10 minutes, 5 tries, one new code a minute). Until the code is
 * confirmed, the SMS channel has no number to send to; a verified number stays in use while
 * another is being verified.
 */
export class PhoneVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly phones: PhoneNumberStore,
    private readonly messages: SmsMessageStore,
    private readonly statusCallback: string | undefined,
  ) {}

  async start(userId: string, rawNumber: string): Promise<PhoneNumberRecord> {
    const number = e164PhoneNumber(rawNumber);
    const now = this.clock.now();
    const code = newVerificationCode();
    const codeHash = hashVerificationCode(userId, number, code);
    const reserved = await this.dataSource.transaction(async (manager) => {
      const row = (await this.phones.lock(manager, userId, now, true))!;
      if (row.phoneNumber === number) return null;
      if (row.codeSentAt && now.getTime() - row.codeSentAt.getTime() < RESEND_AFTER_MS) {
        throw codeResendTooSoon(Math.ceil((RESEND_AFTER_MS - (now.getTime() - row.codeSentAt.getTime())) / 1000));
      }
      const reservation = await this.messages.reserve(manager, userId, "VERIFICATION", number, null);
      if (!reservation.ok) throw smsDailyCapReached(reservation.cap);
      await this.phones.startCode(manager, userId, number, codeHash, new Date(now.getTime() + CODE_TTL_MS), now);
      return reservation.id;
    });
    // Already verified: nothing to prove, nothing sent.
    if (reserved === null) return this.phones.get(userId);
    const sent = await this.messages.dispatch(reserved, {
      to: number,
      body: `Your Moneta verification code is ${code}. It expires in 10 minutes.`,
      secret: code,
      statusCallback: this.statusCallback,
    });
    if (!sent.ok) {
      await this.phones.dropCode(userId, codeHash, this.clock.now());
      throw smsNotSent();
    }
    return this.phones.get(userId);
  }

  async confirm(userId: string, rawCode: string): Promise<PhoneNumberRecord> {
    const now = this.clock.now();
    // A wrong code's count must be committed, so the outcome is decided inside and thrown after.
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await this.phones.lock(manager, userId, now, false);
      if (!row?.pendingNumber || !row.codeHash || !row.codeExpiresAt) return noVerificationInProgress();
      if (row.codeExpiresAt.getTime() <= now.getTime()) return codeExpired();
      if (row.codeAttempts >= MAX_CODE_ATTEMPTS) return tooManyCodeAttempts();
      if (!codeMatches(row.codeHash, userId, row.pendingNumber, rawCode)) {
        await this.phones.countWrongCode(manager, userId, now);
        const left = MAX_CODE_ATTEMPTS - row.codeAttempts - 1;
        return left > 0 ? wrongCode(left) : tooManyCodeAttempts();
      }
      await this.phones.verify(manager, userId, row.pendingNumber, now);
      return null;
    });
    if (outcome) throw outcome;
    return this.phones.get(userId);
  }

  async remove(userId: string): Promise<boolean> {
    return this.phones.remove(userId, this.clock.now());
  }
}
