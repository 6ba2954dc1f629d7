import { Directive, Field, ID, ObjectType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import { GroupMember } from "../members/member.type.js";
import type { GroupEntity } from "./group.entity.js";

@Directive('@key(fields: "id")')
@ObjectType("Group", { description: "People sharing expenses in one currency: a household, a trip, a flat." })
export class Group {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "ISO-4217; balances, settlements and savings goals are in it." })
  currency!: string;

  @Field(() => Boolean)
  archived!: boolean;

  @Field(() => String, { description: "ISO-8601 instant." })
  createdAt!: string;

  static from(entity: GroupEntity): Group {
    return Object.assign(new Group(), {
      id: entity.id,
      name: entity.name,
      currency: entity.currency,
      archived: entity.archivedAt !== null,
      createdAt: entity.createdAt.toISOString(),
    });
  }
}

@ObjectType("GroupBalance", { description: "Positive: the member is owed that much; negative: they owe it." })
export class GroupBalance {
  @Field(() => GroupMember)
  member!: GroupMember;

  @Field(() => MoneyType)
  amount!: MoneyType;
}

@ObjectType("SettlementTransfer", { description: "One payment of a settle-up plan." })
export class SettlementTransfer {
  @Field(() => GroupMember)
  from!: GroupMember;

  @Field(() => GroupMember)
  to!: GroupMember;

  @Field(() => MoneyType)
  amount!: MoneyType;
}
