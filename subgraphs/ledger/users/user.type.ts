import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Identity's user, extended with the ledger's fields (accounts, transactions, categories, net worth). */
@Directive('@key(fields: "id")')
@ObjectType("User")
export class UserRef {
  @Field(() => ID)
  id!: string;
}
