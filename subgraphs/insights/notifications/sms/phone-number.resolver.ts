import { Arg, Ctx, Directive, Int, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../../platform/graphql/index.js";
import type { InsightsDeps } from "../../insights.deps.js";
import type { PhoneNumberRecord } from "./phone-number.store.js";
import { ConfirmPhoneVerificationInput, PhoneNumberStatus, SmsMessageType, StartPhoneVerificationInput } from "./phone-number.type.js";

@Resolver()
export class PhoneNumberResolver {
  constructor(private readonly deps: InsightsDeps) {}

  private async status(userId: string, record: PhoneNumberRecord): Promise<PhoneNumberStatus> {
    const { messages } = this.deps.notifications.sms;
    return PhoneNumberStatus.from(record, await messages.sentToday(userId), messages.dailyCap, this.deps.clock.now());
  }

  @Directive(scopes("insights:read"))
  @Query(() => PhoneNumberStatus, { description: "Your phone number for SMS notifications and its verification." })
  async phoneNumber(@Ctx() context: RequestContext): Promise<PhoneNumberStatus> {
    const userId = requireUserId(context);
    return this.status(userId, await this.deps.notifications.sms.phones.get(userId));
  }

  @Directive(scopes("insights:read"))
  @Query(() => [SmsMessageType], { description: "Texts sent to you, newest first, with their delivery status (1 to 100)." })
  async smsMessages(
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
  ): Promise<SmsMessageType[]> {
    const userId = requireUserId(context);
    return (await this.deps.notifications.sms.messages.list(userId, Math.min(Math.max(first, 1), 100))).map(SmsMessageType.from);
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => PhoneNumberStatus, {
    description:
      "Texts a six-digit code to the number (E.164), valid 10 minutes; one code a minute. A number already verified is kept until the new one is confirmed.",
  })
  async startPhoneVerification(
    @Ctx() context: RequestContext,
    @Arg("input", () => StartPhoneVerificationInput) input: StartPhoneVerificationInput,
  ): Promise<PhoneNumberStatus> {
    const userId = requireUserId(context);
    return this.status(userId, await this.deps.notifications.sms.verification.start(userId, input.phoneNumber));
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => PhoneNumberStatus, {
    description: "Confirms the texted code; the number becomes the one SMS notifications go to. 5 tries.",
  })
  async confirmPhoneVerification(
    @Ctx() context: RequestContext,
    @Arg("input", () => ConfirmPhoneVerificationInput) input: ConfirmPhoneVerificationInput,
  ): Promise<PhoneNumberStatus> {
    const userId = requireUserId(context);
    return this.status(userId, await this.deps.notifications.sms.verification.confirm(userId, input.code));
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => Boolean, {
    description: "Forgets your phone number (and any verification in progress); no more texts. False when there was none.",
  })
  async removePhoneNumber(@Ctx() context: RequestContext): Promise<boolean> {
    return this.deps.notifications.sms.verification.remove(requireUserId(context));
  }
}
