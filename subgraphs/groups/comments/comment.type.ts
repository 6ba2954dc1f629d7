import { Field, ID, ObjectType } from "type-graphql";

import type { GroupCommentRow } from "./comment.service.js";

@ObjectType("GroupComment", { description: "A member's comment on a group expense or settlement." })
export class GroupComment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => ID, { nullable: true, description: "The expense whose thread it is in (null on a settlement's)." })
  expenseId!: string | null;

  @Field(() => ID, { nullable: true, description: "The settlement whose thread it is in (null on an expense's)." })
  settlementId!: string | null;

  @Field(() => String, { nullable: true, description: "Up to 2,000 characters; null once deleted." })
  body!: string | null;

  @Field(() => Boolean)
  deleted!: boolean;

  @Field(() => String, { description: "ISO-8601 instant." })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: "ISO-8601 instant of the last edit; null if never edited." })
  editedAt!: string | null;

  authorMemberId!: string;

  static from(row: GroupCommentRow): GroupComment {
    return Object.assign(new GroupComment(), {
      id: row.id,
      groupId: row.groupId,
      expenseId: row.expenseId,
      settlementId: row.settlementId,
      body: row.body,
      deleted: row.deletedAt !== null,
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      authorMemberId: row.authorMemberId,
    });
  }
}
