import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

import { PageInfo } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import { AppliedCategorySuggestion } from "../suggestions/suggestion.type.js";
import { UserRef } from "../users/user.type.js";
import type { PostingEntity } from "./posting.entity.js";
import type { TransactionEntity } from "./transaction.entity.js";

export enum TransactionKind {
  INCOME = "INCOME",
  EXPENSE = "EXPENSE",
  TRANSFER = "TRANSFER",
}
registerEnumType(TransactionKind, { name: "TransactionKind" });

export enum TransactionStatus {
  PENDING = "PENDING",
  CLEARED = "CLEARED",
  RECONCILED = "RECONCILED",
}
registerEnumType(TransactionStatus, { name: "TransactionStatus" });

export enum TransactionSource {
  MANUAL = "MANUAL",
  IMPORT = "IMPORT",
  BANK_SYNC = "BANK_SYNC",
  RECEIPT = "RECEIPT",
  RECURRING = "RECURRING",
  GROUP = "GROUP",
  LENDING = "LENDING",
  RULE = "RULE",
}
registerEnumType(TransactionSource, {
  name: "TransactionSource",
  description: "Where a transaction came from; set when it is created, kept through edits.",
  valuesConfig: {
    MANUAL: { description: "Posted or transferred by the user (postTransaction, transferBetweenAccounts)." },
    IMPORT: { description: "From an uploaded statement file (importTransactions)." },
    BANK_SYNC: { description: "Fetched from a connected bank." },
    RECEIPT: { description: "Created by confirming a scanned receipt." },
    RECURRING: { description: "Posted by a recurring schedule on its due date." },
    GROUP: { description: "Booked from a group expense or settlement." },
    LENDING: { description: "Booked from a loan payment." },
    RULE: { description: "Reserved for transactions created by rules; rules only rename, categorise and tag today." },
  },
});

export enum PostingRole {
  ACCOUNT = "ACCOUNT",
  CATEGORY = "CATEGORY",
  TRADING = "TRADING",
}
registerEnumType(PostingRole, {
  name: "PostingRole",
  description: "ACCOUNT legs move a balance; CATEGORY legs are the income/expense side; TRADING legs balance a transfer across currencies.",
});

@Directive('@key(fields: "id")')
@ObjectType("Transaction", {
  description: "Money in, out or between the caller's accounts, booked as postings that sum to zero per currency.",
})
export class Transaction {
  @Field(() => ID)
  id!: string;

  @Field(() => TransactionKind)
  kind!: TransactionKind;

  @Field(() => String, { description: "Calendar date, YYYY-MM-DD." })
  date!: string;

  @Field(() => MoneyType, {
    description: "The change to the account's balance: negative for money out (a transfer: what left the source).",
  })
  amount!: MoneyType;

  @Field(() => String, { description: "Payee or merchant." })
  payee!: string;

  @Field(() => String)
  notes!: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => TransactionStatus)
  status!: TransactionStatus;

  @Field(() => TransactionSource, { description: "Where it came from; editing it does not change this." })
  source!: TransactionSource;

  @Field(() => Boolean, { description: "Reconciled and locked: edits and deletion are refused until unlockTransaction." })
  locked!: boolean;

  @Field(() => Boolean)
  deleted!: boolean;

  @Field(() => [ID], { description: "The rules that touched it, in the order they ran." })
  appliedRuleIds!: string[];

  @Field(() => AppliedCategorySuggestion, {
    nullable: true,
    description:
      "Set while its category is one insights suggested and the ledger applied, unconfirmed: null once undone or the category is changed.",
  })
  categorySuggestion!: AppliedCategorySuggestion | null;

  @Field(() => MoneyType, { nullable: true, description: "Transfers: what arrived on the destination account, in its currency." })
  toAmount!: MoneyType | null;

  @Field(() => String, { description: "When it was recorded (ISO 8601)." })
  createdAt!: string;

  @Field(() => UserRef, { description: "Resolved by the identity subgraph." })
  owner!: UserRef;

  /** For field resolvers: ids the GraphQL fields resolve through loaders. */
  accountId!: string;
  toAccountId!: string | null;
  toAmountMinor!: bigint | null;
  toCurrency!: string | null;
  amountMinor!: bigint;
  currency!: string;
  userId!: string;

  static from(entity: TransactionEntity): Transaction {
    return Object.assign(new Transaction(), {
      id: entity.id,
      kind: entity.kind as TransactionKind,
      date: entity.date,
      amount: MoneyType.from({ amountMinor: entity.amountMinor, currency: entity.currency }),
      payee: entity.payee,
      notes: entity.notes,
      tags: entity.tags,
      status: entity.status as TransactionStatus,
      locked: entity.locked,
      source: entity.source as TransactionSource,
      deleted: entity.deletedAt !== null,
      appliedRuleIds: entity.appliedRuleIds,
      categorySuggestion: AppliedCategorySuggestion.of(entity),
      toAmount:
        entity.counterAmountMinor !== null && entity.counterCurrency
          ? MoneyType.from({ amountMinor: entity.counterAmountMinor, currency: entity.counterCurrency })
          : null,
      createdAt: entity.createdAt.toISOString(),
      owner: Object.assign(new UserRef(), { id: entity.userId }),
      accountId: entity.accountId,
      toAccountId: entity.counterAccountId,
      toAmountMinor: entity.counterAmountMinor,
      toCurrency: entity.counterCurrency,
      amountMinor: entity.amountMinor,
      currency: entity.currency,
      userId: entity.userId,
    });
  }
}

@ObjectType("Split", { description: "One category line of an income or expense, signed like the transaction." })
export class Split {
  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => String)
  memo!: string;

  categoryId!: string | null;

  static from(leg: PostingEntity): Split {
    return Object.assign(new Split(), {
      amount: MoneyType.from({ amountMinor: -leg.amountMinor, currency: leg.currency }),
      memo: leg.memo,
      categoryId: leg.categoryId,
    });
  }
}

@ObjectType("Posting", { description: "One leg of the double entry." })
export class Posting {
  @Field(() => PostingRole)
  role!: PostingRole;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => String)
  memo!: string;

  accountId!: string | null;
  categoryId!: string | null;

  static from(leg: PostingEntity): Posting {
    return Object.assign(new Posting(), {
      role: leg.role as PostingRole,
      amount: MoneyType.from({ amountMinor: leg.amountMinor, currency: leg.currency }),
      memo: leg.memo,
      accountId: leg.accountId,
      categoryId: leg.categoryId,
    });
  }
}

@ObjectType("TransactionEdge")
export class TransactionEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Transaction)
  node!: Transaction;
}

@ObjectType("CurrencyTotals", { description: "Income and expenses of one currency; transfers count in neither." })
export class CurrencyTotals {
  @Field(() => String)
  currency!: string;

  @Field(() => MoneyType)
  income!: MoneyType;

  @Field(() => MoneyType, { description: "Negative." })
  expense!: MoneyType;

  @Field(() => MoneyType)
  net!: MoneyType;
}

@ObjectType("TransactionTotals")
export class TransactionTotals {
  @Field(() => Int, { description: "Transactions matching the filter, every page together." })
  count!: number;

  @Field(() => [CurrencyTotals])
  byCurrency!: CurrencyTotals[];
}

@ObjectType("TransactionConnection")
export class TransactionConnection {
  @Field(() => [TransactionEdge])
  edges!: TransactionEdge[];

  @Field(() => [Transaction])
  nodes!: Transaction[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** The filter the page was read with; `totals` is only computed when selected. */
  filterKey!: unknown;
}
