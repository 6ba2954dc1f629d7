import { Field, ID, InputType } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";
import { TransactionKind, TransactionSource, TransactionStatus } from "./transaction.type.js";

@InputType()
export class SplitInput {
  @Field(() => ID, { nullable: true, description: "Null: uncategorised." })
  categoryId?: string | null;

  @Field(() => MoneyInput, { description: "Signed like the transaction; the splits add up to its amount." })
  amount!: MoneyInput;

  @Field(() => String, { nullable: true })
  memo?: string | null;
}

@InputType()
export class PostTransactionInput {
  @Field(() => ID)
  accountId!: string;

  @Field(() => MoneyInput, { description: "Negative for money out (expense), positive for money in (income); in the account's currency." })
  amount!: MoneyInput;

  @Field(() => String, { description: "Calendar date, YYYY-MM-DD, 1900-2100, not before the account's opening date." })
  date!: string;

  @Field(() => String, { nullable: true })
  payee?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: "One category for the whole amount. Leave it out (with no splits) to let rules choose." })
  categoryId?: string | null;

  @Field(() => [SplitInput], { nullable: true, description: "Several categories; they add up to the amount." })
  splits?: SplitInput[] | null;

  @Field(() => TransactionStatus, { nullable: true, description: "Default CLEARED; RECONCILED locks it." })
  status?: TransactionStatus | null;

  @Field(() => String, { nullable: true, description: "Retrying with the same key returns the first result; kept at least 24 hours." })
  idempotencyKey?: string | null;
}

@InputType()
export class TransferInput {
  @Field(() => ID)
  fromAccountId!: string;

  @Field(() => ID)
  toAccountId!: string;

  @Field(() => MoneyInput, { description: "Positive: what leaves the source account, in its currency." })
  amount!: MoneyInput;

  @Field(() => MoneyInput, {
    nullable: true,
    description: "What arrives, in the destination's currency; required when the currencies differ.",
  })
  toAmount?: MoneyInput | null;

  @Field(() => String)
  date!: string;

  @Field(() => String, { nullable: true })
  payee?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => TransactionStatus, { nullable: true })
  status?: TransactionStatus | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType({
  description:
    "Only the fields given change. categoryId or splits replace the category lines; a new amount on a split transaction needs new splits.",
})
export class UpdateTransactionInput {
  @Field(() => ID, { nullable: true, description: "Income/expense only: move to another account of the amount's currency." })
  accountId?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  amount?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: "Transfers across currencies: what arrived." })
  toAmount?: MoneyInput | null;

  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  payee?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => [SplitInput], { nullable: true })
  splits?: SplitInput[] | null;

  @Field(() => TransactionStatus, { nullable: true })
  status?: TransactionStatus | null;
}

@InputType({ description: "Compares the size of amounts, whatever their sign, in one currency." })
export class AmountRangeInput {
  @Field(() => String)
  currency!: string;

  @Field(() => String, { nullable: true, description: "Decimal, inclusive." })
  min?: string | null;

  @Field(() => String, { nullable: true, description: "Decimal, inclusive." })
  max?: string | null;
}

@InputType()
export class TransactionFilter {
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, inclusive." })
  dateFrom?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, inclusive." })
  dateTo?: string | null;

  @Field(() => [ID], { nullable: true, description: "On any of these accounts (as source or destination)." })
  accountIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "With a line in any of these categories or their subcategories." })
  categoryIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Only income/expenses with an uncategorised line." })
  uncategorized?: boolean | null;

  @Field(() => AmountRangeInput, { nullable: true })
  amount?: AmountRangeInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Payees containing this text (any case: "super", "market" and "MARKET" find "Supermarket"), or full-text search over payee and notes (web-search syntax: words, "phrases", -not).',
  })
  search?: string | null;

  @Field(() => [String], { nullable: true, description: "Having every one of these tags." })
  tags?: string[] | null;

  @Field(() => [TransactionStatus], { nullable: true })
  statuses?: TransactionStatus[] | null;

  @Field(() => [TransactionKind], { nullable: true })
  kinds?: TransactionKind[] | null;

  @Field(() => [TransactionSource], { nullable: true, description: "Created by any of these paths (see TransactionSource)." })
  source?: TransactionSource[] | null;

  @Field(() => Boolean, { nullable: true, description: "true: only deleted transactions (to restore them). Default: only live ones." })
  deleted?: boolean | null;
}
