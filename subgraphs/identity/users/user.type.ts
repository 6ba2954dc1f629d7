import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

import { NotificationPreferences } from "../notifications/notification-preferences.type.js";
import type { UserEntity } from "./user.entity.js";

@ObjectType({ description: "Settings other subgraphs use for money and periods." })
export class FinancialPreferences {
  @Field(() => String, { description: "ISO-4217 currency totals are reported in." })
  baseCurrency!: string;

  @Field(() => Int, { description: "ISO weekday a week starts on: 1 = Monday … 7 = Sunday." })
  firstDayOfWeek!: number;

  @Field(() => Int, { description: "Day of the month a budgeting month starts (1–28)." })
  monthStartDay!: number;

  @Field(() => Int, { nullable: true, description: "Day of the month salary usually arrives (1–31)." })
  salaryDay!: number | null;
}

@ObjectType({ description: "The account's security state, visible to its owner." })
export class AccountSecurity {
  @Field(() => Boolean)
  emailVerified!: boolean;

  @Field(() => Boolean)
  mfaEnabled!: boolean;

  @Field(() => Date, { nullable: true, description: "Set while sign-in is locked after repeated failures; lifts by itself." })
  lockedUntil!: Date | null;

  @Field(() => Boolean)
  hasPassword!: boolean;

  /** Owner, for field resolvers added by feature modules; not exposed. */
  userId!: string;
}

/** The person using Moneta. Identity owns it; every other subgraph extends it by id. */
@Directive('@key(fields: "id")')
@ObjectType("User")
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { description: "IANA time zone." })
  timezone!: string;

  @Field(() => String, { description: "BCP 47 locale." })
  locale!: string;

  @Field(() => FinancialPreferences)
  preferences!: FinancialPreferences;

  @Field(() => NotificationPreferences)
  notificationPreferences!: NotificationPreferences;

  @Field(() => Date)
  createdAt!: Date;

  /** Kept for field resolvers (security state); not exposed. */
  entity!: UserEntity;

  static from(entity: UserEntity): User {
    return Object.assign(new User(), {
      id: entity.id,
      email: entity.email,
      displayName: entity.displayName,
      timezone: entity.timezone,
      locale: entity.locale,
      preferences: Object.assign(new FinancialPreferences(), {
        baseCurrency: entity.baseCurrency,
        firstDayOfWeek: entity.firstDayOfWeek,
        monthStartDay: entity.monthStartDay,
        salaryDay: entity.salaryDay,
      }),
      notificationPreferences: NotificationPreferences.from(entity.notificationPreferences),
      createdAt: entity.createdAt,
      entity,
    });
  }
}
