import { Field, ID, InputType } from "type-graphql";

@InputType()
export class CreateContactInput {
  @Field(() => String, { description: "1 to 100 characters." })
  name!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Up to 2000 characters." })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: "Retrying with the same key returns the first result; kept at least 24 hours." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Fields left out stay as they are; null clears email and notes." })
export class UpdateContactInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}
