import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { UserEntity } from "./user.entity.js";

/** The person using Moneta. Identity owns it; every other subgraph extends it by id. */
@Directive('@key(fields: "id")')
@ObjectType("User")
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Date)
  createdAt!: Date;

  static from(entity: UserEntity): User {
    return Object.assign(new User(), {
      id: entity.id,
      email: entity.email,
      displayName: entity.displayName,
      createdAt: entity.createdAt,
    });
  }
}
