import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";

import {
  NOTIFICATION_KINDS,
  type NotificationDigestV1,
  type NotificationKindV1,
  type NotificationPreferencesV1,
} from "../../../schema/events/notifications.js";
import { legacySwitchesOf, withEveryKind } from "./notification-preferences.js";

export const NotificationKind = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, kind])) as { [K in NotificationKindV1]: K };
registerEnumType(NotificationKind, {
  name: "NotificationKind",
  description: "What a notification is about; users choose channels per kind.",
});

export const NotificationDigest = { OFF: "OFF", DAILY: "DAILY", WEEKLY: "WEEKLY" } as const satisfies Record<
  NotificationDigestV1,
  NotificationDigestV1
>;
registerEnumType(NotificationDigest, { name: "NotificationDigest", description: "Batching of low-priority kinds into one e-mail." });

@ObjectType({ description: "The channels one kind of notification reaches the user on." })
export class NotificationKindChoice {
  @Field(() => NotificationKind) kind!: NotificationKindV1;
  @Field(() => Boolean) inApp!: boolean;
  @Field(() => Boolean) email!: boolean;
  @Field(() => Boolean) push!: boolean;
  @Field(() => Boolean, {
    description: "Text message to the verified phone number (startPhoneVerification, then confirmPhoneVerification); off unless chosen.",
  })
  sms!: boolean;
}

@ObjectType({ description: 'Local times "HH:MM" in the user\'s time zone; e-mail and push wait until `end`, in-app does not.' })
export class QuietHours {
  @Field(() => String) start!: string;
  @Field(() => String) end!: string;
}

@ObjectType({
  description:
    "Per-kind channels, quiet hours and digest. The five switches are views over groups of kinds: off turns e-mail, push and SMS off for the group's kinds (in-app stays); weeklySummary is digest WEEKLY.",
})
export class NotificationPreferences {
  @Field(() => Boolean, { description: "BUDGET_THRESHOLD and BUDGET_EXCEEDED reach the user outside the app." }) budgetAlerts!: boolean;
  @Field(() => Boolean, { description: "BILL_DUE, INSTALLMENT_DUE and INSTALLMENT_OVERDUE reach the user outside the app." })
  billReminders!: boolean;
  @Field(() => Boolean, { description: "SAVINGS_GOAL_REACHED and GROUP_GOAL_REACHED reach the user outside the app." })
  goalProgress!: boolean;
  @Field(() => Boolean, { description: "digest is WEEKLY." }) weeklySummary!: boolean;
  @Field(() => Boolean, { description: "NEW_SIGN_IN, MFA_CHANGED and API_KEY_CREATED reach the user outside the app." })
  securityAlerts!: boolean;
  @Field(() => [NotificationKindChoice], { description: "Every kind, in a fixed order." }) kinds!: NotificationKindChoice[];
  @Field(() => QuietHours, { nullable: true }) quietHours!: QuietHours | null;
  @Field(() => NotificationDigest) digest!: NotificationDigestV1;

  static from(stored: NotificationPreferencesV1): NotificationPreferences {
    const preferences = withEveryKind(stored);
    return Object.assign(new NotificationPreferences(), {
      ...legacySwitchesOf(preferences),
      kinds: preferences.kinds.map((choice) => Object.assign(new NotificationKindChoice(), choice)),
      quietHours: preferences.quietHours && Object.assign(new QuietHours(), preferences.quietHours),
      digest: preferences.digest,
    });
  }
}

@InputType({ description: "One kind's channels; channels left out keep their value." })
export class NotificationKindChoiceInput {
  // A string rather than the enum, so an unknown kind is a BAD_USER_INPUT naming its field.
  @Field(() => String, { description: "A NotificationKind value." }) kind!: string;
  @Field(() => Boolean, { nullable: true }) inApp?: boolean | null;
  @Field(() => Boolean, { nullable: true }) email?: boolean | null;
  @Field(() => Boolean, { nullable: true }) push?: boolean | null;
  @Field(() => Boolean, { nullable: true }) sms?: boolean | null;
}

@InputType()
export class QuietHoursInput {
  @Field(() => String, { description: '"HH:MM", 00:00-23:59.' }) start!: string;
  @Field(() => String, { description: '"HH:MM", not equal to start; may be earlier (overnight).' }) end!: string;
}

@InputType({
  description:
    "Fields left out stay as they are. Applied in order: the switches, then kinds (they win for the kinds they name), quietHours (null clears), digest (wins over weeklySummary).",
})
export class UpdateNotificationPreferencesInput {
  @Field(() => Boolean, { nullable: true }) budgetAlerts?: boolean | null;
  @Field(() => Boolean, { nullable: true }) billReminders?: boolean | null;
  @Field(() => Boolean, { nullable: true }) goalProgress?: boolean | null;
  @Field(() => Boolean, { nullable: true }) weeklySummary?: boolean | null;
  @Field(() => Boolean, { nullable: true }) securityAlerts?: boolean | null;
  @Field(() => [NotificationKindChoiceInput], { nullable: true }) kinds?: NotificationKindChoiceInput[] | null;
  @Field(() => QuietHoursInput, { nullable: true }) quietHours?: QuietHoursInput | null;
  @Field(() => NotificationDigest, { nullable: true }) digest?: NotificationDigestV1 | null;
}
