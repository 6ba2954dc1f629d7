import { Directive, Field, InputType, ObjectType } from "type-graphql";

import { formatAmount, type Money, parseAmount } from "./money.js";

/** The one GraphQL shape of money, shared by every subgraph (a value type, hence @shareable). */
@Directive("@shareable")
@ObjectType("Money", { description: "An amount of money: a decimal string in the currency's minor-unit precision." })
export class MoneyType {
  @Field(() => String, { description: 'Decimal string, e.g. "-12.30"; never a float.' })
  amount!: string;

  @Field(() => String, { description: "ISO-4217 currency code." })
  currency!: string;

  static from(value: Money): MoneyType {
    const out = new MoneyType();
    out.amount = formatAmount(value);
    out.currency = value.currency;
    return out;
  }
}

@InputType("MoneyInput")
export class MoneyInput {
  @Field(() => String, { description: 'Decimal string, e.g. "12.30".' })
  amount!: string;

  @Field(() => String, { description: "ISO-4217 currency code." })
  currency!: string;

  /** Validates and converts; throws BAD_USER_INPUT on a malformed amount or unknown currency. */
  toMoney(): Money {
    return parseAmount(this.amount, this.currency);
  }
}
