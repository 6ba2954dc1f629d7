import { Directive, Field, ID, ObjectType } from "type-graphql";
import { MoneyType } from "../../../platform/money/index.js";
import { UserRef } from "../users/user.type.js";
import type { TransactionEntity } from "./transaction.entity.js";

@Directive('@key(fields: "id")')
@ObjectType("Transaction")
export class Transaction {
  @Field(() => ID)
  id!: string;

  @Field(() => MoneyType, { description: "Negative for money out." })
  amount!: MoneyType;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: "Calendar date, YYYY-MM-DD." })
  date!: string;

  @Field(() => UserRef, { description: "Resolved by the identity subgraph." })
  owner!: UserRef;

  static from(entity: TransactionEntity): Transaction {
    return Object.assign(new Transaction(), {
      id: entity.id,
      amount: MoneyType.from({ amountMinor: entity.amountMinor, currency: entity.currency }),
      description: entity.description,
      date: entity.date,
      owner: Object.assign(new UserRef(), { id: entity.userId }),
    });
  }
}
