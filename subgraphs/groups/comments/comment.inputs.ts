import { Field, ID, InputType } from "type-graphql";

@InputType("AddGroupCommentInput", { description: "Name exactly one of expenseId and settlementId." })
export class AddGroupCommentInput {
  @Field(() => ID, { nullable: true })
  expenseId?: string | null;

  @Field(() => ID, { nullable: true })
  settlementId?: string | null;

  @Field(() => String, { description: "1 to 2,000 characters (trimmed); line breaks are kept." })
  body!: string;
}

@InputType("EditGroupCommentInput")
export class EditGroupCommentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "1 to 2,000 characters (trimmed)." })
  body!: string;
}
