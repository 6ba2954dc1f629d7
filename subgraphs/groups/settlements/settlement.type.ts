import { Field, ID, ObjectType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import type { SettlementEntity } from "./settlement.entity.js";

@ObjectType("GroupSettlement", { description: "A repayment from one member to another, in the group's currency." })
export class GroupSettlement {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => String, { description: "YYYY-MM-DD." })
  date!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true })
  ledgerAccountId!: string | null;

  @Field(() => String, { description: "ISO-8601 instant." })
  createdAt!: string;

  fromMemberId!: string;
  toMemberId!: string;

  static from(entity: SettlementEntity, currency: string): GroupSettlement {
    return Object.assign(new GroupSettlement(), {
      id: entity.id,
      groupId: entity.groupId,
      amount: MoneyType.from({ amountMinor: entity.amountMinor, currency }),
      date: entity.date,
      note: entity.note,
      ledgerAccountId: entity.ledgerAccountId,
      createdAt: entity.createdAt.toISOString(),
      fromMemberId: entity.fromMember,
      toMemberId: entity.toMember,
    });
  }
}
