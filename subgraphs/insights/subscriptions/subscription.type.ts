import { Field, ID, Int, ObjectType } from "type-graphql";

import { money, MoneyType } from "../../../platform/money/index.js";
import type { RecurringSeries } from "../recurring/index.js";

@ObjectType("PriceIncrease")
export class PriceIncrease {
  @Field(() => String, { description: "The first charge at the new price." })
  date!: string;

  @Field(() => MoneyType)
  from!: MoneyType;

  @Field(() => MoneyType)
  to!: MoneyType;
}

@ObjectType("DetectedSubscription", {
  description:
    "A recurring charge (or income) found in your history: the same merchant every week, two weeks, month, quarter or year within ±2 days, " +
    "amounts within ±7.5 % of the usual one.",
})
export class DetectedSubscription {
  @Field(() => ID, { description: "Stable while the series keeps its first charge." })
  id!: string;

  @Field(() => String, { description: "The payee of the latest charge." })
  merchant!: string;

  @Field(() => String, { description: "EXPENSE or INCOME." })
  kind!: string;

  @Field(() => String, { description: "WEEKLY, BIWEEKLY, MONTHLY, QUARTERLY or YEARLY." })
  cadence!: string;

  @Field(() => MoneyType, { description: "The usual amount at the current price (positive)." })
  typicalAmount!: MoneyType;

  @Field(() => MoneyType)
  lastAmount!: MoneyType;

  @Field(() => String)
  lastDate!: string;

  @Field(() => String, { nullable: true, description: "Null once the series has stopped." })
  nextExpectedDate!: string | null;

  @Field(() => MoneyType, { description: "The usual amount times the charges in a year." })
  yearlyCost!: MoneyType;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => Int, { description: "Expected charges that never came." })
  missedCharges!: number;

  @Field(() => [PriceIncrease])
  priceIncreases!: PriceIncrease[];

  @Field(() => [ID], { description: "The transactions of the series, oldest first." })
  transactionIds!: string[];

  static from(s: RecurringSeries, currency: string): DetectedSubscription {
    const m = (minor: bigint) => MoneyType.from(money(minor, currency));
    return Object.assign(new DetectedSubscription(), {
      id: s.key,
      merchant: s.payee,
      kind: s.kind,
      cadence: s.cadence,
      typicalAmount: m(s.typicalAmountMinor),
      lastAmount: m(s.lastAmountMinor),
      lastDate: s.lastDate,
      nextExpectedDate: s.nextExpectedDate,
      yearlyCost: m(s.yearlyCostMinor),
      active: s.active,
      missedCharges: s.missedOccurrences,
      priceIncreases: s.priceIncreases.map((p) =>
        Object.assign(new PriceIncrease(), { date: p.date, from: m(p.fromAmountMinor), to: m(p.toAmountMinor) }),
      ),
      transactionIds: s.occurrences.map((o) => o.transactionId),
    });
  }
}
