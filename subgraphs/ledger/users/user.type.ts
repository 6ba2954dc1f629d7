import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Identity's user, referenced by id; ledger adds nothing to it yet. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("User")
export class UserRef {
  @Field(() => ID)
  id!: string;
}
