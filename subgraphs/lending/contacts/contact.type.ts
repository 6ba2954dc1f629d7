import { Directive, Field, ID, ObjectType } from "type-graphql";

import type { ContactEntity } from "./contact.entity.js";

@Directive('@key(fields: "id")')
@ObjectType("Contact", { description: "Someone you lend money to or borrow from." })
export class Contact {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => String, { description: "ISO-8601 instant." })
  createdAt!: string;

  static from(entity: ContactEntity): Contact {
    return Object.assign(new Contact(), {
      id: entity.id,
      name: entity.name,
      email: entity.email,
      notes: entity.notes,
      createdAt: entity.createdAt.toISOString(),
    });
  }
}
