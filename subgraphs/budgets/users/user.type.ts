import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Identity's user, extended here with spending figures. */
@Directive('@key(fields: "id")')
@ObjectType("User")
export class BudgetsUser {
  @Field(() => ID)
  id!: string;
}
