import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

import type { PhoneNumberRecord } from "./phone-number.store.js";
import type { SmsMessageRecord } from "./sms-message.store.js";

export const PhoneNumberState = { NONE: "NONE", PENDING: "PENDING", VERIFIED: "VERIFIED" } as const;
export type PhoneNumberState = (typeof PhoneNumberState)[keyof typeof PhoneNumberState];
registerEnumType(PhoneNumberState, {
  name: "PhoneNumberState",
  description: "NONE: no number; PENDING: a code was sent and not yet confirmed; VERIFIED: SMS notifications can be sent.",
});

@ObjectType("PhoneNumberStatus", { description: "Your phone number for SMS notifications and where its verification stands." })
export class PhoneNumberStatus {
  @Field(() => PhoneNumberState, { description: "VERIFIED when a number is verified, even while another is being verified." })
  state!: PhoneNumberState;

  @Field(() => String, { nullable: true, description: "The verified number, E.164; SMS notifications go here." })
  phoneNumber!: string | null;

  @Field(() => Date, { nullable: true })
  verifiedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The number a code was sent to and not yet confirmed." })
  pendingPhoneNumber!: string | null;

  @Field(() => Date, { nullable: true, description: "When the pending code stops working." })
  codeExpiresAt!: Date | null;

  @Field(() => Int, { description: "Texts sent to you in the last 24 hours, verification codes included." })
  smsSentToday!: number;

  @Field(() => Int, { description: "Texts you can be sent in any 24 hours; past it SMS deliveries are SKIPPED." })
  smsDailyCap!: number;

  static from(record: PhoneNumberRecord, sentToday: number, cap: number, now: Date): PhoneNumberStatus {
    const pending = record.pendingNumber && record.codeExpiresAt && record.codeExpiresAt > now ? record.pendingNumber : null;
    return Object.assign(new PhoneNumberStatus(), {
      state: record.phoneNumber ? "VERIFIED" : pending ? "PENDING" : "NONE",
      phoneNumber: record.phoneNumber,
      verifiedAt: record.verifiedAt,
      pendingPhoneNumber: pending,
      codeExpiresAt: pending ? record.codeExpiresAt : null,
      smsSentToday: sentToday,
      smsDailyCap: cap,
    });
  }
}

@ObjectType("SmsMessage", { description: "A text sent to you, with the provider's delivery status." })
export class SmsMessageType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "VERIFICATION or NOTIFICATION." }) purpose!: string;
  @Field(() => ID, { nullable: true }) notificationId!: string | null;
  @Field(() => String, { description: "The number it went to, E.164." }) to!: string;
  @Field(() => String, {
    description: "RESERVED, QUEUED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED or REJECTED (refused before sending; not counted).",
  })
  status!: string;
  @Field(() => String, { nullable: true, description: "The provider's error code or message." }) errorCode!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(record: SmsMessageRecord): SmsMessageType {
    return Object.assign(new SmsMessageType(), record);
  }
}

@InputType()
export class StartPhoneVerificationInput {
  @Field(() => String, { description: "International format with the country code, E.164 (+4915112345678); spaces are ignored." })
  phoneNumber!: string;
}

@InputType()
export class ConfirmPhoneVerificationInput {
  @Field(() => String, { description: "The six-digit code texted to the number." })
  code!: string;
}
