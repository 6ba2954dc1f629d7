import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

import { PageInfo } from "../../../platform/graphql/index.js";
import type { ActivityRow } from "./activity.service.js";

export enum GroupActivityKind {
  EXPENSE_ADDED = "EXPENSE_ADDED",
  EXPENSE_UPDATED = "EXPENSE_UPDATED",
  EXPENSE_DELETED = "EXPENSE_DELETED",
  SETTLEMENT_RECORDED = "SETTLEMENT_RECORDED",
  COMMENT_ADDED = "COMMENT_ADDED",
  COMMENT_EDITED = "COMMENT_EDITED",
  COMMENT_DELETED = "COMMENT_DELETED",
}
registerEnumType(GroupActivityKind, { name: "GroupActivityKind", description: "What a member did." });

@ObjectType("GroupActivity", {
  description: "One entry of a group's activity feed: who did what, and to which expense, settlement or comment.",
})
export class GroupActivity {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => GroupActivityKind)
  kind!: GroupActivityKind;

  @Field(() => String, { description: "ISO-8601 instant." })
  at!: string;

  actorMemberId!: string | null;
  expenseId!: string | null;
  settlementId!: string | null;
  commentId!: string | null;

  static from(row: ActivityRow): GroupActivity {
    return Object.assign(new GroupActivity(), {
      id: row.id,
      groupId: row.groupId,
      kind: row.kind as GroupActivityKind,
      at: row.at.toISOString(),
      actorMemberId: row.actorMemberId,
      expenseId: row.expenseId,
      settlementId: row.settlementId,
      commentId: row.commentId,
    });
  }
}

@ObjectType("GroupActivityPage")
export class GroupActivityPage {
  @Field(() => [GroupActivity], { description: "Newest first." })
  nodes!: GroupActivity[];

  @Field(() => PageInfo, { description: "endCursor: pass it as `after` for the next page." })
  pageInfo!: PageInfo;
}
