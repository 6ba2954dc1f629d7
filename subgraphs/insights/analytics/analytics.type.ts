import { Field, ID, InputType, Int, ObjectType } from "type-graphql";

import { formatAmount, money, MoneyType } from "../../../platform/money/index.js";
import type { Breakdown, PayeeAmount } from "./analytics.service.js";
import type { Comparison } from "./comparison.js";

@InputType({ description: "Calendar days, both included (YYYY-MM-DD, 1900–2100), at most twenty years." })
export class DateRangeInput {
  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;
}

@ObjectType("SeriesPoint", { description: "One point of a chart: a day (a month's points are its first day) and a decimal value." })
export class SeriesPoint {
  @Field(() => String)
  date!: string;

  @Field(() => String, { description: 'A decimal string in the series\' currency ("1234.50"), never a float.' })
  value!: string;

  static of(date: string, minor: bigint, currency: string): SeriesPoint {
    return Object.assign(new SeriesPoint(), { date, value: formatAmount(money(minor, currency)) });
  }
}

@ObjectType("CategoryTotal", {
  description: "A category's money over a range; subcategories folded into their parent unless asked not to.",
})
export class CategoryTotal {
  @Field(() => ID, { nullable: true, description: "Null: lines without a category." })
  categoryId!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => MoneyType, { description: "Spent or received: positive." })
  amount!: MoneyType;

  @Field(() => String, { nullable: true, description: "Of the total, percent, 2 decimals." })
  sharePercent!: string | null;

  @Field(() => Int, { description: "Transactions behind it (a split counts once per category)." })
  transactions!: number;
}

@ObjectType("CategoryBreakdown")
export class CategoryBreakdown {
  @Field(() => String, { description: "The user's base currency: every amount here is in it." })
  currency!: string;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => MoneyType)
  total!: MoneyType;

  @Field(() => [CategoryTotal], { description: "Biggest first." })
  categories!: CategoryTotal[];

  @Field(() => Int, { description: "Lines left out: no amount in the base currency (the ledger had no exchange rate for their day)." })
  unconvertedLines!: number;

  static from(b: Breakdown, share: (part: bigint, total: bigint) => string | null): CategoryBreakdown {
    const m = (minor: bigint) => MoneyType.from(money(minor, b.currency));
    return Object.assign(new CategoryBreakdown(), {
      currency: b.currency,
      from: b.range.from,
      to: b.range.to,
      total: m(b.totalMinor),
      categories: b.items.map((i) =>
        Object.assign(new CategoryTotal(), {
          categoryId: i.categoryId,
          name: i.name,
          amount: m(i.amountMinor),
          sharePercent: share(i.amountMinor, b.totalMinor),
          transactions: i.transactions,
        }),
      ),
      unconvertedLines: b.unconverted,
    });
  }
}

@ObjectType("PayeeTotal")
export class PayeeTotal {
  @Field(() => String, {
    description: "The payee as first written; payees the same after normalizing (store numbers, card prefixes) count together.",
  })
  payee!: string;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => Int)
  transactions!: number;

  static from(p: PayeeAmount, currency: string): PayeeTotal {
    return Object.assign(new PayeeTotal(), {
      payee: p.payee,
      amount: MoneyType.from(money(p.amountMinor, currency)),
      transactions: p.transactions,
    });
  }
}

@ObjectType("MonthlyTrend", { description: "Ready to plot: one point per month, months without money included as 0." })
export class MonthlyTrend {
  @Field(() => String)
  currency!: string;

  @Field(() => [SeriesPoint])
  income!: SeriesPoint[];

  @Field(() => [SeriesPoint])
  spending!: SeriesPoint[];

  @Field(() => [SeriesPoint], { description: "Income − spending." })
  net!: SeriesPoint[];
}

@ObjectType("CategoryChange")
export class CategoryChange {
  @Field(() => ID, { nullable: true })
  categoryId!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => MoneyType)
  current!: MoneyType;

  @Field(() => MoneyType)
  previous!: MoneyType;

  @Field(() => MoneyType)
  change!: MoneyType;

  @Field(() => String, { nullable: true, description: "Change / previous, percent; null when there was nothing before." })
  changePercent!: string | null;
}

@ObjectType("PeriodComparison", { description: "Spending in two periods, and the categories that moved most (either way) first." })
export class PeriodComparison {
  @Field(() => String)
  currency!: string;

  @Field(() => String)
  currentFrom!: string;

  @Field(() => String)
  currentTo!: string;

  @Field(() => String)
  previousFrom!: string;

  @Field(() => String)
  previousTo!: string;

  @Field(() => MoneyType)
  current!: MoneyType;

  @Field(() => MoneyType)
  previous!: MoneyType;

  @Field(() => MoneyType)
  change!: MoneyType;

  @Field(() => String, { nullable: true })
  changePercent!: string | null;

  @Field(() => [CategoryChange])
  categories!: CategoryChange[];

  static from(
    c: Comparison,
    currency: string,
    current: { from: string; to: string },
    previous: { from: string; to: string },
  ): PeriodComparison {
    const m = (minor: bigint) => MoneyType.from(money(minor, currency));
    return Object.assign(new PeriodComparison(), {
      currency,
      currentFrom: current.from,
      currentTo: current.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      current: m(c.currentMinor),
      previous: m(c.previousMinor),
      change: m(c.changeMinor),
      changePercent: c.changePercent,
      categories: c.categories.map((x) =>
        Object.assign(new CategoryChange(), {
          categoryId: x.categoryId,
          name: x.name,
          current: m(x.currentMinor),
          previous: m(x.previousMinor),
          change: m(x.changeMinor),
          changePercent: x.changePercent,
        }),
      ),
    });
  }
}

@ObjectType("SavingsRate")
export class SavingsRate {
  @Field(() => MoneyType)
  income!: MoneyType;

  @Field(() => MoneyType)
  spending!: MoneyType;

  @Field(() => MoneyType, { description: "Income − spending." })
  saved!: MoneyType;

  @Field(() => String, { nullable: true, description: "Saved / income, percent, 2 decimals; null without income." })
  ratePercent!: string | null;
}

@ObjectType("NetWorthHistory", { description: "Net worth at the end of each day asked for, in the base currency." })
export class NetWorthHistory {
  @Field(() => String)
  currency!: string;

  @Field(() => [SeriesPoint])
  netWorth!: SeriesPoint[];

  @Field(() => [SeriesPoint])
  assets!: SeriesPoint[];

  @Field(() => [SeriesPoint])
  liabilities!: SeriesPoint[];

  @Field(() => [SeriesPoint], {
    description:
      "The investments part: your portfolios at their last known value (holdings, plus cash unless a linked ledger account holds it, which the balances count); in assets, or liabilities if below zero.",
  })
  investments!: SeriesPoint[];

  @Field(() => Int, { description: "Accounts, loans and portfolios in another currency, left out (not converted)." })
  leftOut!: number;
}
