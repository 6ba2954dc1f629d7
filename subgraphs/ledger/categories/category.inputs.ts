import { Field, ID, InputType } from "type-graphql";

import { CategoryKind } from "./category.type.js";

@InputType()
export class CreateCategoryInput {
  @Field(() => String)
  name!: string;

  @Field(() => CategoryKind)
  kind!: CategoryKind;

  @Field(() => ID, { nullable: true, description: "A top-level category of the same kind." })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  icon?: string | null;

  @Field(() => String, { nullable: true, description: "#RRGGBB" })
  color?: string | null;

  @Field(() => String, { nullable: true, description: "Retrying with the same key returns the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Only the fields given change; null clears parent, icon or colour." })
export class UpdateCategoryInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => CategoryKind, { nullable: true })
  kind?: CategoryKind;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  icon?: string | null;

  @Field(() => String, { nullable: true })
  color?: string | null;
}
