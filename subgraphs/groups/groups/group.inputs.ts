import { Field, ID, InputType } from "type-graphql";

import { GroupRole } from "../members/member.type.js";

@InputType()
export class CreateGroupInput {
  @Field(() => String, { description: "1 to 100 characters." })
  name!: string;

  @Field(() => String, { description: "ISO-4217; balances, settlements and savings goals are kept in it." })
  currency!: string;

  @Field(() => String, { nullable: true, description: 'How you appear to the others (1 to 60 characters); "Owner" when left out.' })
  displayName?: string | null;
}

@InputType()
export class AddGroupMemberInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => String, { description: "A person without an account (yet): 1 to 60 characters." })
  displayName!: string;
}

@InputType({ description: "Fields left out stay as they are." })
export class UpdateGroupMemberInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => String, { nullable: true, description: "Members rename themselves and placeholders; admins anyone." })
  displayName?: string | null;

  @Field(() => GroupRole, {
    nullable: true,
    description: "Owner: any role; giving OWNER hands the group over (you become ADMIN). Admins: MEMBER ↔ VIEWER.",
  })
  role?: GroupRole | null;
}
