import { Field, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import { Security } from "../securities/security.type.js";

export enum ValueInterval {
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
}
registerEnumType(ValueInterval, { name: "ValueInterval", description: "Spacing of a value history's points, from `from` on." });

export enum AllocationDimension {
  SECURITY = "SECURITY",
  KIND = "KIND",
  CURRENCY = "CURRENCY",
}
registerEnumType(AllocationDimension, { name: "AllocationDimension" });

@ObjectType("PortfolioPerformance", {
  description:
    "Conventions: the start value counts at the start of `from` (the end of the day before), the end value at the end of `to` (dated the day after, as hledger does), flows on their own day: money put in at the start of its day, money taken out at its end. External flows are DEPOSIT and WITHDRAWAL when the portfolio holds cash; otherwise a BUY is money put in (with its fee), a SELL money taken out (after its fee), income money taken out and a FEE money put in. Amounts in the portfolio's currency, each flow converted at its day's rate.",
})
export class PortfolioPerformance {
  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Time-weighted return over the whole period, not annualised: sub-period returns chained, split at every external flow. Percent, 2 decimals half-up ("12.72"); null when nothing was invested.',
  })
  timeWeightedReturn!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Money-weighted return: the annualised internal rate of return (XIRR, actual/365) of the start value, the flows and the end value. Percent, 2 decimals; null when there is none to find.",
  })
  moneyWeightedReturn!: string | null;

  @Field(() => MoneyType, { description: "Value at the start of `from`." })
  startValue!: MoneyType;

  @Field(() => MoneyType, { description: "Value at the end of `to`." })
  endValue!: MoneyType;

  @Field(() => MoneyType, { description: "Money put in minus money taken out during the period." })
  netContributions!: MoneyType;

  @Field(() => MoneyType, { description: "endValue − startValue − netContributions." })
  gain!: MoneyType;

  @Field(() => MoneyType, { description: "Dividends received in the period (before tax withheld)." })
  dividends!: MoneyType;

  @Field(() => MoneyType, { description: "Every fee paid in the period, trades' included." })
  fees!: MoneyType;
}

@ObjectType("PortfolioValuePoint")
export class PortfolioValuePoint {
  @Field(() => String, { description: "YYYY-MM-DD: the value is at the end of this day." })
  date!: string;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      "Null when a held security has no close on or before the day (missingPrice) or a currency no rate (missingRate): reported, never guessed.",
  })
  value!: MoneyType | null;

  @Field(() => MoneyType, {
    nullable: true,
    description: "Money put in minus taken out from the start of `from` through the day; null once a flow could not be converted.",
  })
  netContributions!: MoneyType | null;

  @Field(() => Security, { nullable: true })
  missingPrice!: Security | null;

  missingSecurityId!: string | null;

  @Field(() => String, { nullable: true, description: "The currency without a rate into the portfolio's." })
  missingRate!: string | null;
}

@ObjectType("AllocationSlice")
export class AllocationSlice {
  @Field(() => String, { description: "The security id, the kind, or the currency; CASH for cash by security." })
  key!: string;

  @Field(() => String, { description: "The symbol, the kind, the currency, or Cash." })
  label!: string;

  @Field(() => MoneyType, { description: "In the portfolio's currency." })
  value!: MoneyType;

  @Field(() => String, { nullable: true, description: "Percent of the total, 2 decimals; null when the total is zero." })
  percent!: string | null;
}
