import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Identity's user, extended here with their portfolios and what they are worth. */
@Directive('@key(fields: "id")')
@ObjectType("User")
export class InvestmentsUser {
  @Field(() => ID)
  id!: string;
}
