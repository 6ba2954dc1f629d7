import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import { formatQuantity } from "../quantities/index.js";
import type { ActivityRecord } from "./activity-record.js";

export enum InvestmentTransactionType {
  BUY = "BUY",
  SELL = "SELL",
  DIVIDEND = "DIVIDEND",
  INTEREST = "INTEREST",
  FEE = "FEE",
  SPLIT = "SPLIT",
  DEPOSIT = "DEPOSIT",
  WITHDRAWAL = "WITHDRAWAL",
}
registerEnumType(InvestmentTransactionType, {
  name: "InvestmentTransactionType",
  valuesConfig: {
    BUY: { description: "Opens a lot: quantity at price, the fee added to its cost." },
    SELL: { description: "Closes lots by the portfolio's cost basis method; the fee reduces the proceeds." },
    DIVIDEND: { description: "Cash paid by a security (amount); fee: tax withheld." },
    INTEREST: { description: "Interest (amount), on a security or on the cash." },
    FEE: { description: "A fee paid (amount), on a security or on the portfolio." },
    SPLIT: { description: "splitRatio new units per old unit: quantities scale, cost stays." },
    DEPOSIT: { description: "Cash put into the portfolio (amount): the portfolio then holds cash." },
    WITHDRAWAL: { description: "Cash taken out of the portfolio (amount)." },
  },
});

@ObjectType("InvestmentTransaction", { description: "One line of a portfolio's activity." })
export class InvestmentTransaction {
  @Field(() => ID)
  id!: string;

  portfolioId!: string;
  securityId!: string | null;

  @Field(() => InvestmentTransactionType)
  type!: InvestmentTransactionType;

  @Field(() => String, { description: "YYYY-MM-DD." })
  date!: string;

  @Field(() => String, { nullable: true, description: "BUY and SELL: units, decimal string." })
  quantity!: string | null;

  @Field(() => MoneyType, { nullable: true, description: "BUY and SELL: per unit." })
  price!: MoneyType | null;

  @Field(() => MoneyType, { description: "Zero when there was none." })
  fee!: MoneyType;

  @Field(() => MoneyType, { nullable: true, description: "BUY and SELL: quantity × price rounded once; cash types: the amount." })
  amount!: MoneyType | null;

  @Field(() => String, { nullable: true, description: "SPLIT: new units per old unit." })
  splitRatio!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  static from(record: ActivityRecord, grossMinor: bigint | null): InvestmentTransaction {
    const money = (minor: bigint | null) => (minor === null ? null : MoneyType.from({ amountMinor: minor, currency: record.currency }));
    return Object.assign(new InvestmentTransaction(), {
      id: record.id,
      portfolioId: record.portfolioId,
      securityId: record.securityId,
      type: record.type as InvestmentTransactionType,
      date: record.date,
      quantity: record.quantity === null ? null : formatQuantity(record.quantity),
      price: money(record.priceMinor),
      fee: money(record.feeMinor)!,
      amount: money(grossMinor ?? record.amountMinor),
      splitRatio: record.splitRatio === null ? null : formatQuantity(record.splitRatio),
      note: record.note,
    });
  }
}

@ObjectType("InvestmentTransactionEdge")
export class InvestmentTransactionEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => InvestmentTransaction)
  node!: InvestmentTransaction;
}
