import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

import { MoneyInput, MoneyType } from "../../../platform/money/index.js";
import type { ScheduleEntity } from "./schedule.entity.js";

export enum Frequency {
  DAILY = "DAILY",
  WEEKLY = "WEEKLY",
  MONTHLY = "MONTHLY",
  YEARLY = "YEARLY",
}
registerEnumType(Frequency, { name: "Frequency" });

@ObjectType("RecurringTransaction", { description: "A schedule the ledger posts by itself, exactly once per occurrence." })
export class RecurringTransaction {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => ID, { nullable: true })
  categoryId!: string | null;

  @Field(() => MoneyType, { description: "Negative for a bill." })
  amount!: MoneyType;

  @Field(() => String)
  payee!: string;

  @Field(() => String)
  notes!: string;

  @Field(() => Frequency)
  frequency!: Frequency;

  @Field(() => Int, { description: "Every N days/weeks/months/years." })
  interval!: number;

  @Field(() => Int, { nullable: true, description: "MONTHLY: the day; 29-31 fall on the last day of shorter months." })
  dayOfMonth!: number | null;

  @Field(() => String)
  startDate!: string;

  @Field(() => String, { nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: "The next occurrence to post; null once ended." })
  nextDue!: string | null;

  @Field(() => Int)
  remindDaysBefore!: number;

  static from(s: ScheduleEntity): RecurringTransaction {
    return Object.assign(new RecurringTransaction(), {
      id: s.id,
      accountId: s.accountId,
      categoryId: s.categoryId,
      amount: MoneyType.from({ amountMinor: s.amountMinor, currency: s.currency }),
      payee: s.payee,
      notes: s.notes,
      frequency: s.frequency as Frequency,
      interval: s.interval,
      dayOfMonth: s.dayOfMonth,
      startDate: s.startDate,
      endDate: s.endDate,
      nextDue: s.nextDue,
      remindDaysBefore: s.remindDaysBefore,
    });
  }
}

@ObjectType("UpcomingBill")
export class UpcomingBill {
  @Field(() => String)
  dueDate!: string;

  @Field(() => RecurringTransaction)
  recurring!: RecurringTransaction;
}

@InputType()
export class RecurringTransactionInput {
  @Field(() => ID)
  accountId!: string;

  @Field(() => MoneyInput, { description: "Negative for a bill, positive for income." })
  amount!: MoneyInput;

  @Field(() => String, { nullable: true })
  payee?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => Frequency)
  frequency!: Frequency;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  interval?: number | null;

  @Field(() => Int, { nullable: true })
  dayOfMonth?: number | null;

  @Field(() => String, { description: "YYYY-MM-DD. Occurrences before the day it is created are not back-posted." })
  startDate!: string;

  @Field(() => String, { nullable: true })
  endDate?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 3, description: "Days before a bill's occurrence its BillDue event goes out." })
  remindDaysBefore?: number | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}
