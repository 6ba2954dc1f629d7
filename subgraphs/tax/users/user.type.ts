import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Identity's user, extended here with their tax profile and year summaries. */
@Directive('@key(fields: "id")')
@ObjectType("User")
export class TaxUser {
  @Field(() => ID)
  id!: string;
}
