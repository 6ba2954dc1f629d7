import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Identity's user, extended here with the groups they belong to. */
@Directive('@key(fields: "id")')
@ObjectType("User")
export class GroupsUser {
  @Field(() => ID)
  id!: string;
}
