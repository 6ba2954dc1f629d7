import { Field, ID, InputType } from "type-graphql";

import { SecurityKind } from "./security.type.js";

@InputType()
export class CreateSecurityInput {
  @Field(() => String, { description: "1 to 32 letters, digits or . - _ ^ : = /; stored upper case, unique among your own." })
  symbol!: string;

  @Field(() => String, { description: "1 to 200 characters." })
  name!: string;

  @Field(() => SecurityKind)
  kind!: SecurityKind;

  @Field(() => String, { description: "ISO-4217; its prices must be in it." })
  currency!: string;

  @Field(() => String, { nullable: true, description: "e.g. XETRA, NASDAQ; up to 40 characters." })
  exchange?: string | null;
}

@InputType({ description: "Fields left out stay as they are; symbol and currency never change (prices and trades hang on them)." })
export class UpdateSecurityInput {
  @Field(() => ID, { description: "One of your own securities." })
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => SecurityKind, { nullable: true })
  kind?: SecurityKind | null;

  @Field(() => String, { nullable: true, description: "null clears it." })
  exchange?: string | null;
}
