import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

import { money, MoneyType } from "../../../platform/money/index.js";
import type { AnswerFigures } from "./answer.text.js";
import type { AskOutcome } from "./ask.service.js";
import type { Capability, InsightQuery } from "./index.js";

export enum AskQueryKind {
  SPENDING_TOTAL = "SPENDING_TOTAL",
  INCOME_TOTAL = "INCOME_TOTAL",
  TOP_EXPENSES = "TOP_EXPENSES",
  COMPARE = "COMPARE",
  SPENDING_BY_CATEGORY = "SPENDING_BY_CATEGORY",
  SAVINGS_RATE = "SAVINGS_RATE",
}
registerEnumType(AskQueryKind, { name: "AskQueryKind", description: "The analytics a question was read as." });

export enum AskMeasure {
  SPENDING = "SPENDING",
  INCOME = "INCOME",
}
registerEnumType(AskMeasure, { name: "AskMeasure" });

export enum AskProblem {
  EMPTY = "EMPTY",
  TOO_LONG = "TOO_LONG",
  NOT_UNDERSTOOD = "NOT_UNDERSTOOD",
  UNKNOWN_CATEGORY = "UNKNOWN_CATEGORY",
  UNKNOWN_PAYEE = "UNKNOWN_PAYEE",
  FUTURE_PERIOD = "FUTURE_PERIOD",
  UNCLEAR_PERIOD = "UNCLEAR_PERIOD",
}
registerEnumType(AskProblem, { name: "AskProblem", description: "Why a question was not answered." });

@ObjectType("AskQuery", { description: "The query a question was read as: what ran, over which days, for which categories or payee." })
export class AskQuery {
  @Field(() => AskQueryKind)
  kind!: AskQueryKind;

  @Field(() => AskMeasure, { nullable: true, description: "COMPARE only: spending or income." })
  measure!: AskMeasure | null;

  @Field(() => String, { description: "First day (a comparison's first period), YYYY-MM-DD." })
  from!: string;

  @Field(() => String, { description: "Last day, never after your today." })
  to!: string;

  @Field(() => String, { nullable: true, description: "COMPARE only: the period compared with." })
  fromB!: string | null;

  @Field(() => String, { nullable: true })
  toB!: string | null;

  @Field(() => [ID], { description: "The categories asked about (their subcategories count too); empty: all." })
  categoryIds!: string[];

  @Field(() => [String])
  categoryNames!: string[];

  @Field(() => String, {
    nullable: true,
    description: "The payee asked about, as you recorded it; payees the same after normalizing count too.",
  })
  payee!: string | null;

  @Field(() => Int, { nullable: true, description: "TOP_EXPENSES only: how many." })
  limit!: number | null;

  static from(q: InsightQuery): AskQuery {
    const [range, rangeB] = q.kind === "COMPARE" ? [q.rangeA, q.rangeB] : [q.range, null];
    const categories = "categories" in q ? (q.categories ?? []) : [];
    return Object.assign(new AskQuery(), {
      kind: q.kind as AskQueryKind,
      measure: q.kind === "COMPARE" ? (q.measure as AskMeasure) : null,
      from: range.from,
      to: range.to,
      fromB: rangeB?.from ?? null,
      toB: rangeB?.to ?? null,
      categoryIds: categories.map((c) => c.id),
      categoryNames: categories.map((c) => c.name),
      payee: "payee" in q ? (q.payee ?? null) : null,
      limit: q.kind === "TOP_EXPENSES" ? q.limit : null,
    });
  }
}

@ObjectType("AskItem", { description: "One line behind an answer: an expense, or a category's total." })
export class AskItem {
  @Field(() => String, { description: "The payee of an expense, or the category's name." })
  label!: string;

  @Field(() => MoneyType, { description: "Positive." })
  amount!: MoneyType;

  @Field(() => String, { nullable: true, description: "An expense's day." })
  date!: string | null;

  @Field(() => ID, { nullable: true, description: "An expense's transaction." })
  transactionId!: string | null;

  @Field(() => ID, { nullable: true, description: "A category's id; null for an expense, or for uncategorised lines." })
  categoryId!: string | null;

  @Field(() => String, { nullable: true, description: "A category's share of the total, percent, 2 decimals." })
  sharePercent!: string | null;
}

@ObjectType("AskData", { description: "The figures behind an answer, in your base currency; each kind of question fills its own." })
export class AskData {
  @Field(() => String)
  currency!: string;

