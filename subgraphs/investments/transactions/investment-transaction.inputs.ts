import { Field, ID, InputType } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";
import { InvestmentTransactionType } from "./investment-transaction.type.js";

const SYMBOL =
  "BUY, SELL, SPLIT and DIVIDEND: the security (a BUY or SELL of an unknown symbol creates your own, in the price's currency). INTEREST and FEE: optional. DEPOSIT and WITHDRAWAL: none.";
const QUANTITY = 'BUY and SELL: units, a positive decimal string of up to 18 decimals ("0.5", "1.000000000000000001").';
const PRICE = "BUY and SELL: per unit, positive, in the security's currency.";
const FEE =
  "Not negative, in the price's or amount's currency: a BUY's joins the lot's cost, a SELL's reduces proceeds, on income it is tax withheld.";
const AMOUNT = "DIVIDEND, INTEREST, FEE, DEPOSIT, WITHDRAWAL: positive.";
const RATIO = 'SPLIT: new units per old unit, "2" for 2-for-1, "0.1" for 1-for-10.';
const DATE = "YYYY-MM-DD, from 1900 on, not after today.";

@InputType()
export class RecordInvestmentTransactionInput {
  @Field(() => ID)
  portfolioId!: string;

  @Field(() => InvestmentTransactionType)
  type!: InvestmentTransactionType;

  @Field(() => String, { nullable: true, description: SYMBOL })
  symbol?: string | null;

  @Field(() => String, { nullable: true, description: QUANTITY })
  quantity?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: PRICE })
  price?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: FEE })
  fee?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: AMOUNT })
  amount?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: RATIO })
  splitRatio?: string | null;

  @Field(() => String, { description: DATE })
  date!: string;

  @Field(() => String, { nullable: true, description: "Up to 500 characters." })
  note?: string | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType({ description: "Fields left out stay as they are; null clears one (a BUY made a DIVIDEND clears quantity and price)." })
export class UpdateInvestmentTransactionInput {
  @Field(() => InvestmentTransactionType, { nullable: true })
  type?: InvestmentTransactionType | null;

  @Field(() => String, { nullable: true, description: SYMBOL })
  symbol?: string | null;

  @Field(() => String, { nullable: true, description: QUANTITY })
  quantity?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: PRICE })
  price?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: FEE })
  fee?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: AMOUNT })
  amount?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: RATIO })
  splitRatio?: string | null;

  @Field(() => String, { nullable: true, description: DATE })
  date?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
