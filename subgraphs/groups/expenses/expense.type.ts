import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

import { PageInfo } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import { GroupMember } from "../members/member.type.js";
import type { ExpenseEntity } from "./expense.entity.js";

export enum SplitModeValue {
  EQUAL = "EQUAL",
  SHARES = "SHARES",
  EXACT = "EXACT",
  PERCENT = "PERCENT",
}
registerEnumType(SplitModeValue, {
  name: "SplitMode",
  description:
    'EQUAL: the same for each part (value ignored). SHARES: in proportion to each value ("1", "1.5"). EXACT: each value an amount, adding up to the expense. PERCENT: each value in basis points, adding up to 10000.',
});

@Directive('@key(fields: "id")')
@ObjectType("GroupExpense", { description: "Something the group paid for, who paid it and who owes what." })
export class GroupExpense {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => String)
  description!: string;

  @Field(() => MoneyType, { description: "In the currency it was paid in." })
  amount!: MoneyType;

  @Field(() => String, { nullable: true, description: "Group-currency units per unit of amount's currency; null when they are the same." })
  exchangeRate!: string | null;

  @Field(() => String, { description: "YYYY-MM-DD." })
  date!: string;

  @Field(() => SplitModeValue)
  splitMode!: SplitModeValue;

  @Field(() => ID, { nullable: true, description: "The recording member's own ledger account the ledger books their payment on." })
  ledgerAccountId!: string | null;

  @Field(() => Boolean)
  deleted!: boolean;

  @Field(() => String, { description: "ISO-8601 instant." })
  createdAt!: string;

  @Field(() => String, { description: "ISO-8601 instant." })
  updatedAt!: string;

  /** For `createdBy`. */
  createdById!: string;

  /** For `groupAmount`, whose currency is the group's. */
  groupAmountMinor!: bigint;

  static from(entity: ExpenseEntity): GroupExpense {
    return Object.assign(new GroupExpense(), {
      id: entity.id,
      groupId: entity.groupId,
      description: entity.description,
      amount: MoneyType.from({ amountMinor: entity.amountMinor, currency: entity.currency }),
      groupAmountMinor: entity.groupAmountMinor,
      exchangeRate: entity.exchangeRate,
      date: entity.date,
      splitMode: entity.splitMode as SplitModeValue,
      ledgerAccountId: entity.ledgerAccountId,
      deleted: entity.deletedAt !== null,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
      createdById: entity.createdBy,
    });
  }
}

@ObjectType("GroupExpenseShare", {
  description: "One member's part of an expense; the amounts of all members add up to the expense exactly.",
})
export class GroupExpenseShare {
  @Field(() => GroupMember)
  member!: GroupMember;

  @Field(() => MoneyType, { description: "In the expense's currency." })
  amount!: MoneyType;

  @Field(() => MoneyType, { description: "In the group's currency." })
  groupAmount!: MoneyType;
}

@ObjectType("GroupExpenseEdge")
export class GroupExpenseEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => GroupExpense)
  node!: GroupExpense;
}

@ObjectType("GroupExpenseConnection", { description: "Newest first (date, then when recorded)." })
export class GroupExpenseConnection {
  @Field(() => [GroupExpenseEdge])
  edges!: GroupExpenseEdge[];

  @Field(() => [GroupExpense])
  nodes!: GroupExpense[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