  @Field(() => MoneyType, {
    nullable: true,
    description: "Spent or received (a comparison's first period), or, for a savings rate, what was saved.",
  })
  total!: MoneyType | null;

  @Field(() => MoneyType, { nullable: true, description: "A comparison's second period." })
  totalB!: MoneyType | null;

  @Field(() => MoneyType, { nullable: true, description: "total − totalB." })
  change!: MoneyType | null;

  @Field(() => String, { nullable: true, description: "change / totalB, percent; null when totalB is 0." })
  changePercent!: string | null;

  @Field(() => MoneyType, { nullable: true, description: "SAVINGS_RATE: income over the period." })
  income!: MoneyType | null;

  @Field(() => MoneyType, { nullable: true, description: "SAVINGS_RATE: spending over the period." })
  spending!: MoneyType | null;

  @Field(() => String, { nullable: true, description: "SAVINGS_RATE: saved / income, percent, 2 decimals; null without income." })
  ratePercent!: string | null;

  @Field(() => [AskItem], {
    description: "TOP_EXPENSES: the expenses, largest first; SPENDING_BY_CATEGORY: the categories, largest first.",
  })
  items!: AskItem[];

  @Field(() => Int, { description: "Lines left out: the ledger had no exchange rate to your base currency for their day." })
  unconvertedLines!: number;

  static from(f: AnswerFigures): AskData {
    const m = (minor: bigint | null) => (minor === null ? null : MoneyType.from(money(minor, f.currency)));
    return Object.assign(new AskData(), {
      currency: f.currency,
      total: m(f.totalMinor),
      totalB: m(f.totalBMinor),
      change: m(f.changeMinor),
      changePercent: f.changePercent,
      income: m(f.incomeMinor),
      spending: m(f.spendingMinor),
      ratePercent: f.ratePercent,
      items: f.items.map((i) =>
        Object.assign(new AskItem(), {
          label: i.label,
          amount: m(i.amountMinor),
          date: i.date,
          transactionId: i.transactionId,
          categoryId: i.categoryId,
          sharePercent: i.sharePercent,
        }),
      ),
      unconvertedLines: f.unconverted,
    });
  }
}

@ObjectType("AskCapability", { description: "A kind of question that can be asked, with questions that ask it." })
export class AskCapability {
  @Field(() => AskQueryKind)
  kind!: AskQueryKind;

  @Field(() => String)
  description!: string;

  @Field(() => [String])
  examples!: string[];

  static from(c: Capability): AskCapability {
    return Object.assign(new AskCapability(), { kind: c.kind as AskQueryKind, description: c.description, examples: [...c.examples] });
  }
}

@ObjectType("Answer", { description: "The answer to a question in plain words, the query it was read as, and the figures behind it." })
export class Answer {
  @Field(() => Boolean)
  understood!: boolean;

  @Field(() => String, { description: "The answer in words; when not understood, why, and what to ask instead." })
  text!: string;

  @Field(() => String, { nullable: true, description: 'The query in words, e.g. "Spending in Restaurants from 2026-10-01 to 2026-10-31".' })
  interpretation!: string | null;

  @Field(() => AskQuery, { nullable: true })
  query!: AskQuery | null;

  @Field(() => AskData, { nullable: true })
  data!: AskData | null;

  @Field(() => AskProblem, { nullable: true, description: "Why it was not understood." })
  problem!: AskProblem | null;

  @Field(() => String, { nullable: true, description: "The words that named no category or payee of yours." })
  unmatched!: string | null;

  @Field(() => [AskCapability], { description: "What can be asked: listed when the question was not understood, empty otherwise." })
  capabilities!: AskCapability[];

  static from(outcome: AskOutcome): Answer {
    if (!outcome.understood) {
      const u = outcome.unanswered;
      return Object.assign(new Answer(), {
        understood: false,
        text: u.message,
        interpretation: null,
        query: null,
        data: null,
        problem: u.reason as AskProblem,
        unmatched: u.unmatched ?? null,
        capabilities: u.capabilities.map((c) => AskCapability.from(c)),
      });
    }
    return Object.assign(new Answer(), {
      understood: true,
      text: outcome.text,
      interpretation: outcome.interpretation,
      query: AskQuery.from(outcome.query),
      data: AskData.from(outcome.figures),
      problem: null,
      unmatched: null,
      capabilities: [],
    });
  }
}
